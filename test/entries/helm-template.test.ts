/** The Helm template reader: actions filled from values.yaml or left computed, line numbers kept, never rendered. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinHelmWords, readHelmTemplate, type HelmValue } from '../../src/entries/support/helm-template.js';

const values: Record<string, HelmValue> = {
  'app.cmd': ['python', '-m', 'shop.web'],
  'app.port': '8000',
  'app.label': 'a: b # c',
};
const ctx = { values: (p: string[]) => values[p.join('.')], chartName: 'shop' };

test('helm template: control lines blanked, else branches dropped, values filled, lines kept', () => {
  const text = [
    '{{/* a comment',
    '   over two lines */}}',
    'name: {{ .Chart.Name }}-{{ .Release.Name }}',
    '{{- with .Values.app }}',
    'command:',
    '  {{- toYaml .cmd | nindent 2 }}',
    'port: {{ .port | quote }}',
    'label: {{ .label }}',
    'missing: {{ .nothing | default "7" }}',
    '{{- else }}',
    'command: ["other"]',
    '{{- end }}',
    'args:',
    '  {{- toYaml .Values.app.args | nindent 2 }}',
  ].join('\n');
  const t = readHelmTemplate(text, ctx);
  assert.deepEqual(t.text.split('\n'), [
    '',
    '',
    'name: shop-${Release_Name}',
    '',
    'command:',
    '  ["python","-m","shop.web"]',
    'port: "8000"',
    'label: "a: b # c"',
    'missing: "7"',
    '',
    '',
    '',
    'args:',
    '',
  ]);
  assert.deepEqual([...t.opaque], [[14, '{{ toYaml .Values.app.args | nindent 2 }}']]);
  assert.deepEqual([...t.placeholders], ['${Release_Name}']);
});

test('helm template: its placeholders stay expansions when joined; other ${…} text stays literal', () => {
  const t = readHelmTemplate('x: {{ .Values.hooks.script }}', ctx);
  assert.equal(joinHelmWords(['python', '${Values_hooks_script}', '--tag=${TAG}', ''], t), `python "\${Values_hooks_script}" '--tag=\${TAG}' ''`);
});

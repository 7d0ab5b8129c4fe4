/**
 * Import and reference edges write their own JSON text in the Audit (graph/edge-json-text.ts,
 * report/json.ts): byte for byte what `JSON.stringify(audit, null, 2)` wrote through their
 * `toJSON`, whatever the strings hold, mixed with plain edges in one slice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildImportEdges } from '../../src/graph/import-edges.js';
import { buildFrameworkEdges } from '../../src/graph/framework-edges.js';
import type { TargetResolver } from '../../src/graph/targets.js';
import { directJsonText, type Edge } from '../../src/model/edge.js';
import type { ImportFact } from '../../src/model/facts.js';
import type { ImportResolver, Resolution } from '../../src/resolve/types.js';
import type { Audit } from '../../src/model/audit.js';
import { renderJson } from '../../src/report/json.js';

const importEdges = (fact: Partial<ImportFact>, answers: Resolution[], from = 'app/main.py'): Edge[] => {
  const resolver: ImportResolver = { ecosystem: 'python', resolve: () => answers };
  const full: ImportFact = { specifier: 'pkg', syntax: 'from', line: 4, names: [{ name: 'a' }], guard: null, ...fact };
  const files = [{ path: from, language: 'python', facts: { imports: [full] } }] as Parameters<typeof buildImportEdges>[0];
  return buildImportEdges(files, { python: resolver, javascript: resolver }, () => null);
};
const referenceEdges = (from: string, target: string, label: string): Edge[] =>
  buildFrameworkEdges([{ from, target, targetKind: 'file', line: 3, label, reader: 'r"\\' }], { file: (p: string) => p, module: () => [] } as unknown as TargetResolver);

// Strings JSON escapes: quotes, backslashes, control characters, a lone surrogate, and some it does not (non-ASCII, a paired surrogate, U+2028).
const ODD = ['plain', 'a "quoted" \\ path', 'tab\there\nline', 'lone \ud800 half', 'é 日本 😀 \u2028', ''];

const edges = (): Edge[] => [
  ...importEdges({ guard: 'function', within: 'load' }, [{ to: 'pkg/x.py', via: 'root', mapping: 'the alias p (setup.cfg:3)' }]),
  ...importEdges({ names: [] }, [{ to: 'pkg/y.py', via: 'relative' }]),
  ...ODD.flatMap((s, i) => [
    ...importEdges({ specifier: s, names: ODD.map((name) => ({ name })), guard: 'try', line: i + 1 }, [{ to: `pkg/${s}.py`, via: s }], `app/${s}.py`),
    ...referenceEdges(`web/${s}.html`, `./${s}.css`, `named in web/${s}.html:3 as "${s}"`),
  ]),
  { from: 'app/main.py', to: null, kind: 'import', line: 9, specifier: 'os', names: [], guard: null, unresolved: 'stdlib', package: 'os' },
];

test('edge JSON text: an import or reference edge writes what JSON.stringify writes of its toJSON, at the indent given', () => {
  for (const edge of edges()) {
    const text = directJsonText(edge, '    ');
    if (edge.to === null) {
      assert.equal(text, undefined, 'a plain edge has no writer of its own');
      continue;
    }
    assert.equal(text, JSON.stringify(edge, null, 2).replaceAll('\n', '\n    '));
  }
});

test('edge JSON text: an edge re-marked after it was made (test-flags sets via and label) writes its new fields', () => {
  const [edge] = importEdges({}, [{ to: 'pkg/x.py', via: 'root' }]);
  edge.via = 'test-flag';
  edge.label = 'lengthened "sentence"';
  assert.equal(directJsonText(edge, ''), JSON.stringify(edge, null, 2));
});

test('edge JSON text: the Audit with its edges in slices of written and stringified items is JSON.stringify(audit, null, 2) byte for byte', () => {
  const many = Array.from({ length: 12 }, edges).flat();
  const audit = { schemaVersion: 1, files: [], edges: many, entries: [], warnings: [] } as unknown as Audit;
  assert.ok(many.length > 130, 'several slices');
  assert.equal(renderJson(audit, { color: false }), `${JSON.stringify(audit, null, 2)}\n`);
});

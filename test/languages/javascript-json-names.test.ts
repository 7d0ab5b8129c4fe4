/** The bare `.json` names a JS text quotes (json-names.ts): the superset manifest-files pre-tests code files by. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { quotedJsonNames } from '../../src/languages/javascript/json-names.js';
import { commentsBlanked } from '../../src/languages/javascript/text-skips.js';
import { javascriptExtractor } from '../../src/languages/javascript/extract.js';

test('json-names: quoted bare names, each once, comments too; not a path, an interpolation or a name starting with a dot', () => {
  const text = [
    "const m = path.join(dir, 'ungit-plugin.json');",
    'read(`task.json`, "task.json");',
    "// a note: 'old.json'",
    "require('./settings.json'); x('a/b.json'); y(`${n}.json`); z('.hidden.json'); w('a.json.bak');",
    "v('@scope+x-1.json')",
  ].join('\n');
  assert.deepEqual(quotedJsonNames(text), ['ungit-plugin.json', 'task.json', 'old.json', '@scope+x-1.json']);
});

test('json-names: every name the manifest-files pattern finds in the text with comments blanked is among them (property)', () => {
  const BARE = /(['"`])([\w@+-][\w.@+-]*\.json)\1/g;
  const parts = fc.constantFrom("'", '"', '`', 'a', '.json', '.', '/', '//', '/*', '*/', '\n', ' ', '@', '-', '${', '}', 'x.json', "'p.json'");
  fc.assert(
    fc.property(fc.array(parts, { maxLength: 40 }).map((p) => p.join('')), (text) => {
      const names = new Set(quotedJsonNames(text));
      for (const m of commentsBlanked(text).matchAll(BARE)) assert.ok(names.has(m[2]), `${JSON.stringify(text)}: ${m[2]}`);
    }),
    { numRuns: 2000 },
  );
});

test('json-names: extraction records them with the text marks, and none where the text quotes none', () => {
  const named = javascriptExtractor.extract('src/a.js', "const p = require('path');\nmodule.exports = p.join(__dirname, 'plugin.json');\n");
  assert.deepEqual(named.jsonNames, ['plugin.json']);
  const none = javascriptExtractor.extract('src/b.js', "module.exports = require('./c.json');\n");
  assert.ok(none.textMarks !== undefined);
  assert.equal(none.jsonNames, undefined);
});

/**
 * Stop 65: the build output map reads a package.json's value from the scan's strict JSON parse
 * when it has one, else as JSONC: it must be the value JSONC_MANIFEST gives, for strict JSON,
 * comments, trailing commas, a byte order mark, text that parses neither way and a missing file,
 * and for seeded texts made of such pieces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JSONC_MANIFEST } from '../../src/manifests/json.js';
import { Manifests } from '../../src/manifests/store.js';
import { packageJsonValue } from '../../src/languages/javascript/package-json-value.js';

const storeOf = (text: string | null): Manifests => new Manifests({ readText: () => text, files: new Set(['package.json']) });
const jsoncValue = (text: string | null): unknown => storeOf(text).get('package.json', JSONC_MANIFEST);

const CASES: Record<string, string | null> = {
  strict: '{ "name": "a", "scripts": { "build": "tsc --outDir dist" }, "url": "https://x//y" }',
  comments: '{\n  // the name\n  "name": "a" /* inline */\n}',
  trailing: '{ "main": "dist/index.js", }',
  bomStrict: '\ufeff{ "name": "a" }',
  bomComments: '\ufeff{ /* c */ "name": "a" }',
  invalid: '{ "name": ',
  literalNull: 'null',
  array: '[1, 2]',
  missing: null,
};

for (const [name, text] of Object.entries(CASES)) {
  test(`packageJsonValue gives JSONC_MANIFEST's value: ${name}`, () => {
    assert.deepEqual(packageJsonValue(storeOf(text), 'package.json'), jsoncValue(text));
  });
}

test('packageJsonValue gives JSONC_MANIFEST\'s value for seeded texts of JSON, comment, comma and BOM pieces', () => {
  const seed = Date.now();
  console.log(`package-json-value property seed ${seed}`);
  const piece = fc.constantFrom('{', '}', '[', ']', '"a"', '"//"', '"/*"', ':', ',', '1', 'null', ' ', '\n', '// c\n', '/* c */', '\ufeff', '"\\""');
  fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
    const text = pieces.join('');
    assert.deepEqual(packageJsonValue(storeOf(text), 'package.json'), jsoncValue(text));
  }), { numRuns: 3000, seed });
});

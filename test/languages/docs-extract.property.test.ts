/**
 * The docs extractor skips a line's path and module patterns when a cheap test says the line
 * cannot hold a match: on random lines built from the characters those patterns care about,
 * every line that matches a pattern must pass its pre-test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { MAY_HOLD_MODULE, MAY_HOLD_PATH, MODULE_WORD, PATH_WORD } from '../../src/languages/docs/extract.js';

const PIECES = ['a', 'B', '_', '1', '.', '..', '/', './', '-', '@', ' ', '`', "'", '"', '(', '[', '<', ':', '=', ')', ']', '>', ',', ';', '!', '?', '#', 'py', 'pyi', 'js', 'ts', 'tsx', 'sh', 'bash', 'md', 'com', '://', 'é'];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(''));

test('a line that holds a path or module word passes the pre-test for it', () => {
  assertProperty(
    fc.property(line, (text) => {
      if ([...text.matchAll(PATH_WORD)].length > 0) assert.ok(MAY_HOLD_PATH.test(text), `path in ${JSON.stringify(text)}`);
      if ([...text.matchAll(MODULE_WORD)].length > 0) assert.ok(MAY_HOLD_MODULE.test(text), `module in ${JSON.stringify(text)}`);
    }),
    { numRuns: 3000 },
  );
});

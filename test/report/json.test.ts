/** The JSON reporter writes a big Audit in pieces; joined, they are JSON.stringify's text byte for byte. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Audit } from '../../src/model/audit.js';
import { jsonPieces, renderJson } from '../../src/report/json.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const reference = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

test('json: the pieces of a real Audit join to JSON.stringify(audit, null, 2)', async () => {
  const { audit } = await scanDir(join(REPO_ROOT, 'examples/demo'), { duplicates: {} });
  assert.equal(renderJson(audit, { color: false }), reference(audit));
});

test('json: empty arrays and objects, absent fields, nested arrays, odd strings and pieces past a megabyte', () => {
  const files = Array.from({ length: 12_000 }, (_, i) => ({ path: `src/m${i}.py`, names: [`n${i}`, 'quote " and \u2028 and \n'], nested: { a: [[]], b: {} }, gone: undefined }));
  const audit = { schemaVersion: 1, empty: [], none: {}, absent: undefined, files, tail: [null, 1, 'x'] } as unknown as Audit;
  const pieces = [...jsonPieces(audit)];
  assert.ok(pieces.length > 1, 'a 1.5 MB audit comes in more than one piece');
  assert.equal(pieces.join(''), reference(audit));
  assert.equal(renderJson({} as Audit, { color: false }), reference({}));
});

test('json: arrays one past a slice, an exact number of slices, and holes, at the top level', () => {
  for (const length of [64, 65, 128, 129, 200]) {
    const items = Array.from({ length }, (_, i) => (i % 7 === 3 ? undefined : i % 5 === 0 ? { i, a: [i, 'x'] } : i % 2 ? `s${i}` : [i]));
    const audit = { before: 1, items, after: { z: [] } } as unknown as Audit;
    assert.equal([...jsonPieces(audit)].join(''), reference(audit), `length ${length}`);
    const alone = { items } as unknown as Audit;
    assert.equal([...jsonPieces(alone)].join(''), reference(alone), `alone, length ${length}`);
  }
});

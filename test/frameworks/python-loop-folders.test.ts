/**
 * loop-folders' line cutting: the hand-cut comment and header colon take what the old patterns took
 * (property test, seed printed), and a hostile long line of spaces above a listing is read in linear time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

// The old patterns: quadratic over a long run of spaces (s56-rm2 finding 2: 3-5 s on a 40 000-space line).
const OLD_REST = /^(.*?)\s*(?:#.*)?$/;
const OLD_HEADER = /^(.*?)\s*:\s*(?:#.*)?$/;

test('loop-folders: beforeComment and beforeHeaderColon take what the old patterns took', async () => {
  const { beforeComment, beforeHeaderColon } = await import('../../src/frameworks/python/loop-folders.js');
  for (const text of ['[A, B]  # dirs', 'DIRS:', 'DIRS :  # c', "['#a']:", 'x: y', 'a: b:', ':', '', '   ', 'd[1:2]:', 'x #: y']) {
    assert.equal(beforeComment(text), OLD_REST.exec(text)?.[1] ?? null, text);
    assert.equal(beforeHeaderColon(text), OLD_HEADER.exec(text)?.[1] ?? null, text);
  }
  const seed = Number(process.env.CENSUS_SEED ?? Date.now() % 1_000_000);
  console.log(`loop-folders property seed: ${seed}`);
  let state = seed;
  const next = (n: number): number => (state = (state * 1103515245 + 12345) % 2147483648) % n;
  const pieces = ['a', 'DIRS', ' ', '\t', ':', '#', '[', ']', ',', "'", '.', 'x'];
  for (let i = 0; i < 20000; i++) {
    let text = '';
    for (let k = next(12); k >= 0; k--) text += pieces[next(pieces.length)];
    assert.equal(beforeComment(text), OLD_REST.exec(text)?.[1] ?? null, `seed ${seed}: ${JSON.stringify(text)}`);
    assert.equal(beforeHeaderColon(text), OLD_HEADER.exec(text)?.[1] ?? null, `seed ${seed}: ${JSON.stringify(text)}`);
  }
});

// Not a speed budget: the old patterns would take many minutes on these lines; the timeout only keeps a regression from hanging the suite.
test('loop-folders: a long line of spaces above a listing finishes', { timeout: 60_000 }, async () => {
  const { loopFolders } = await import('../../src/frameworks/python/loop-folders.js');
  const { lineStarts } = await import('../../src/util/lines.js');
  const spaces = ' '.repeat(400_000);
  const text = `DIRS = [HERE]\nDIRS = a${spaces}b\ndef load():\n    for d in a${spaces}b\n    for d in DIRS:\n        for f in os.listdir(d):\n            pass\n`;
  assert.deepEqual(loopFolders(text, lineStarts(text), 6, 'd'), { line: 5, list: 'DIRS', items: [] });
  const far = `DIRS = [HERE]\nDIRS += [a${spaces}b\ndef load():\n    for d in a${spaces}b\n        for f in os.listdir(d):\n            pass\n`;
  assert.equal(loopFolders(far, lineStarts(far), 5, 'd'), null);
});

/**
 * census's dead verdicts scored against knip's unused files. Each case in test/fixtures/knip/ is
 * a small repo written after one of knip's plugin fixtures (webpack, vite, next, jest, ...), with
 * the files knip calls unused in <case>.knip.json. A case's dead JS/TS files and its score are
 * pinned in <case>.expected.json, so any change in what census reads shows up as a diff; the
 * table of scores is printed on every run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedFor, fixtureCases, fixturePath } from './helpers/fixtures.js';
import { scanDir } from './helpers/scan-fixture.js';

const JS_TS = /\.(c|m)?[jt]sx?$/;

interface Score {
  dead: string[];
  falseDead: string[];
  missed: string[];
}

const cases = fixtureCases('knip');
const scores = new Map<string, Score>();

for (const name of cases) {
  test(`knip score: ${name}`, async () => {
    const dir = fixturePath('knip', name);
    const unused = JSON.parse(readFileSync(`${dir}.knip.json`, 'utf8')) as string[];
    for (const f of unused) assert.ok(existsSync(join(dir, f)), `${name}.knip.json names ${f}, which the fixture lacks`);
    const { audit } = await scanDir(dir);
    const dead = audit.files.filter((f) => f.verdict === 'dead' && JS_TS.test(f.path)).map((f) => f.path);
    const score: Score = { dead, falseDead: dead.filter((f) => !unused.includes(f)), missed: unused.filter((f) => !dead.includes(f)) };
    scores.set(name, score);
    assert.deepEqual(score, expectedFor('knip', name, score));
  });
}

test('knip score: the table', { concurrency: false }, () => {
  assert.ok(cases.length >= 10, 'at least ten knip-derived cases');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const rows = [...scores].map(([name, s]) => {
    const hits = s.dead.length - s.falseDead.length;
    tp += hits;
    fp += s.falseDead.length;
    fn += s.missed.length;
    return `${name.padEnd(16)} dead ${String(s.dead.length).padStart(2)}  false-dead ${String(s.falseDead.length).padStart(2)}  missed ${String(s.missed.length).padStart(2)}`;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  console.log([...rows, `precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  (${tp} of ${tp + fn} unused found, ${fp} false-dead)`].join('\n'));
});

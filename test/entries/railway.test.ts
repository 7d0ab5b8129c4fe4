/** railway: every fixture test/fixtures/entries/railway-<case>/ against its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import detector from '../../src/entries/railway.js';
import { detectorCases } from '../helpers/run-detector.js';

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});

test(`${detector.id}: JSON that does not parse is a warning naming the file and line, and nothing else`, () => {
  assert.ok('detect' in detector);
  const out = detector.detect({ path: 'svc/railway.json', text: '{\n  "deploy": {\n    "startCommand": "python app.py",\n  oops\n}\n' } as never, {} as never);
  assert.equal(out.entries.length + out.commands.length, 0);
  assert.equal(out.diagnostics.length, 1);
  assert.equal(out.diagnostics[0]!.id, 'railway/bad-json');
  assert.equal(out.diagnostics[0]!.location?.file, 'svc/railway.json');
  assert.ok((out.diagnostics[0]!.location?.line ?? 0) >= 3, JSON.stringify(out.diagnostics[0]));
});

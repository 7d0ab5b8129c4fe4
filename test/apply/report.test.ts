/** The ApplyReport's renderings: each says the outcome, what was done and what broke, from the report alone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApplyReport } from '../../src/model/apply.js';
import { renderView } from '../../src/report/index.js';

const report: ApplyReport = {
  reportVersion: 1,
  tool: { name: 'census', version: '0.0.0' },
  generatedAt: '2026-01-01T00:00:00.000Z',
  plan: 'plan.json',
  root: '.',
  status: 'rolled-back',
  problems: [],
  actions: [{ path: 'a|b.py', action: 'move', to: 'lib/a.py', done: 'git mv a|b.py lib/a.py' }],
  edits: [{ file: 'main.py', line: 3, before: 'from a import f', after: 'from lib.a import f', item: 'a|b.py' }],
  skipped: [{ path: 'c.py', action: 'review' }],
  checks: [
    { name: 'broken-imports', ok: false, failures: ['tools/x.py:1 imports a: broken-internal (caused by: move a|b.py → lib/a.py)'] },
    { name: 'verdicts', ok: true, failures: [] },
  ],
  test: { command: 'npm test', exitCode: 1, output: ['FAIL \u001b]0;title\u0007 x'] },
  notes: ['HEAD moved'],
  diff: [' a.py => lib/a.py | 0'],
  diffSize: { files: 1, insertions: 0, deletions: 0 },
};

test('terminal: the outcome first, each failure with its cause, repo text made safe', async () => {
  const text = String(await renderView('apply', 'terminal', report, { color: false }));
  assert.match(text, /^census apply plan\.json → \.: a check failed: the working tree and index were restored$/m);
  assert.match(text, /^ {2}FAIL broken-imports$/m);
  assert.match(text, /caused by: move a\|b\.py → lib\/a\.py/);
  assert.match(text, /main\.py:3 {2}from a import f {2}→ {2}from lib\.a import f/);
  assert.ok(!text.includes('\u001b]0;'), 'a terminal escape from the test output is shown, not sent');
});

test('md: tables with pipes escaped; json: the report as it is', async () => {
  const md = String(await renderView('apply', 'md', report, { color: false }));
  assert.match(md, /^\| `a\\\|b\.py` \| move \| `lib\/a\.py` \|/m);
  assert.match(md, /^- ❌ broken-imports$/m);
  assert.deepEqual(JSON.parse(String(await renderView('apply', 'json', report, { color: false }))), report);
});

/**
 * `census baseline` and `census check` end to end, as a user runs them in a temp copy of the ledger
 * fixture: exit 0 (pass), 1 (regression), 2 (usage or config error), 3 (incomplete analysis), what they print,
 * and the baseline file they write.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyFixture, removeDir } from './temp-repo.js';
import { sarifErrors } from './sarif-schema.js';

let dir = '';
before(() => {
  dir = copyFixture('ledger-repo');
});
after(() => removeDir(dir));

const census = (...args: string[]) => runCli([...args, '--no-env', '--workers', '1'], { cwd: dir });
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));

test('check without a baseline: every finding is new, it says so, exit 1', () => {
  const r = census('check');
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /no baseline at \.census\/baseline\.json: every finding counts as new/);
  assert.match(r.stdout, /census check: FAILED — 6 new findings over the limits/);
  // Nothing but census's facts cache (README "Cache"): no baseline, no history.
  assert.ok(!existsSync(join(dir, '.census')) || readdirSync(join(dir, '.census')).every((n) => n === 'cache' || n === '.gitignore'), 'check writes nothing but its cache');
});

test('baseline writes .census/baseline.json, sorted with a header, and says what it wrote', () => {
  const r = census('baseline');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.split('\n')[0], 'wrote .census/baseline.json: 7 accepted findings: 2 dead files, 3 import findings, 1 duplicate cluster, 1 command running a missing file');
  const text = readFileSync(join(dir, '.census/baseline.json'), 'utf8');
  const baseline = JSON.parse(text);
  assert.equal(baseline.census, '0.1.0');
  assert.equal(baseline.commit, null);
  assert.match(baseline.date, /^\d{4}-\d\d-\d\dT/);
  assert.deepEqual(baseline.findings, [...baseline.findings].sort());
  // One key per line, so a diff of the file shows exactly the findings that changed.
  for (const key of baseline.findings) assert.ok(text.includes(`\n    ${JSON.stringify(key)}`), key);
});

test('check against the fresh baseline passes with exit 0', () => {
  const r = census('check');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /no new findings/);
  assert.match(r.stdout, /census check: passed/);
});

test('moved code is not new; a new dead file and a new broken import are, exit 1', () => {
  edit('ledger/reconcile.py', (t) => t.replace('from ledger.fx_rates', '\n\n\n\n\n\n\n\n\n\nfrom ledger.fx_rates'));
  edit('ledger/currency.py', (t) => `${t}\n\ndef to_euro_cents(amount):\n    from ledger.rounding import half_even\n    return half_even(amount * 100)\n`);
  writeFileSync(join(dir, 'scripts/migrate_2024.py'), '"""One-off migration of the 2024 ledger."""\n');
  const r = census('check');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const newBlock = r.stdout.split('new findings over the limits:')[1]?.split('\n\n')[0] ?? '';
  assert.match(newBlock, /dead\s+scripts\/migrate_2024\.py/);
  assert.match(newBlock, /broken-internal\s+ledger\/currency\.py:20\s+broken-internal import: ledger\.rounding/);
  assert.doesNotMatch(newBlock, /reconcile/);
  // tools/currency.py no longer matches ledger/currency.py exactly: that cluster is fixed.
  assert.match(r.stdout, /fixed since the baseline[^\n]*\n\s+dupe:exact:ledger\/currency\.py,tools\/currency\.py/);
});

test('--format github and --format sarif keep the exit code; sarif to --output is valid', () => {
  const github = census('check', '--format', 'github');
  assert.equal(github.code, 1);
  assert.match(github.stdout, /^::error file=scripts\/migrate_2024\.py,line=1,title=census%3A new dead::/m);
  const sarif = census('check', '--format', 'sarif', '--output', 'census.sarif');
  assert.equal(sarif.code, 1);
  assert.match(sarif.stderr, /census: wrote census\.sarif/);
  assert.match(sarif.stderr, /census check: FAILED/, 'the verdict still reaches the person watching the job');
  assert.deepEqual(sarifErrors(JSON.parse(readFileSync(join(dir, 'census.sarif'), 'utf8'))), []);
  rmSync(join(dir, 'census.sarif'));
});

test('fixing the new findings brings exit 0 back', () => {
  rmSync(join(dir, 'scripts/migrate_2024.py'));
  edit('ledger/currency.py', (t) => t.replace(/\n\ndef to_euro_cents[\s\S]*$/, '\n'));
  const r = census('check');
  assert.equal(r.code, 0, r.stdout);
});

test('a config limit on accepted findings fails the check: check.max', () => {
  writeFileSync(join(dir, 'census.config.json'), JSON.stringify({ check: { max: { 'broken-internal': 0 } } }));
  const r = census('check');
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /broken-internal: 1 in total, at most 0 allowed \(check\.max\)/);
  rmSync(join(dir, 'census.config.json'));
});

test('an invalid check config is exit 2 with the key named', () => {
  writeFileSync(join(dir, 'census.config.json'), JSON.stringify({ check: { maxNew: { deadd: 0 } } }));
  const r = census('check');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /census\.config\.json: "check\.maxNew\.deadd" is not a finding category/);
  rmSync(join(dir, 'census.config.json'));
});

test('an incomplete analysis exits 3 and names the file, unless check.allowIncomplete accepts it', () => {
  // scripts/old_export.py is dead and in the baseline either way: only completeness changes.
  edit('scripts/old_export.py', (t) => `${t}\ndef broken(:\n    pass\n`);
  const r = census('check');
  assert.equal(r.code, 3, r.stdout);
  assert.match(r.stdout, /the analysis is incomplete: 1 file could not be read or parsed fully[^\n]*\n\s+scripts\/old_export\.py/);
  assert.match(r.stdout, /census check: INCOMPLETE/);
  writeFileSync(join(dir, 'census.config.json'), JSON.stringify({ check: { allowIncomplete: true } }));
  const accepted = census('check');
  assert.equal(accepted.code, 0, accepted.stdout);
  assert.match(accepted.stdout, /accepted by the census config \(check\.allowIncomplete: true\)/);
});

test('an unknown format is a usage error, exit 2', () => {
  const r = census('check', '--format', 'html');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown format "html" for check; choose one of terminal, md, sarif, github, json/);
});

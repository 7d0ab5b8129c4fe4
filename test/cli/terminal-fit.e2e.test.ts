/**
 * The terminal summary names files and fits the terminal (issue #16, items 2 and 3): on a repo the
 * size of the user's legal-document audit, scan, imports, check and history print no line wider
 * than 100 columns when standard output is not a terminal, and the terminal's own width when it is.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runCli as runWide } from '../helpers/cli.js';
import { makeLegalDocRepo } from '../helpers/legal-doc-repo.js';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

const repo = makeLegalDocRepo();
/** As census runs in a pipe or a CI log: no terminal, no $COLUMNS. */
const runCli = (args: string[], options: { cwd?: string } = {}) => runWide(args, { ...options, env: { COLUMNS: '' } });
after(() => rmSync(repo, { recursive: true, force: true }));

/** Columns on screen: one per code point (census output has no wide characters of its own). */
const tooWide = (text: string, width: number): string[] => text.split('\n').filter((line) => [...line].length > width);

test('scan, imports, check and history fit 100 columns when standard output is not a terminal', () => {
  assert.equal(runCli(['baseline', repo, '--no-env']).code, 0);
  // A wider command line in the crontab and a new dead file: check has findings to print.
  const outputs = {
    scan: runCli(['scan', repo, '--no-env', '--record']),
    imports: runCli(['imports', repo, '--no-env']),
    check: runCli(['check', repo, '--no-env', '--record']),
    history: runCli(['history', repo]),
  };
  for (const [command, r] of Object.entries(outputs)) {
    assert.ok(r.code === 0 || r.code === 1, `${command}: exit ${r.code}: ${r.stderr}`);
    assert.ok(r.stdout.split('\n').length > 5, `${command} printed something: ${r.stdout}`);
    assert.deepEqual(tooWide(r.stdout, 100), [], `${command}: lines over 100 columns`);
  }
  // The fixture really is wider than that: unfitted, the crontab's evidence alone is over 200 columns.
  assert.ok(runCli(['scan', repo, '--no-env', '--format', 'md']).stdout.split('\n').some((l) => l.length > 200));
  assert.deepEqual(tooWide(runWide(['scan', repo, '--no-env'], { env: { COLUMNS: '60' } }).stdout, 60), [], '$COLUMNS sets the width without a terminal');
});

test('the terminal summary names the files that are not production, dead and manual first, by folder', () => {
  const r = runCli(['scan', repo, '--no-env']);
  const lists = r.stdout.slice(r.stdout.indexOf('Files that are not production, by folder:'));
  assert.match(lists, /^dead: 42 files$/m);
  assert.match(lists, /^manual: 14 files$/m);
  assert.ok(lists.indexOf('dead:') < lists.indexOf('manual:'), 'dead first');
  // A folder too long to share a line with a name takes its own; names follow, indented.
  assert.match(lists, /^ {2}scripts\/utilities\/experimental_entity_resolution\/\n {6}check_experimental_entity_resolution_step_00_with_a_long_descriptive_name\.py,$/m);
  assert.match(lists, /^ {6}… and 9 more in this folder$/m, 'a folder takes at most two lines of names');
});

test('--limit N caps the file lists at N lines; the entry point that names nothing is listed when there is room', () => {
  const capped = runCli(['scan', repo, '--no-env', '--limit', '6']);
  const lists = capped.stdout.slice(capped.stdout.indexOf('Files that are not production, by folder:')).split('\n');
  const end = lists.findIndex((l) => l.startsWith('… and '));
  assert.equal(end, 6, `six lines, the last one says how many more: ${lists.join('\n')}`);
  const all = runCli(['scan', repo, '--no-env', '--limit', '500']).stdout;
  assert.match(all, /^entry points that name nothing in the repo: 1$/m);
  assert.match(all, /^ {2}deploy\/crontab:2 {2}.*weekly_reconciliation/m);
  assert.doesNotMatch(all, /… and \d+ more, see/);
  // Named once: the missing-files section does not list again what the file lists named.
  const named = (out: string): number => out.split('\n').filter((l) => l.includes('deploy/crontab:2')).length;
  assert.equal(named(all), 1, all);
  // Left out of the capped lists, it is still named once, as a finding.
  assert.equal(named(capped.stdout), 1, capped.stdout);
  assert.match(capped.stdout, /missing from the repo:\n {2}deploy\/crontab:2: /);
  assert.equal(runCli(['scan', repo, '--no-env', '--limit', '0']).stdout.includes('Files that are not production'), false, '--limit 0 lists none');
});

test('at a terminal, lines fit its width and the lists its height', async () => {
  let out = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: () => {}, color: true, cwd: process.cwd(), columns: 60, rows: 12 };
  assert.equal(await run(['scan', repo, '--no-env'], io), 0);
  // eslint-disable-next-line no-control-regex
  const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
  assert.deepEqual(tooWide(plain, 60), []);
  const lists = plain.slice(plain.indexOf('Files that are not production')).split('\n');
  assert.equal(lists.findIndex((l) => l.startsWith('… and ')), 12, 'twelve lines of lists: the terminal\'s height');
});

test('a folder scan says which project it audited, in words', () => {
  const r = runCli(['scan'], { cwd: `${process.cwd()}/examples/demo/sidecar` });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^census: auditing \.\.\/ \(its census config\) and reporting sidecar\/ only$/m);
  assert.match(r.stdout, /^census \d+\.\d+\.\d+ — sidecar\/ in the project at \.\.\/( @ [0-9a-f]{10}.*)?$/m);
});

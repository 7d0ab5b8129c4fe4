/**
 * The reporter registry is the one source of --format: every command that prints a view takes its
 * choices from it with one error wording, its usage and help list them, the README's formats table
 * is the registry's, and `--format json` means the documented document per view.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAllCommands } from '../../src/cli/commands/index.js';
import { commandHelp } from '../../src/cli/help.js';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { DEFAULT_FORMAT, FORMAT_NAMES, formatsOf, VIEWS, type ViewName } from '../../src/report/index.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const runInProcess = async (argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false, cwd: REPO_ROOT };
  const code = await run(argv, io);
  return { code, stdout, stderr };
};

const COMMANDS = await loadAllCommands();
const viewCommands = COMMANDS.filter((c) => c.view !== undefined);

test('every command with --format prints a registry view, and every view is printed by its commands', () => {
  for (const c of COMMANDS) assert.equal(c.options.includes('format'), c.view !== undefined, `census ${c.name}: --format and a view go together`);
  for (const [view, spec] of Object.entries(VIEWS)) {
    assert.deepEqual(viewCommands.filter((c) => c.view === view).map((c) => c.name).sort(), [...spec.commands].sort(), `view ${view}`);
    for (const f of formatsOf(view as ViewName)) assert.ok((FORMAT_NAMES as readonly string[]).includes(f));
  }
  assert.equal(DEFAULT_FORMAT, 'terminal');
});

test('a bad --format is one line with one wording for every command, listing the view\'s formats', async () => {
  for (const c of viewCommands) {
    const argv = c.name === 'report' ? ['report', 'audit.json', '--format', 'pdf'] : [c.name, '--format', 'pdf'];
    const r = await runInProcess(argv);
    assert.equal(r.code, 2, `census ${c.name}`);
    assert.equal(r.stderr, `census: unknown format "pdf" for ${c.name}; choose one of ${formatsOf(c.view!).join(', ')}\n`);
    assert.equal(r.stdout, '');
  }
});

test('usage and help list exactly the view\'s formats', () => {
  for (const c of viewCommands) {
    const formats = formatsOf(c.view!);
    assert.ok(c.usage.includes(`[--format ${formats.join('|')}]`), `${c.name}: ${c.usage}`);
    const help = commandHelp(c);
    for (const f of formats) assert.match(help, new RegExp(`^  ${f} +\\S`, 'm'), `${c.name} help lists ${f}`);
  }
});

/** The README's formats table, as the registry says it should read. */
const formatsTable = (): string => {
  const rows = Object.values(VIEWS).flatMap((view) =>
    Object.entries(view.formats).map(([name, entry], i) => `| ${i === 0 ? view.commands.map((c) => `\`census ${c}\``).join(', ') : ''} | \`${name}\` | ${entry!.what} |`),
  );
  return ['| command | `--format` | what it writes |', '|---|---|---|', ...rows].join('\n');
};

test('the README\'s formats table and its --format lists are the registry\'s', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(`${formatsTable()}\n`), `README.md should hold this table (generated from src/report/index.ts):\n\n${formatsTable()}\n`);
  // Inline lists in the commands table: `census <command> …` rows that name --format choices.
  let checked = 0;
  for (const line of readme.split('\n')) {
    const row = /^\| `census (\w+)[^|]*\|.*`--format ([a-z|\\]+)`/.exec(line);
    if (!row) continue;
    const command = COMMANDS.find((c) => c.name === row[1]);
    assert.ok(command?.view, `README row for census ${row[1]} lists formats but the command has no view`);
    assert.equal(row[2].replace(/\\/g, ''), formatsOf(command.view).join('|'), `README row for census ${row[1]}`);
    checked++;
  }
  assert.ok(checked >= 3, 'the commands table names --format choices');
});

test('why --format json is the documented { file, chains? } document', async () => {
  const plain = await runInProcess(['why', 'sidecar/admin.py', 'examples/demo', '--format', 'json', '--quiet']);
  assert.equal(plain.code, 0, plain.stderr);
  const doc = JSON.parse(plain.stdout);
  assert.deepEqual(Object.keys(doc), ['file']);
  assert.equal(doc.file.path, 'sidecar/admin.py');
  assert.equal(doc.file.verdict, 'production');
  const all = JSON.parse((await runInProcess(['why', 'sidecar/admin.py', 'examples/demo', '--format', 'json', '--all', '--quiet'])).stdout);
  assert.ok(all.chains.length > 0 && all.chains.every((c: { tier: string; sentences: string[] }) => typeof c.tier === 'string' && c.sentences.length > 0));
});

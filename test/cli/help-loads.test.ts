/**
 * `census <command> --help` and `census --version` load the help text and nothing of what the
 * command runs: each command module imports its work (the pipeline, the cache, the history, the
 * planner) inside `run`. Held by the modules a real process imports, recorded by a loader hook,
 * against tsc's modules (the bundle keeps the same lazy imports, in fewer files).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scratchDir } from '../helpers/scratch.js';

const SRC = pathToFileURL(join(REPO_ROOT, 'dist/src/')).href;

/** Besides src/cli/ (and of its commands only the one asked about), what help may load: constants, paths, the view registry. */
const LIGHT = new Set([
  'version.js',
  'own-files.js',
  'model/audit.js',
  'model/imports.js',
  'report/index.js',
  'report/display-safe.js',
  'report/fit-width.js',
  'runtime/trace-file.js',
  'store/baseline.js',
  'store/census-dir.js',
  'store/history-db.js',
  'store/sqlite.js',
  'util/compare.js',
  'util/diagnostics.js',
  'util/display-text.js',
  'util/errors.js',
  'util/fs.js',
  'util/path.js',
  'util/words.js',
]);

/** The file: URLs a process running census's `run(argv)` imports, in order. */
const modulesImportedBy = (argv: string[]): { urls: string[]; stdout: string; code: number } => {
  const dir = scratchDir('census-help-loads-');
  const log = join(dir, 'loads.txt');
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(new URL('./hooks.mjs', import.meta.url));\n`);
  writeFileSync(log, '');
  const script = `const { run } = await import(${JSON.stringify(`${SRC}cli/main.js`)}); process.exitCode = await run(${JSON.stringify(argv)});`;
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: REPO_ROOT });
  const urls = readFileSync(log, 'utf8').split('\n').filter((u) => u !== '');
  return { urls, stdout: r.stdout, code: r.status ?? -1 };
};

const outsideHelp = (urls: string[], command: string | null): string[] =>
  urls.filter((url) => {
    // A package (node_modules), or census code from anywhere but tsc's modules.
    if (!url.startsWith(SRC)) return true;
    const path = url.slice(SRC.length);
    if (path.startsWith('cli/commands/')) return path !== 'cli/commands/index.js' && path !== `cli/commands/${command}.js`;
    return !path.startsWith('cli/') && !LIGHT.has(path);
  });

test('each command\'s --help loads its help text, not what the command runs', () => {
  for (const { name } of COMMANDS) {
    const { urls, stdout, code } = modulesImportedBy([name, '--help']);
    assert.equal(code, 0, `census ${name} --help`);
    assert.match(stdout, new RegExp(`^usage: census ${name}`), `census ${name} --help prints its usage`);
    assert.ok(urls.some((u) => u.endsWith(`/cli/commands/${name}.js`)), `the hook saw census ${name}'s module load`);
    assert.deepEqual(outsideHelp(urls, name), [], `census ${name} --help`);
  }
});

test('census --help and --version load no command', () => {
  for (const argv of [['--help'], ['--version']]) {
    const { urls, code } = modulesImportedBy(argv);
    assert.equal(code, 0, argv[0]);
    assert.deepEqual(urls.filter((u) => u.includes('/cli/commands/') && !u.endsWith('/cli/commands/index.js')), [], argv[0]);
    assert.deepEqual(outsideHelp(urls, null), [], argv[0]);
  }
});

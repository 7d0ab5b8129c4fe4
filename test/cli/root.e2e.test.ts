/**
 * Run from any folder: census audits the folder's project (found upward: a census config, the top
 * of the git work tree, else the nearest manifest) and reports the asked folder, so a file's
 * verdict is the same wherever census is run from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

const write = (dir: string, files: Record<string, string>) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
};

/** A small service: a systemd unit runs app/main.py, which imports app/helper.py; tools/ holds a stray script. */
const makeProject = (): string => {
  const dir = scratchDir('census-root-');
  write(dir, {
    'requirements.txt': 'requests\n',
    'deploy/app.service': '[Unit]\nDescription=app\n\n[Service]\nWorkingDirectory=/srv/app\nExecStart=/srv/app/.venv/bin/python -m app.main\n',
    'app/__init__.py': '',
    'app/main.py': 'from app import helper\n\nhelper.run()\n',
    'app/helper.py': 'def run():\n    return 1\n',
    'tools/stray.py': 'print("nobody runs me")\n',
  });
  return dir;
};

const gitInit = (dir: string) => {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', HOME: tmpdir() };
  execFileSync('git', ['init', '--quiet'], { cwd: dir, env });
  execFileSync('git', ['add', '--all'], { cwd: dir, env });
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', 'init'], { cwd: dir, env });
};

test('the demo from its sidecar/ folder: why admin.py says production, as from the root', () => {
  const r = runCli(['why', 'admin.py'], { cwd: join(REPO_ROOT, 'examples/demo/sidecar') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^sidecar\/admin\.py: production\n/);
  assert.match(r.stdout, /systemd deploy\/sidecar\.service ExecStart/);
});

test('scan from a subfolder of a git repo audits the whole repo and reports the folder only', () => {
  const dir = makeProject();
  gitInit(dir);
  const whole = JSON.parse(runCli(['scan', '--format', 'json', '--no-env'], { cwd: dir }).stdout);
  const r = runCli(['scan', '--format', 'json', '--no-env'], { cwd: join(dir, 'app') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /census: auditing \.\.\/ \(the top of its git work tree\) and reporting app\/ only/);
  const audit = JSON.parse(r.stdout);
  assert.deepEqual(schemaErrors(audit), []);
  assert.equal(audit.focus, 'app');
  assert.equal(audit.root, '..');
  assert.deepEqual(audit.files.map((f: { path: string }) => f.path), ['app/__init__.py', 'app/helper.py', 'app/main.py']);
  const verdicts = (a: { files: { path: string; verdict?: string }[] }) => Object.fromEntries(a.files.filter((f) => f.path.startsWith('app/')).map((f) => [f.path, f.verdict]));
  assert.deepEqual(verdicts(audit), verdicts(whole));
  assert.equal(verdicts(audit)['app/helper.py'], 'production', 'the unit outside app/ still makes it production');
  assert.equal(audit.summary.files, 3);
  // The same with the folder given as the path argument.
  const byPath = JSON.parse(runCli(['scan', 'app', '--format', 'json', '--no-env', '--quiet'], { cwd: dir }).stdout);
  assert.deepEqual(byPath.files.map((f: { path: string }) => f.path), audit.files.map((f: { path: string }) => f.path));
});

test('why takes paths relative to the current folder, absolute paths, and paths relative to [path]', () => {
  const dir = makeProject();
  gitInit(dir);
  const fromSub = runCli(['why', 'helper.py'], { cwd: join(dir, 'app') });
  assert.equal(fromSub.code, 0, fromSub.stderr);
  assert.match(fromSub.stdout, /^app\/helper\.py: production\n/);
  const absolute = runCli(['why', join(dir, 'tools/stray.py')], { cwd: tmpdir() });
  assert.equal(absolute.code, 0, absolute.stderr);
  assert.match(absolute.stdout, /^tools\/stray\.py: manual\n|^tools\/stray\.py: dead\n/);
  const relativeToPath = runCli(['why', 'app/helper.py', dir], { cwd: tmpdir() });
  assert.match(relativeToPath.stdout, /^app\/helper\.py: production\n/);
  const missing = runCli(['why', 'nope.py'], { cwd: join(dir, 'app') });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.py is not in the census of \.\./);
});

test('outside git the nearest folder with a manifest is the root; a census config marks one inside git', () => {
  const dir = makeProject();
  const r = runCli(['why', 'helper.py'], { cwd: join(dir, 'app') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^app\/helper\.py: production\n/);
  // Nested in a git repo, a project with its own census config is audited on its own.
  const outer = scratchDir('census-outer-');
  cpSync(dir, join(outer, 'nested'), { recursive: true });
  write(outer, { 'nested/census.config.json': '{}\n', 'README.md': '# outer\n' });
  gitInit(outer);
  const nested = runCli(['scan', '--format', 'json', '--no-env'], { cwd: join(outer, 'nested', 'app') });
  const audit = JSON.parse(nested.stdout);
  assert.equal(audit.focus, 'app');
  assert.ok(audit.files.every((f: { path: string }) => f.path.startsWith('app/')));
});

test('the config is the root\'s wherever census runs, and --config FILE replaces it', () => {
  const dir = makeProject();
  gitInit(dir);
  write(dir, { 'census.config.json': '{ "tooling": ["tools"] }\n', 'elsewhere/strict.json': '{ "production": ["tools/stray.py"] }\n' });
  const fromSub = runCli(['why', 'stray.py'], { cwd: join(dir, 'tools') });
  assert.match(fromSub.stdout, /^tools\/stray\.py: tooling\n/);
  const replaced = runCli(['why', 'stray.py', '--config', '../elsewhere/strict.json'], { cwd: join(dir, 'tools') });
  assert.equal(replaced.code, 0, replaced.stderr);
  assert.match(replaced.stdout, /^tools\/stray\.py: production\n/);
  const missing = runCli(['scan', '--config', 'no/such.json'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^census: --config: no such file: no\/such\.json\n$/);
  const invalid = runCli(['scan', '--config', 'elsewhere/bad.json'], { cwd: dir });
  assert.equal(invalid.code, 2);
});

test('why says when nothing marks a root above the file and census audits its folder alone', () => {
  // An unpacked package: no census config, git work tree or manifest anywhere above the file.
  const dir = scratchDir('census-why-bare-');
  write(dir, { 'usr/bin/tool': '#!/bin/sh\nexec sh /usr/share/tool/run.sh\n', 'usr/share/tool/run.sh': 'echo run\n' });
  const bare = runCli(['why', 'usr/share/tool/run.sh', '--no-cache'], { cwd: dir });
  assert.equal(bare.code, 0, bare.stderr);
  assert.match(bare.stderr, /nothing marks a project root above usr\/share\/tool\/run\.sh .* audits its folder usr\/share\/tool alone; give the project's folder: census why usr\/share\/tool\/run\.sh PATH/);
  const given = runCli(['why', 'usr/share/tool/run.sh', '.', '--no-cache'], { cwd: dir });
  assert.equal(given.code, 0, given.stderr);
  assert.equal(given.stderr, '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboutFile, entrySentence, withSteps } from '../../src/util/sentences.js';

test('entrySentence: evidence that opens with the file and a colon or a space stands as it is; else the file is its subject', () => {
  const entry = (file: string, evidence: string, kind = 'tooling', command?: string) => ({ file, evidence, kind, ...(command !== undefined ? { command } : {}) });
  assert.equal(entrySentence(entry('eslint.config.mjs', 'eslint.config.mjs: config file loaded by eslint')), 'eslint.config.mjs: config file loaded by eslint');
  assert.equal(entrySentence(entry('bin/cli.js', 'bin/cli.js is named in package.json "bin"')), 'bin/cli.js is named in package.json "bin"');
  // The file's name followed by anything else is not the file: app.py is not app.pyc or app.py.bak.
  assert.equal(entrySentence(entry('app.py', 'app.pyc: compiled')), 'app.py is an entry point: app.pyc: compiled');
  assert.equal(entrySentence(entry('app.py', 'app.py.bak is old')), 'app.py is an entry point: app.py.bak is old');
  assert.equal(entrySentence(entry('app.py', 'app.py')), 'app.py is an entry point: app.py');
  assert.equal(entrySentence(entry('a/b.py', 'Procfile process "web": python a/b.py')), 'a/b.py is run by Procfile process "web": python a/b.py');
  assert.equal(entrySentence(entry('t/test_x.py', 'pytest discovery: test_*.py', 'test')), 't/test_x.py is collected by pytest discovery: test_*.py');
  assert.equal(entrySentence(entry('x.sh', 'make target', 'tooling', 'sh x.sh')), 'x.sh is run by make target');
  // A reader's note that no command runs the tool is no quoted command (payload's Next.js routes).
  assert.equal(
    entrySentence(entry('app/page.tsx', 'Next.js app router page (app), loaded by next (no command found that runs it: tooling)', 'tooling')),
    'app/page.tsx is an entry point: Next.js app router page (app), loaded by next (no command found that runs it: tooling)',
  );
});

test('entrySentence: a reader that found no command quotes none, whatever words come before its note (review s54-rm4 #2)', () => {
  const entry = (file: string, evidence: string) => ({ file, evidence, kind: 'tooling' });
  for (const evidence of [
    'Next.js app router page (process), loaded by next (no command found that runs it: tooling)',
    'Next.js app router page app/script/page.tsx, loaded by next (no command found that runs it: tooling)',
  ]) assert.equal(entrySentence(entry('app/page.tsx', evidence)), `app/page.tsx is an entry point: ${evidence}`);
  // A quoted command after the note's words is still one.
  assert.equal(entrySentence(entry('a.py', 'Procfile process "web": python a.py')), 'a.py is run by Procfile process "web": python a.py');
});

test('entrySentence: a long evidence of command words and no colon is read in one pass (review s54-rm4 #1: 20,000 words took 1.9 s before; no clock here, the fix is measured by hand)', () => {
  const evidence = 'script '.repeat(30_000);
  assert.equal(entrySentence({ file: 'x.js', evidence, kind: 'tooling' }), `x.js is an entry point: ${evidence}`);
});

test('sentences read as sentences: a call at a place is "reached when", a settings module "the settings module" (review s54-rm4 #5, #6)', () => {
  assert.equal(aboutFile('lib/commands/a.js', 'lib/boot.js:103 calls load(dir), which lists lib/commands'), 'lib/commands/a.js is reached when lib/boot.js:103 calls load(dir), which lists lib/commands');
  // Not a call at a place: as before.
  assert.equal(aboutFile('a.py', 'settings of x calls y'), 'a.py is reached through settings of x calls y');
  assert.equal(aboutFile('a.py', 'the settings module named by DJANGO_SETTINGS_MODULE'), 'a.py is the settings module named by DJANGO_SETTINGS_MODULE');
});

test('withSteps: a command\'s steps follow it after ", then ", a note in parentheses after a space, never " → " (stop 55)', () => {
  assert.equal(withSteps('devcontainer.json postCreateCommand: python manage.py migrate', ['the migrations of app shop']), 'devcontainer.json postCreateCommand: python manage.py migrate, then the migrations of app shop');
  assert.equal(withSteps('ExecStart: /usr/bin/x', ['(lib/systemd/system/x.service lies where systemd reads units)']), 'ExecStart: /usr/bin/x (lib/systemd/system/x.service lies where systemd reads units)');
  assert.equal(withSteps('script "a": pnpm b', ['package.json script "b": node x.js', '(found on PYTHONPATH src)']), 'script "a": pnpm b, then package.json script "b": node x.js (found on PYTHONPATH src)');
  assert.equal(withSteps('CMD: x', []), 'CMD: x');
});

test('entrySentence: evidence that says "entry point [group] …" is that entry point, not "an entry point: entry point" (stop 55)', () => {
  const e = { file: 'pkg/cmd/status.py', kind: 'production', evidence: 'entry point [console_scripts] svc-status = pkg.cmd.status:main in pkg.egg-info/entry_points.txt:3' };
  assert.equal(entrySentence(e), 'pkg/cmd/status.py is the entry point [console_scripts] svc-status = pkg.cmd.status:main in pkg.egg-info/entry_points.txt:3');
});

test('entrySentence: a config key that holds a command line quotes a command; a word that only ends in Command does not (review s55-rm3 #2)', () => {
  const entry = (file: string, evidence: string) => ({ file, evidence, kind: 'tooling' });
  const migration = 'Dev Container .devcontainer/devcontainer.json postCreateCommand: python manage.py migrate, then the migrations of app shop';
  assert.equal(entrySentence(entry('shop/migrations/0001_initial.py', migration)), `shop/migrations/0001_initial.py is run by ${migration}`);
  assert.equal(entrySentence(entry('a.py', 'render render.yaml service "web" startCommand: python a.py')), 'a.py is run by render render.yaml service "web" startCommand: python a.py');
  // A word that names a command's registration, not a command line, and a key without the colon.
  assert.equal(entrySentence(entry('ext.js', 'vscode registerCommand: ext.run')), 'ext.js is an entry point: vscode registerCommand: ext.run');
  assert.equal(entrySentence(entry('a.py', 'Dev Container x/devcontainer.json postCreateCommand')), 'a.py is an entry point: Dev Container x/devcontainer.json postCreateCommand');
});

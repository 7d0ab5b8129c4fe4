/**
 * Stop 61: a package's `__main__.py` runs when the package is run (`python -m pkg`), not when it is
 * imported. A console script `app = pkg:main` imports pkg and calls main; it made pkg/__main__.py
 * "an entry point: setup.py console_scripts", calling a file production that only `python -m` runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const write = (repo: string, files: Record<string, string>): void => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
};

test('package __main__.py: a console script naming the package imports it, and runs no __main__.py', async () => {
  const repo = scratchDir('census-package-main-');
  write(repo, {
    'setup.py': 'from setuptools import setup\nsetup(name="app", entry_points={"console_scripts": ["app = myapp:main"]})\n',
    'myapp/__init__.py': 'def main():\n    return 0\n',
    'myapp/__main__.py': 'from myapp import main\nmain()\n',
  });
  const { audit } = await scanDir(repo);
  const file = (path: string) => audit.files.find((f) => f.path === path);
  assert.equal(file('myapp/__init__.py')?.verdict, 'production');
  const main = file('myapp/__main__.py');
  assert.notEqual(main?.verdict, 'production', JSON.stringify(main?.evidence));
  assert.ok(!main?.evidence?.some((e) => e.includes('console_scripts')), JSON.stringify(main?.evidence));
});

test('package __main__.py: a command running `python -m myapp` still runs it', async () => {
  const repo = scratchDir('census-package-main-run-');
  write(repo, {
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nWORKDIR /app\nCMD ["python", "-m", "myapp"]\n',
    'myapp/__init__.py': 'def main():\n    return 0\n',
    'myapp/__main__.py': 'from myapp import main\nmain()\n',
  });
  const { audit } = await scanDir(repo);
  const main = audit.files.find((f) => f.path === 'myapp/__main__.py');
  assert.equal(main?.verdict, 'production', JSON.stringify(main?.evidence));
  assert.ok(main?.evidence?.some((e) => e.includes('python -m myapp')), JSON.stringify(main?.evidence));
});

test('package __main__.py: a server or worker importing the package (gunicorn pkg:app, celery -A pkg) runs no __main__.py (review of stop 61)', async () => {
  const repo = scratchDir('census-package-main-server-');
  write(repo, {
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nWORKDIR /app\nCMD ["gunicorn", "webapp:app"]\n',
    Procfile: 'worker: celery -A tasks worker\n',
    'webapp/__init__.py': 'app = object()\n',
    'webapp/__main__.py': 'print("dev server")\n',
    'tasks/__init__.py': 'app = object()\n',
    'tasks/__main__.py': 'print("tasks")\n',
  });
  const { audit } = await scanDir(repo);
  const file = (path: string) => audit.files.find((f) => f.path === path);
  assert.equal(file('webapp/__init__.py')?.verdict, 'production', JSON.stringify(file('webapp/__init__.py')?.evidence));
  assert.equal(file('tasks/__init__.py')?.verdict, 'production', JSON.stringify(file('tasks/__init__.py')?.evidence));
  for (const main of ['webapp/__main__.py', 'tasks/__main__.py']) {
    assert.ok(!file(main)?.evidence?.some((e) => /gunicorn|celery/.test(e)), `${main}: ${JSON.stringify(file(main)?.evidence)}`);
  }
});

test('package __main__.py: `uv run -m myapp` and `python -m pdb -m myapp` run the package as python -m does', async () => {
  const repo = scratchDir('census-package-main-uv-');
  write(repo, {
    Procfile: 'web: uv run -m myapp\ndebug: python -m pdb -m other\n',
    'myapp/__init__.py': '',
    'myapp/__main__.py': 'print("run")\n',
    'other/__init__.py': '',
    'other/__main__.py': 'print("run")\n',
  });
  const { audit } = await scanDir(repo);
  for (const main of ['myapp/__main__.py', 'other/__main__.py']) {
    const f = audit.files.find((x) => x.path === main);
    assert.ok(f?.evidence?.some((e) => e.includes(' -m ')), `${main}: ${JSON.stringify(f?.evidence)}`);
  }
});

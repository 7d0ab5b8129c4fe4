/**
 * Bad input never stops a scan: each broken file becomes a warning that names it and the reason.
 * The repo is built in a temp folder (outside git, so the .gitignore-honouring walk is used too).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const makeBadRepo = (): string => {
  const dir = scratchDir('census-bad-');
  const w = (p: string, data: string | Buffer) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), data);
  };
  w('app/healthy_job.py', 'import os\nfrom app import latin_report\n');
  w('app/__init__.py', '');
  w('app/binary_blob.py', Buffer.from([0x69, 0x6d, 0x70, 0x00, 0x01, 0x02]));
  w('app/broken_utf8.py', Buffer.from([0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x20, 0x6f, 0x73, 0x0a, 0xff, 0xfe, 0x0a]));
  w('app/latin_report.py', Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\nimport json\nNAME = "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
  w('app/legacy_py2.py', 'import urllib2\nprint "hello"\n');
  w('app/syntax_error.py', 'import json\ndef broken(:\n    x = """never closed\n');
  w('web/bundle.min.js', `var a=1;${'x=1;'.repeat(300_000)}`);
  w('web/bad_syntax.ts', 'import { a } from "./nowhere";\nconst = ;\n');
  w('ignored/should_not_appear.py', 'import os\n');
  w('.gitignore', 'ignored/\n');
  symlinkSync(join(dir, 'does-not-exist.py'), join(dir, 'app/dangling_link.py'));
  symlinkSync(join(dir, 'loop_b.py'), join(dir, 'loop_a.py'));
  symlinkSync(join(dir, 'loop_a.py'), join(dir, 'loop_b.py'));
  return dir;
};

test('a repo full of bad files still scans, with one warning per bad file', () => {
  const dir = makeBadRepo();
  const r = runCli(['scan', dir, '--format', 'json', '--max-file-size', '500000']);
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  const paths = audit.files.map((f: { path: string }) => f.path);
  assert.ok(!paths.includes('ignored/should_not_appear.py'), '.gitignore is honoured outside git');
  for (const p of ['app/broken_utf8.py', 'app/legacy_py2.py', 'app/syntax_error.py', 'web/bundle.min.js', 'web/bad_syntax.ts']) {
    assert.ok(paths.includes(p), `${p} is still listed`);
  }
  const warned = (file: string, id: RegExp) =>
    audit.warnings.some((w: { id: string; location?: { file: string } }) => w.location?.file === file && id.test(w.id));
  // Binary bytes under a .py name are junk, not a Python file that failed (junk.e2e.test.ts).
  assert.deepEqual(audit.junk, [{ path: 'app/binary_blob.py', reason: 'binary content in a python file' }]);
  assert.ok(warned('app/broken_utf8.py', /^read\/encoding$/), 'invalid UTF-8');
  assert.ok(warned('app/latin_report.py', /^read\/encoding$/), 'PEP 263 coding noted');
  assert.ok(warned('app/legacy_py2.py', /python2-syntax/), 'Python 2');
  assert.ok(warned('app/syntax_error.py', /syntax-error/), 'syntax error');
  assert.ok(warned('web/bundle.min.js', /^read\/too-large$/), 'too large');
  assert.ok(warned('web/bad_syntax.ts', /syntax-error/), 'TS syntax error');
  assert.ok(warned('app/dangling_link.py', /^read\/symlink$/), 'broken symlink');
  assert.ok(warned('loop_a.py', /^read\/symlink$/), 'symlink loop');
  // What could be read is still analysed.
  const latin = audit.edges.filter((e: { from: string }) => e.from === 'app/latin_report.py');
  assert.deepEqual(latin.map((e: { specifier: string }) => e.specifier), ['json']);
  const healthy = audit.edges.find((e: { from: string; to: string }) => e.from === 'app/healthy_job.py' && e.to === 'app/latin_report.py');
  assert.ok(healthy, 'imports between healthy files resolve');
});

/**
 * Symlinks that resolve outside the scanned folder are never read: a Procfile linked to an SSH key
 * or a README linked to a credentials file must not reach any report. Warnings quote repo text
 * only as a short excerpt with control characters made visible.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanDir } from '../helpers/scan-fixture.js';
import { MAX_MESSAGE_LENGTH, safeMessage } from '../../src/util/diagnostics.js';

const SECRET = 'FAKE-SECRET-0123456789abcdef';

test('a symlink out of the tree is named in a warning and never read', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'census-hostile-links-'));
  const outside = mkdtempSync(join(tmpdir(), 'census-hostile-secrets-'));
  try {
    writeFileSync(join(outside, 'id_rsa'), `-----BEGIN FAKE KEY-----\n${SECRET}\nweb: ${SECRET}\n`);
    writeFileSync(join(outside, 'credentials.py'), `"""${SECRET}"""\nTOKEN = "${SECRET}"\n`);
    mkdirSync(join(outside, 'pkg'));
    writeFileSync(join(outside, 'pkg', 'package.json'), `{"name": "${SECRET}", "main": "x.js"}`);
    writeFileSync(join(repo, 'app.py'), 'print("inside")\n');
    writeFileSync(join(repo, 'helper.py'), '"""A helper inside the repo."""\n');
    symlinkSync(join(outside, 'id_rsa'), join(repo, 'Procfile'));
    symlinkSync(join(outside, 'credentials.py'), join(repo, 'settings.py'));
    symlinkSync(join(outside, 'pkg', 'package.json'), join(repo, 'package.json'));
    symlinkSync('helper.py', join(repo, 'alias.py')); // a link inside the tree is fine

    const { audit } = await scanDir(repo);
    const json = JSON.stringify(audit);
    assert.equal(json.includes(SECRET), false, 'no byte of the outside files reaches the Audit');
    const outsideWarnings = audit.warnings.filter((w) => w.id === 'read/symlink-outside').map((w) => w.location?.file).sort();
    assert.deepEqual(outsideWarnings, ['Procfile', 'package.json', 'settings.py']);
    assert.deepEqual(audit.files.map((f) => f.path).sort(), ['alias.py', 'app.py', 'helper.py']);
    assert.equal(audit.files.find((f) => f.path === 'alias.py')?.summary, 'A helper inside the repo.');
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

// Stop 59's linked launchers (entry-point-scripts reads a launcher from the folder its link leads
// to): a link out of the tree, a chain of links that ends out of it, and a cycle are dropped by
// discovery, so the egg-info beside an outside launcher is never looked for and the package in the
// tree stays unreached. Pins discovery's refusal for the file links the framework context carries.
test('a launcher linked out of the tree or into a cycle is not followed to its metadata', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'census-hostile-launcher-'));
  const outside = mkdtempSync(join(tmpdir(), 'census-hostile-launcher-out-'));
  try {
    const launcher = "#!/usr/bin/python3\nimport sys\nfrom pkg_resources import load_entry_point\nsys.exit(load_entry_point('App==2.0', 'console_scripts', 'app')())\n";
    writeFileSync(join(outside, 'app.bin'), launcher);
    mkdirSync(join(outside, 'App-2.0.egg-info'));
    writeFileSync(join(outside, 'App-2.0.egg-info', 'entry_points.txt'), `[console_scripts]\napp = app_pkg.ui:main\n# ${SECRET}\n`);
    for (const dir of ['usr/bin', 'usr/share/app/app_pkg']) mkdirSync(join(repo, dir), { recursive: true });
    writeFileSync(join(repo, 'usr/share/app/app_pkg/__init__.py'), '');
    writeFileSync(join(repo, 'usr/share/app/app_pkg/ui.py'), 'def main():\n    return 0\n');
    symlinkSync(join(outside, 'app.bin'), join(repo, 'usr/share/app/app.bin'));
    symlinkSync('../share/app/app.bin', join(repo, 'usr/bin/app')); // in the tree, then out of it
    symlinkSync('loop-b', join(repo, 'usr/bin/loop-a'));
    symlinkSync('loop-a', join(repo, 'usr/bin/loop-b'));

    const { audit } = await scanDir(repo);
    assert.equal(JSON.stringify(audit).includes(SECRET), false, 'the outside egg-info is never read');
    assert.deepEqual(audit.files.map((f) => f.path).sort(), ['usr/share/app/app_pkg/__init__.py', 'usr/share/app/app_pkg/ui.py']);
    assert.equal(audit.files.find((f) => f.path === 'usr/share/app/app_pkg/ui.py')?.verdict, 'dead');
    const skipped = audit.warnings.filter((w) => w.id.startsWith('read/symlink')).map((w) => w.location?.file).sort();
    assert.deepEqual(skipped, ['usr/bin/app', 'usr/bin/loop-a', 'usr/bin/loop-b', 'usr/share/app/app.bin']);
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('diagnostic messages make control characters visible and stay short', () => {
  assert.equal(safeMessage('bad line: \u001b]0;owned\u0007 here'), 'bad line: \\u001b]0;owned\\u0007 here');
  assert.equal(safeMessage('two\nlines'), 'two lines');
  const long = safeMessage(`quoted: ${'k'.repeat(5000)}`);
  assert.equal(long.length, MAX_MESSAGE_LENGTH);
  assert.ok(long.endsWith('…'));
});

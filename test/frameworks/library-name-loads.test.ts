/** Stop 64: library calls that import a module by a literal name (neutron: oslo.config's `CONF.import_group('OVS', 'pkg.mod')`, os-ken's `AppManager.run_apps(['pkg.' 'app'])`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { joinedLiteral } from '../../src/frameworks/python/library-name-loads.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('library-name-loads');
// app/conf/ovs.py (import_group), app/conf/host.py (import_opt, module_str=) and app/ofapp.py (run_apps of two adjacent literals),
// with app/bridge.py it imports, are reached; app/conf/commented.py (a commented-out call), app/conf/built.py (a name built at
// run time) and app/notapp.py (a run_apps in a file that imports neither os_ken nor ryu) stay dead.
test('library-name-loads: has a basic fixture', () => assert.ok(cases.includes('library-name-loads-basic')));
for (const name of cases) test(`library-name-loads: ${name}`, () => checkFrameworkFixture(name));

test('library-name-loads: adjacent literals join; anything else is no literal', () => {
  assert.equal(joinedLiteral(`'a.b'`), 'a.b');
  assert.equal(joinedLiteral(`\n  'a.'\n  "b.c" `), 'a.b.c');
  assert.equal(joinedLiteral(`'a.' + name`), null);
  assert.equal(joinedLiteral(`NAME`), null);
  assert.equal(joinedLiteral(`f'{x}.y'`), null);
});

// Review stop 64: an oslo call a docstring shows, one inside a string literal, and a bare import_opt() the project defines
// itself import nothing; CONF.import_opt(…) on the line after them still does.
test('library-name-loads: a docstring, a string and a function of the project\'s own import nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-lnl-'));
  try {
    mkdirSync(join(dir, 'app/conf'), { recursive: true });
    for (const f of ['app/__init__.py', 'app/conf/__init__.py']) writeFileSync(join(dir, f), '');
    for (const m of ['doc', 'own', 'strng', 'real']) writeFileSync(join(dir, `app/conf/${m}.py`), 'X = 1\n');
    writeFileSync(join(dir, 'app/main.py'), [
      '"""Options live elsewhere; to use one here write', '', "    CONF.import_opt('host', 'app.conf.doc')", '"""',
      'from oslo_config import cfg', '', '', 'def import_opt(name, module):', '    return (name, module)', '', '',
      `HELP = "call cfg.CONF.import_opt('x', 'app.conf.strng') first"`, "import_opt('y', 'app.conf.own')",
      "cfg.CONF.import_opt('z', 'app.conf.real')", '', 'if __name__ == "__main__":', '    print(cfg.CONF.z, HELP)', '',
    ].join('\n'));
    const { audit } = await scanDir(dir);
    const verdict = (p: string) => audit.files.find((f) => f.path === p)?.verdict;
    for (const m of ['doc', 'own', 'strng']) assert.equal(verdict(`app/conf/${m}.py`), 'dead', m);
    assert.equal(verdict('app/conf/real.py'), 'manual');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

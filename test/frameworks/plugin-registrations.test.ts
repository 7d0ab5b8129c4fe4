/** The plugin-registrations reader: a `*.gpr.py` file is run by the host that execs them, and its `fname = 'x.py'` modules are imported. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostLine, registeredModules } from '../../src/frameworks/python/plugin-registrations.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('plugin-registrations');
test('plugin-registrations: has a basic fixture', () => assert.ok(cases.includes('plugin-registrations-basic')));
for (const name of cases) test(`plugin-registrations: ${name}`, () => checkFrameworkFixture(name));

test('plugin-registrations: fname is read as a keyword or attribute, once per module, not in comments', () => {
  assert.deepEqual(
    registeredModules("register(TOOL,\n  fname = 'a.py',\n)\nplg.fname = \"b.py\"\n# register(fname='c.py')\nregister(fname='a.py')\n"),
    [{ file: 'a.py', line: 2 }, { file: 'b.py', line: 4 }],
  );
  assert.deepEqual(registeredModules("x = dict(myfname='a.py', fname='../b.py', fname2='c.py')\nif plg.fname == 'd.py': pass\n"), []);
});

test('plugin-registrations: a host holds the suffix as a whole literal and calls exec', () => {
  assert.equal(hostLine('import os\next = r".gpr.py"\nexec(compile(s, f, "exec"))\n'), 2);
  assert.equal(hostLine("if name.endswith('.gpr.py'):\n    exec (code, env)\n"), 1);
  assert.equal(hostLine('ext = ".gpr.py"\nre.exec(x)\n'), 0);
  assert.equal(hostLine('# probably an error in gpr.py file\nexec(x)\n'), 0);
  assert.equal(hostLine('print("see x.gpr.py")\nexec(x)\n'), 0);
});

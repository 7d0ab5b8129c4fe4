/**
 * The package-data reader: files a Python package reads by a path from its own folder (built from
 * `__file__`, importlib.resources, pkgutil, a module's path constant), directly or through the
 * repo's own wrapper functions, take the kind of the module that names them; a fixture repo with
 * expected verdicts, and the shared path helpers on their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankComments, fileAnchoredPath, spannedPathLine, withConstants } from '../../src/frameworks/python/package-paths.js';
import { pathAssignments, pathValue, repoPathOf } from '../../src/languages/python/sys-path.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('package-data');
test('package-data: has the basic, commands, copied, handed, spanned, stubs, templates and which fixtures', () => assert.deepEqual(cases, ['package-data-basic', 'package-data-commands', 'package-data-copied', 'package-data-handed', 'package-data-spanned', 'package-data-stubs', 'package-data-templates', 'package-data-which']));
for (const name of cases) test(`package-data: ${name}`, () => checkFrameworkFixture(name));

test('package-data: a __file__ path is found from the literal it ends with', () => {
  const at = (line: string, literal: string): string | null => {
    const i = line.indexOf(literal);
    return fileAnchoredPath(line, i, i + literal.length, 'pkg/mod.py', new Map(), () => true);
  };
  assert.equal(at("    base = os.path.join(os.path.dirname(__file__), 'data', 'x.sh')", "'x.sh'"), 'pkg/data/x.sh');
  assert.equal(at("    return Path(__file__).parent / 'x.js'", "'x.js'"), 'pkg/x.js');
  assert.equal(at("    return Path(__file__).resolve().parent.joinpath('a', 'b.css')", "'b.css'"), 'pkg/a/b.css');
  assert.equal(at("    return os.path.join(os.environ['HOME'], 'x.sh')", "'x.sh'"), null);
  assert.equal(at(`x = open(os.path.join(os.path.dirname(__file__), 'y.txt'))${' '.repeat(400)}`, "'y.txt'"), null);
});

test('package-data: a __file__ path split over lines is read from the lines its brackets span', () => {
  const at = (text: string, literal: string): string | null => {
    const i = text.indexOf(literal);
    const view = spannedPathLine(text, i, literal.length);
    return view === null ? null : fileAnchoredPath(view.line, view.at, view.at + literal.length, 'pkg/mod.py', new Map(), () => true);
  };
  // Black: the bracket closed on the next line; a trailing comma before it.
  assert.equal(at('    return os.path.join(\n        os.path.dirname(__file__), "data", "b.sh"\n    )\n', '"b.sh"'), 'pkg/data/b.sh');
  assert.equal(at('    return os.path.join(\n        os.path.dirname(__file__),\n        "data",\n        "b.sh",\n    )\n', '"b.sh"'), 'pkg/data/b.sh');
  // The own line opens the call, Black closes it below.
  assert.equal(at('x = os.path.join(os.path.dirname(__file__), "b.sh"\n)\n', '"b.sh"'), 'pkg/b.sh');
  // A comment on the opening line, with an apostrophe; on the literal's own line.
  assert.equal(at("p = os.path.join(os.path.dirname(__file__),  # the package's data\n    'data', 'c.sh')\n", "'c.sh'"), 'pkg/data/c.sh');
  assert.equal(at("p = os.path.join(\n    os.path.dirname(__file__), 'c.sh'  # the script\n)\n", "'c.sh'"), 'pkg/c.sh');
  // The whole call on the literal's own line: no view (the line is read on its own).
  assert.equal(spannedPathLine("p = os.path.join(os.path.dirname(__file__), 'c.sh')\n", 44, 6), null);
  // A commented-out call opens nothing.
  assert.equal(at("# p = os.path.join(\n#     os.path.dirname(__file__), 'c.sh')\n", "'c.sh'"), null);
  assert.equal(blankComments("a = '#x'  # it's\nb"), `a = '#x'${' '.repeat(8)}\nb`);
});

test('package-data: .with_name() is the sibling of the file', () => {
  assert.equal(repoPathOf(pathValue("Path(__file__).with_name('x.sh')", 'pkg/mod.py', new Map())), 'pkg/x.sh');
});

test('package-data: a module path constant is rewritten only where it stands as a whole name', () => {
  const rewrites = new Map([['pkg.BASEDIR', '__census_pkg__BASEDIR']]);
  assert.equal(withConstants("join(pkg.BASEDIR, 'a')", rewrites), "join(__census_pkg__BASEDIR, 'a')");
  assert.equal(withConstants("join(mypkg.BASEDIR, pkg.BASEDIRS)", rewrites), 'join(mypkg.BASEDIR, pkg.BASEDIRS)');
});

// Not a speed budget: the old code took minutes on this text (each list searched the whole file), the new one tries at most
// 8 lists; the timeout only keeps a regression from hanging the suite.
test('package-data: commandLine stays linear on a hostile file of interpreter lists with no run call', { timeout: 180_000 }, async () => {
  const { commandLine } = await import('../../src/frameworks/python/package-data.js');
  // 60,000 module-level `X = [python, a]` (about 1 MB): each list once scoped and searched the whole file.
  const text = `import glob, os\nFILES = glob.glob(os.path.join(os.path.dirname(__file__), '*.py'))\n${'X = [python, a]\n'.repeat(60000)}`;
  assert.equal(commandLine(text, text.split('\n')), 0);
  // A real one still counts: the list in a def that runs it.
  const real = 'import subprocess, sys\n\ndef run(path):\n    cmd = [sys.executable, path]\n    subprocess.run(cmd)\n';
  assert.equal(commandLine(real, real.split('\n')), 4);
});

test('package-data: Stop 50: `a, b = os.path.split(p)` binds the folder, and an assignment whose brackets close on the lines below is read whole', () => {
  const text = [
    'def f():',
    '    here, name = os.path.split(os.path.abspath(__file__))',
    '    up = os.path.join(os.path.abspath(',
    "        os.path.join(here, '../..')),  # two levels up",
    "        'utils')",
    '    never = os.path.join(here,',
    '        a,',
    '        b,',
    '        c,',
    "        'x')",
  ].join('\n');
  const got = new Map(pathAssignments(text, 'pkg/sub/mod.py').map((a) => [a.name, repoPathOf(a.value)]));
  assert.equal(got.get('here'), 'pkg/sub');
  assert.equal(got.get('name'), null);
  assert.equal(got.get('up'), 'utils');
  // Brackets left open past three lines below: not read.
  assert.equal(got.get('never'), null);
});

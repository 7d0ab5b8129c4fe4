/** module-binding: which relative module a name is bound to (nconf-config, knex-migrator, imported-path-helpers, folder-expr). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asSource } from '../../src/languages/javascript/compiled-interop.js';
import { moduleAliasedAsSource, moduleAliases, moduleAliasesOf, moduleBinding, requiredModule } from '../../src/languages/javascript/module-binding.js';

test('moduleBinding: require, interop, default, namespace and named imports', () => {
  assert.deepEqual(moduleBinding("const config = require('../shared/config');", 'config'), { spec: '../shared/config', member: null });
  assert.deepEqual(moduleBinding('const config_1 = __importDefault(require("./config"));', 'config_1'), { spec: './config', member: null });
  assert.deepEqual(moduleBinding("import Utils from './utils.js';", 'Utils'), { spec: './utils.js', member: null });
  assert.deepEqual(moduleBinding("import * as paths from '../paths';", 'paths'), { spec: '../paths', member: null });
  assert.deepEqual(moduleBinding("import { resolveRoot as fromRoot } from './paths';", 'fromRoot'), { spec: './paths', member: 'resolveRoot' });
  assert.deepEqual(moduleBinding("import { a, fromHere } from './paths';", 'fromHere'), { spec: './paths', member: 'fromHere' });
});

test('moduleBinding: a default import beside named ones, and destructured require (folder-expr read these before it shared this)', () => {
  assert.deepEqual(moduleBinding("import paths, { fromHere } from './paths.js';", 'fromHere'), { spec: './paths.js', member: 'fromHere' });
  assert.deepEqual(moduleBinding("import paths, { fromHere } from './paths.js';", 'paths'), { spec: './paths.js', member: null });
  assert.deepEqual(moduleBinding("const { fromHere } = require('./paths');", 'fromHere'), { spec: './paths', member: 'fromHere' });
  assert.deepEqual(moduleBinding("const { root, here: fromHere = x } = require('./paths');", 'fromHere'), { spec: './paths', member: 'here' });
  assert.equal(requiredModule("const { fromHere } = require('./paths');", 'fromHere'), null);
});

test('moduleBinding: a part read off a require names that export; a value made from it is derived, neither (stop 58)', () => {
  assert.deepEqual(moduleBinding("const labels = require('./config').labels;", 'labels'), { spec: './config', member: 'labels' });
  assert.deepEqual(moduleBinding("const labels = require('./config') . labels\n", 'labels'), { spec: './config', member: 'labels' });
  assert.equal(requiredModule("const labels = require('./config').labels;", 'labels'), null);
  // `.default` of a compiled module is its default export, which the readers take as the module (fixture static-dirs-require-default).
  assert.deepEqual(moduleBinding("const Utils = require('./utils').default;", 'Utils'), { spec: './utils', member: null });
  assert.equal(requiredModule("const config = require('./config').default;", 'config'), './config');
  // A call or a deeper part: still the repo's module (folder-expr leaves it to the helper readers), but no export to read.
  assert.deepEqual(moduleBinding("const cfg = require('./config')(opts);", 'cfg'), { spec: './config', member: null, derived: true });
  assert.deepEqual(moduleBinding("const cfg = require('./config').store.get;", 'cfg'), { spec: './config', member: null, derived: true });
  assert.deepEqual(moduleBinding("const cfg = require('./config')['store'];", 'cfg'), { spec: './config', member: null, derived: true });
  assert.deepEqual(moduleBinding("const get = require('./config').get('paths');", 'get'), { spec: './config', member: null, derived: true });
  assert.equal(requiredModule("const cfg = require('./config')(opts);", 'cfg'), null);
  // The interop wrapper's closing bracket follows the require: the module itself, as before.
  assert.deepEqual(moduleBinding('const config_1 = __importDefault(require("./config")).default;', 'config_1'), { spec: './config', member: null });
});

test('moduleBinding: packages, type-only imports and other names are no binding', () => {
  assert.equal(moduleBinding("const config = require('nconf');", 'config'), null);
  assert.equal(moduleBinding("import { fromHere } from 'paths-pkg';", 'fromHere'), null);
  assert.equal(moduleBinding("import type { Helper } from './types';", 'Helper'), null);
  assert.equal(moduleBinding("import { fromHereToo } from './paths';", 'fromHere'), null);
  assert.equal(moduleBinding("const { a: fromHere2 } = require('./paths');", 'fromHere'), null);
});

test('moduleAliases: every form that binds a listed module, whole or a part, in text order', () => {
  const text = [
    "import pth = require('path');",
    "var fs = require('fs'), p2 = require('node:path');",
    'const path_1 = tslib_1.__importDefault(require("path"));',
    "const { join: pjoin, resolve } = require('path');",
    "const dyn = await import('path');",
    "import { join as j2 } from 'node:path';",
    "import * as other from './path';",
  ].join('\n');
  assert.deepEqual(moduleAliases(text, (m) => m === 'path' || m === 'node:path'), [
    { local: 'pth', module: 'path', member: null, via: 'import' },
    { local: 'p2', module: 'node:path', member: null, via: 'require' },
    { local: 'path_1', module: 'path', member: null, via: 'interop' },
    { local: 'pjoin', module: 'path', member: 'join', via: 'require' },
    { local: 'dyn', module: 'path', member: null, via: 'import' },
    { local: 'j2', module: 'node:path', member: 'join', via: 'import' },
  ]);
  assert.deepEqual(moduleAliases(text, (m) => m === 'path', false).map((a) => a.local), ['pth', 'path_1', 'dyn']);
});

test('moduleAliasedAsSource: a name of the file\'s own read as the source spells it, at its member uses and calls only', () => {
  const names = { path: 'path', 'node:path': 'path' };
  const { text, aliases } = moduleAliasedAsSource(
    "const { join: pjoin } = require('path');\nimport pth = require('node:path');\npjoin(__dirname, 'a.js'); pth.join(__dirname, 'b.js'); f(pth); x.pjoin(1);",
    names,
  );
  assert.equal(text.split('\n')[2], "path.join(__dirname, 'a.js'); path.join(__dirname, 'b.js'); f(pth); x.pjoin(1);");
  assert.deepEqual([...aliases], [['pjoin', 'path.join'], ['pth', 'path']]);
  // A compiler's binding is asSource's (compiled-interop.ts), which drops `.default` as well.
  assert.equal(moduleAliasedAsSource('const path_1 = __importDefault(require("path"));\npath_1.default.join(a);', names).aliases.size, 0);
});

test('moduleAliasedAsSource: a binding in a comment binds nothing, and a name bound to another module too is left as written (review 1)', () => {
  const names = { path: 'path' };
  const commented = "// Was: const { join: pjoin } = require('path')\nconst pjoin = require('./url-join');\npjoin(__dirname, 'a.js');";
  assert.equal(moduleAliasedAsSource(commented, names).text, commented);
  const twice = "var { join: pjoin } = require('path');\nvar pjoin = require('./url-join');\npjoin(__dirname, 'a.js');";
  assert.equal(moduleAliasedAsSource(twice, names).aliases.size, 0);
  // Where it stops short of that: bound to the path module alone, the name is still read.
  assert.deepEqual([...moduleAliasedAsSource("/* x */ const { join: pjoin } = require('path');\npjoin(a);", names).aliases], [['pjoin', 'path.join']]);
});

test('moduleAliases: a part read off a require, and a default import beside named ones (review 1)', () => {
  const any = () => true;
  assert.deepEqual(moduleAliases("const pjoin = require('path').join;", any), [{ local: 'pjoin', module: 'path', member: 'join', via: 'require' }]);
  assert.deepEqual(moduleAliases("import pth, { join as pj } from 'node:path';", any), [
    { local: 'pth', module: 'node:path', member: null, via: 'import' },
    { local: 'pj', module: 'node:path', member: 'join', via: 'import' },
  ]);
  // Where it stops: a call or a deeper part read off the require binds no part.
  assert.deepEqual(moduleAliases("const a = require('path').join('x'); const b = require('path').posix.join;", any), []);
});

test('moduleAliasedAsSource: the path module\'s POSIX part under a name, off the require and under its own name is read at its parts (stop 53)', () => {
  const names = { path: 'path', 'node:path': 'path' };
  const posix = new Set(['posix']);
  const read = (text: string) => moduleAliasedAsSource(text, names, posix).text;
  assert.equal(read("const { posix: pp } = require('path');\npp.join(a);"), "const { posix: pp } = require('path');\npath.posix.join(a);");
  assert.equal(read("import { posix as pp } from 'node:path';\npp.join(a);"), "import { posix as pp } from 'node:path';\npath.posix.join(a);");
  assert.equal(read("const pp = require('path').posix;\npp.resolve(a);"), "const pp = require('path').posix;\npath.posix.resolve(a);");
  assert.equal(read("const { posix } = require('path');\nposix.join(a);"), "const { posix } = require('path');\npath.posix.join(a);");
  // Where it stops: without the namespace list a part is read only at a call; the Windows part, another module's `posix`, a call of the part.
  assert.equal(moduleAliasedAsSource("const { posix: pp } = require('path');\npp.join(a);", names).text, "const { posix: pp } = require('path');\npp.join(a);");
  assert.equal(read("const { win32: wp } = require('path');\nwp.join(a);"), "const { win32: wp } = require('path');\nwp.join(a);");
  assert.equal(read("const { posix: op } = require('./other');\nop.join(a);"), "const { posix: op } = require('./other');\nop.join(a);");
  assert.equal(read("const { posix: cp } = require('path');\ncp(a);"), "const { posix: cp } = require('path');\ncp(a);");
  // An own-named part that is not a namespace is still left as written (`{ join }` spells `join(` already).
  assert.deepEqual(moduleAliases("const { join, posix } = require('path');", () => true, true, posix).map((a) => a.local), ['posix']);
});

test("asSource: Rollup's interop names of a bound module read as the module (stop 62, @remix-run/dev)", () => {
  const names = { path: 'path', 'node:path': 'path' };
  const text = [
    "var path = require('node:path');",
    'var path__namespace = /*#__PURE__*/_interopNamespace(path);',
    'var path__default = /*#__PURE__*/_interopDefaultLegacy(path);',
    'path__namespace.resolve(__dirname, "a"); path__default["default"].join(__dirname, "b");',
  ].join('\n');
  assert.equal(asSource(text, names).split('\n')[3], 'path.resolve(__dirname, "a"); path.join(__dirname, "b");');
  // A helper's name of a module not bound to path stays as written.
  const other = "var url = require('./url');\nvar url__namespace = _interopNamespace(url);\nurl__namespace.resolve(__dirname, 'a');";
  assert.equal(asSource(other, names), other);
});

// Stop 62 (issue 19): moduleAliasesOf runs the patterns only from the quote before each quoted spec; it must
// give what the whole-text passes give for those specs, whatever comes before, between and after.
const PIECES = [
  'import ', 'import', 'const ', 'let ', 'var ', ', ', ',', ' = ', '=', 'await import(', 'import(', 'require(', '__importDefault(', 'tslib_1.__importStar(',
  "'path'", '"path"', "'node:path'", "'x'", '"./y"', "'", '"', ' from ', 'from', '* as ', '{ join as pj, posix }', '{ join: pj, posix: pp }', '{ posix }', '{ a, b as c }',
  'pth', 'path', 'const', ')', ').', '.', 'join', 'posix', ';', '\n', ' ', '(', '[', 'x.', '// ',
];

test('moduleAliasesOf: the aliases moduleAliases finds for the same specs, on texts pieced together (seed 62)', () => {
  let state = 62;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const specs = ['path', 'node:path'];
  const listed = (m: string): boolean => specs.includes(m);
  const fixed = ["const a = require('x').const y = require('path').join", "require('x').\n const pj = require('path').join", "import p, { join as j } from 'path'; const { posix } = require(\"node:path\")"];
  const texts = [...fixed, ...Array.from({ length: 4000 }, () => Array.from({ length: 2 + next(14) }, () => PIECES[next(PIECES.length)]).join(''))];
  for (const text of texts) {
    for (const members of [true, false]) {
      for (const own of [new Set<string>(), new Set(['posix'])]) assert.deepEqual(moduleAliasesOf(text, specs, members, own), moduleAliases(text, listed, members, own), JSON.stringify(text));
    }
  }
});

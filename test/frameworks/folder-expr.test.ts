/** Folder expressions read from a module's text: exact folders (folderOf) and folders with computed parts (folderPatternOf). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireTarget } from '../../src/frameworks/js/folder-scope.js';
import { assignmentsIn, explainedCandidatesOf, explainedFolderOf, folderOf, folderPatternOf } from '../../src/languages/javascript/folder-expr.js';

const text = [
  "const suite = process.env.SUITE || 'base';",
  "const kind = 'apps';",
  "const suiteDir = path.resolve(__dirname, kind, suite, 'app');",
  "const fixed = path.join(__dirname, 'web');",
].join('\n');

test('folderOf: a join of the module folder and literal parts; a computed part names nothing', () => {
  assert.equal(folderOf('fixed', 'test/vite.config.ts', text), 'test/web');
  assert.equal(folderOf('suiteDir', 'test/vite.config.ts', text), null);
});

test('folderPatternOf: a computed join part stands for one folder name, a name holding a literal is read', () => {
  assert.equal(folderPatternOf('suiteDir', 'test/vite.config.ts', text), 'test/apps/*/app');
  assert.equal(folderPatternOf("path.resolve(__dirname, process.env.X ?? 'a', 'app')", 'vite.config.ts', text), '*/app');
  // Exact folders come back as folderOf reads them.
  assert.equal(folderPatternOf('fixed', 'test/vite.config.ts', text), 'test/web');
  // Nothing but computed parts would name every folder under the base: nothing.
  assert.equal(folderPatternOf('path.join(__dirname, suite)', 'test/vite.config.ts', text), null);
  // An unknown base names nothing.
  assert.equal(folderPatternOf("path.join(root, 'app')", 'test/vite.config.ts', text), null);
  assert.equal(folderPatternOf('someCall()', 'test/vite.config.ts', text), null);
});

test('folderOf: a one-parameter local helper called with a literal is read through its body', () => {
  const helpers = [
    'const getPkgPath = name => path.dirname(require.resolve(`${name}/package.json`));',
    'function pkgDir(name) { return path.dirname(require.resolve(name + "/package.json")); }',
    'const adminPath = getPkgPath(\'ui-kit\');',
    'const local = (sub) => path.join(__dirname, sub);',
  ].join('\n');
  const scope = { packageDir: (name: string) => (name === 'ui-kit' ? 'packages/ui-kit' : null) };
  assert.equal(folderOf("path.resolve(adminPath, 'admin')", 'lib/build.js', helpers, scope), 'packages/ui-kit/admin');
  assert.equal(folderOf("local('assets')", 'lib/build.js', helpers, scope), 'lib/assets');
  // `name + "/package.json"` is not a literal once inlined: nothing is guessed.
  assert.equal(folderOf("pkgDir('ui-kit')", 'lib/build.js', helpers, scope), null);
  // An unknown package, a helper the file does not define, an argument that is not a literal: nothing.
  assert.equal(folderOf("getPkgPath('other')", 'lib/build.js', helpers, scope), null);
  assert.equal(folderOf("missing('ui-kit')", 'lib/build.js', helpers, scope), null);
  assert.equal(folderOf('getPkgPath(name)', 'lib/build.js', helpers, scope), null);
});

test("folderOf: the module's folder and a concatenated literal path", () => {
  assert.equal(folderOf("path.resolve(__dirname + '/../../public')", 'admin/server/app/router.js', ''), 'admin/public');
  assert.equal(folderOf("__dirname + '/static'", 'lib/server.js', ''), 'lib/static');
  // Stop 56: `__dirname + '/'` is the module's own folder to every reader that resolves folders
  // (folder-requires' FOLDER pattern only finds that spelling in a listing's argument).
  assert.equal(folderOf("__dirname + '/'", 'dist/interfaces/index.js', ''), 'dist/interfaces');
  assert.equal(folderOf('__dirname + "/"', 'index.js', ''), '');
  // Not a path below the folder (`__dirname + 'x'` makes a sibling's name): nothing.
  assert.equal(folderOf("__dirname + 'static'", 'lib/server.js', ''), null);
  assert.equal(folderOf("__dirname + '/../../../x'", 'lib/server.js', ''), null);
});

test("folderOf: the module's own file settles its folder: path.dirname of it, a resolve of it and '..'", () => {
  const own = [
    'const a = path.dirname(fs.realpathSync(__filename));',
    "const b = path.resolve(fileURLToPath(import.meta.url), '..');",
    "const c = path.join(path.dirname(url.fileURLToPath(import.meta.url)), '../lib');",
    "const d = path.join(__filename, 'x');",
  ].join('\n');
  assert.equal(folderOf('a', 'bin/tool.js', own), 'bin');
  assert.equal(folderOf('b', 'src/banks.js', own), 'src');
  assert.equal(folderOf('c', 'bin/tool.js', own), 'lib');
  // A join below the file itself is no folder.
  assert.equal(folderOf('d', 'bin/tool.js', own), null);
});

test('stop 49: folderOf reads fileURLToPath(new URL(rel, import.meta.url)) for every reader, also as a join base and behind a folder-keeping call', () => {
  const esm = "const here = fileURLToPath(new URL('.', import.meta.url));\nconst runtime = url.fileURLToPath(new URL('../runtime/', import.meta.url));\n";
  assert.equal(folderOf("fileURLToPath(new URL('../public', import.meta.url))", 'src/server.js', esm), 'public');
  assert.equal(folderOf('fileURLToPath(new URL("./", import.meta.url))', 'src/server.js', esm), 'src');
  assert.equal(folderOf('here', 'src/server.js', esm), 'src');
  assert.equal(folderOf('runtime', 'src/server.js', esm), 'runtime');
  assert.equal(folderOf("path.join(fileURLToPath(new URL('..', import.meta.url)), 'static')", 'src/server.js', esm), 'static');
  assert.equal(folderOf("path.resolve(fileURLToPath(new URL('../public', import.meta.url)))", 'src/server.js', esm), 'public');
  // dirname() of it names another folder; a URL of a computed name names nothing.
  assert.equal(folderOf("path.dirname(fileURLToPath(new URL('../public', import.meta.url)))", 'src/server.js', esm), null);
  assert.equal(folderOf('fileURLToPath(new URL(name, import.meta.url))', 'src/server.js', esm), null);
});

test('folderOf: a package-root helper, a package.json resolved and a main entry name folders of the scan\'s packages only', () => {
  const scope = {
    packageDir: (name: string) => (name === '@acme/backend' ? 'packages/backend' : null),
    packageEntryDir: (name: string) => (name === '@acme/backend' ? 'packages/backend/dist' : null),
    ownPackageDir: (file: string) => (file.startsWith('packages/backend/') ? 'packages/backend' : null),
    holds: (path: string) => path === 'packages/backend/migrations',
  };
  const text = [
    'const api = require("@backstage/backend-plugin-api");',
    'const dir = api.resolvePackagePath(',
    '  "@acme/backend",',
    '  "migrations"',
    ');',
    "const req = createRequire(import.meta.url);",
  ].join('\n');
  const file = 'packages/backend/dist/db.js';
  assert.equal(explainedFolderOf('dir', file, text, scope)?.folder, 'packages/backend/migrations');
  assert.match(explainedFolderOf('dir', file, text, scope)?.why.join() ?? '', /api\.resolvePackagePath\("@acme\/backend", "migrations"\) at packages\/backend\/dist\/db\.js:2/);
  // Another package's name resolves into node_modules: nothing.
  assert.equal(folderOf("resolvePackagePath('@backstage/other', 'migrations')", file, text, scope), null);
  // The module's own URL: the package holding it, only where that path is in the scan.
  assert.equal(folderOf("resolvePackagePath(import.meta.url, 'migrations')", file, text, scope), 'packages/backend/migrations');
  assert.equal(folderOf("resolvePackagePath(import.meta.url, 'seeds')", file, text, scope), null);
  assert.equal(folderOf("resolvePackagePath((typeof document === 'undefined' ? require('u' + 'rl').pathToFileURL(__filename).href : document.currentScript.src), 'migrations')", file, text, scope), 'packages/backend/migrations');
  // A package.json resolved (by require or a createRequire'd one) is the package's folder; a bare name its main entry's.
  assert.equal(folderOf("path.resolve(require.resolve('@acme/backend/package.json'), '..', 'migrations')", file, text, scope), 'packages/backend/migrations');
  assert.equal(folderOf("path.join(path.dirname(req.resolve('@acme/backend/package.json')), 'migrations')", file, text, scope), 'packages/backend/migrations');
  assert.equal(folderOf("path.join(path.dirname(require.resolve('@acme/backend')), 'migration-scripts')", file, text, scope), 'packages/backend/dist/migration-scripts');
  // Without a scope no package is known.
  assert.equal(folderOf('dir', file, text), null);
});

test('stop 49 review 4: a package-root helper is a function whose name says it resolves a package path (no path function, URL function or getter)', () => {
  // Tiny repo: workspace packages db and server; packages/db/migrations/20230101_legacy.js must stay dead.
  const scope = { packageDir: (name: string) => (name === 'db' ? 'packages/db' : null), holds: () => true };
  const file = 'packages/server/src/index.js';
  const text = "const path = require('path');\nconst nodePath = require('node:path');\nconst upath = require('upath');\nconst url = require('url');\n";
  for (const expr of [
    "path.posix.join('db', 'migrations')",
    "path.win32.join('db', 'migrations')",
    "nodePath.join('db', 'migrations')",
    "upath.join('db', 'migrations')",
    "posix.normalize('db', 'migrations')",
    "url.resolve('db', 'migrations')",
    "config.get('db', 'migrations')",
    "settings.find('db', 'migrations')",
  ]) assert.equal(folderOf(expr, file, text, scope), null, expr);
  assert.equal(folderOf("api.resolvePackagePath('db', 'migrations')", file, text, scope), 'packages/db/migrations');
  assert.equal(folderOf("getPkgDir('db', 'migrations')", file, text, scope), 'packages/db/migrations');
});

test("stop 49 review 4: a repo's own helper is no package-root helper; the own URL read so only when the module-relative folder is not in the scan too", () => {
  // Tiny repo: package at the root; a leftover migrations/20230101_old.js (must stay dead), the real src/migrations/.
  const scope = {
    packageDir: (name: string) => (name === 'web' ? 'packages/web' : null),
    ownPackageDir: () => '',
    holds: (path: string) => path === 'migrations' || path === 'src/migrations',
  };
  const file = 'src/index.js';
  const local = "const resolvePkgPath = (url, ...p) => path.resolve(path.dirname(fileURLToPath(url)), ...p);\n";
  assert.equal(folderOf('resolvePkgPath(import.meta.url, "migrations")', 'lib/db.js', local, scope), null);
  const imported = "import { resolvePkgPath } from './paths.js';\nconst paths = require('../paths');\n";
  assert.equal(folderOf('resolvePkgPath(import.meta.url, "migrations")', 'lib/db.js', imported, scope), null);
  assert.equal(folderOf("paths.pkgPath('web', 'public')", file, imported, scope), null);
  // Imported from a package: read; the module's folder and the package's both hold `migrations`: ambiguous.
  const pkg = "import { resolvePackagePath } from '@backstage/backend-plugin-api';\n";
  assert.equal(folderOf('resolvePackagePath(import.meta.url, "migrations")', 'lib/db.js', pkg, scope), 'migrations');
  assert.equal(folderOf('resolvePackagePath(import.meta.url, "migrations")', file, pkg, scope), null);
  assert.equal(folderOf("resolvePackagePath('web', 'public')", file, pkg, scope), 'packages/web/public');
});

test("stop 49 review 4: the candidates reader (static-dirs) reads a join onto a resolved package.json and '..' as folderOf does", () => {
  const scope = { packageDir: (name: string) => (name === 'web' ? 'packages/web' : null) };
  const file = 'packages/server/src/index.js';
  const expr = "path.resolve(require.resolve('web/package.json'), '..', 'public')";
  assert.deepEqual(explainedCandidatesOf(expr, file, '', scope).map((c) => c.folder), ['packages/web/public']);
  assert.match(explainedCandidatesOf(expr, file, '', scope)[0].why.join(), /require\.resolve\("web\/package\.json"\) is the package\.json of package "web"/);
  assert.deepEqual(explainedCandidatesOf(expr, file, '', scope).map((c) => c.folder), [folderOf(expr, file, '', scope)]);
  // Another package's package.json resolves into node_modules: nothing (its public/ in the repo stays dead).
  assert.deepEqual(explainedCandidatesOf("path.resolve(require.resolve('other/package.json'), '..', 'public')", file, '', scope), []);
});

test("stop 49 review 4: require.resolve's exports target is the first key in document order among Node's require conditions", () => {
  assert.equal(requireTarget({ node: './dist/node/x.js', require: './dist/cjs/x.js' }), './dist/node/x.js');
  assert.equal(requireTarget({ import: './dist/esm/x.mjs', require: './dist/cjs/x.js', default: './dist/x.js' }), './dist/cjs/x.js');
  // A nested conditions object that gives nothing for require: the next key.
  assert.equal(requireTarget({ node: { import: './dist/node/x.mjs' }, default: './dist/x.js' }), './dist/x.js');
  assert.equal(requireTarget({ import: './dist/esm/x.mjs', browser: './dist/b.js' }), null);
});

test('stop 49 review 4: folderPatternOf and partOf read a const spread over lines whole, as folderOf does', () => {
  const spread = "const suite = process.env.SUITE;\nconst kind =\n  'apps';\nconst dir = path.resolve(\n  __dirname,\n  kind,\n  suite,\n  'app'\n);\n";
  assert.equal(folderPatternOf('dir', 'src/x.js', spread), 'src/apps/*/app');
  // A name holding more than a literal is a computed part.
  assert.equal(folderPatternOf("path.join(__dirname, tail, 'x')", 'src/x.js', "const tail = 'a' + suite;\n"), 'src/*/x');
});

test('assignmentsIn: a value ends at its first top-level comma (a declarator list, a comma expression); a comma inside a call is the value\'s own', () => {
  const list = 'var A = "a.js", B = "b.js", C = join(__dirname, "c", "d"), D = x, y;\nE = "e.js", f(1);\nvar G = \'g.js\', cache, timer;';
  const whole = { start: 0, end: list.length };
  assert.deepEqual(assignmentsIn('A', list, whole).map((a) => a.value), ['"a.js"']);
  assert.deepEqual(assignmentsIn('B', list, whole).map((a) => a.value), ['"b.js"']);
  assert.deepEqual(assignmentsIn('C', list, whole).map((a) => a.value), ['join(__dirname, "c", "d")']);
  // `=` binds tighter than `,`: `D = x, y` assigns x, and G's value stops before the bare declarators after it.
  assert.deepEqual(assignmentsIn('D', list, whole).map((a) => a.value), ['x']);
  assert.deepEqual(assignmentsIn('E', list, whole).map((a) => a.value), ['"e.js"']);
  assert.deepEqual(assignmentsIn('G', list, whole).map((a) => a.value), ["'g.js'"]);
});

test('folderOf: a declared folder ends at the comma before the next declarator', () => {
  const decl = "const root = path.join(__dirname, 'web'), other = 1;\nconst bare = __dirname, cache = {};";
  assert.equal(folderOf('root', 'lib/server.js', decl), 'lib/web');
  assert.equal(folderOf('bare', 'lib/server.js', decl), 'lib');
});

test('stop 60: an environment override read first is skipped: the folder is the fallback an unconfigured install uses', () => {
  const src = "const pluginDir = process.env.X_PLUGINS || path.join(__dirname, 'plugins');\nconst other = process.env['X_DIR'] ?? path.resolve(__dirname, '..', 'lib');\nconst chain = process.env.A || opts.dir || path.join(__dirname, 'c');\n";
  assert.equal(folderOf('pluginDir', 'lib/index.js', src), 'lib/plugins');
  assert.equal(folderOf("process.env.X_PLUGINS || path.join(__dirname, 'plugins')", 'lib/index.js', src), 'lib/plugins');
  assert.equal(folderOf('other', 'lib/index.js', src), 'lib');
  // Another computed value in between: which folder depends on it.
  assert.equal(folderOf('chain', 'lib/index.js', src), null);
  // The override alone is no folder.
  assert.equal(folderOf('process.env.X_PLUGINS', 'lib/index.js', src), null);
});

test("stop 62 review: path.join puts a leading-'/' part below its base, path.resolve starts again at / (outside the repo: nothing)", () => {
  // join: gulp-cli's root index.js `path.join(__dirname, '/lib/versioned/', range, '/')`.
  assert.equal(folderOf("path.join(__dirname, '/lib')", 'index.js', ''), 'lib');
  assert.equal(folderPatternOf("path.join(__dirname, '/lib/versioned/', range, '/')", 'index.js', ''), 'lib/versioned/*');
  assert.equal(folderPatternOf("path.join(__dirname, '/lib', range)", 'pkg/index.js', ''), 'pkg/lib/*');
  // resolve: `/lib` is the machine's /lib, at any base, in the exact and the computed reading.
  assert.equal(folderOf("path.resolve(__dirname, '/lib')", 'index.js', ''), null);
  assert.equal(folderOf("path.resolve(__dirname, '/lib')", 'pkg/index.js', ''), null);
  assert.equal(folderPatternOf("path.resolve(__dirname, '/lib/versioned/', range, '/')", 'index.js', ''), null);
  assert.equal(folderPatternOf("path.resolve(__dirname, '/lib', range)", 'pkg/index.js', ''), null);
  assert.equal(folderPatternOf("path.resolve(__dirname, ROOT, range)", 'pkg/index.js', "const ROOT = '/srv/app';\n"), null);
});

test('folderOf: a join or resolve of one template that opens with the folder is that template (stop 65)', () => {
  const held = 'const eslintRulePaths = path.resolve(`${__dirname}/eslint-rules`);';
  // gatsby's dist/utils/eslint-config.js:7, held in a const.
  assert.equal(folderOf('eslintRulePaths', 'dist/utils/eslint-config.js', held), 'dist/utils/eslint-rules');
  assert.equal(folderOf('path.join(`${__dirname}/a/b`)', 'lib/x.js', ''), 'lib/a/b');
  // A template with a second substitution, or one that does not open with the folder, is not one folder.
  assert.equal(folderOf('path.resolve(`${__dirname}/${name}`)', 'lib/x.js', ''), null);
  assert.equal(folderOf('path.resolve(`rules/${__dirname}`)', 'lib/x.js', ''), null);
});

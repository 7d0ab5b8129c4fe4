/**
 * Specifiers built at run time from literal parts: the files they may load are a glob the graph
 * follows, when the literal parts name a folder below the importer's or a file suffix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { javascriptExtractor } from '../../src/languages/javascript/extract.js';
import { sameHolesTest } from '../../src/util/glob.js';
import { scanDir } from '../helpers/scan-fixture.js';

const globsOf = (text: string): Array<[string, string | undefined]> =>
  javascriptExtractor
    .extract('src/app.js', text)
    .references.filter((r) => r.form === 'glob')
    .map((r) => [r.target, r.via]);

const OWN_FOLDER = './{*,*/index}.{js,cjs,mjs,jsx,ts,cts,mts,tsx,json}';

test('a template-literal require with a folder and a suffix is a glob over that folder', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`./emails/${n}.txt.js`);\n'), [['./emails/*.txt.js', 'computed require']]);
});

test('a suffix without a code extension also matches the names Node adds one to (`<name>.txt` loads `<name>.txt.js`)', () => {
  const CODE = '{js,cjs,mjs,jsx,ts,cts,mts,tsx,json}';
  assert.deepEqual(globsOf('module.exports = (n) => require(`./email-templates/${n}.txt`);\n'), [[`./email-templates/{*.txt,*.txt.${CODE}}`, 'computed require']]);
  assert.deepEqual(globsOf("module.exports = (n) => require('./handlers/' + n + '-handler');\n"), [[`./handlers/{*-handler,*-handler.${CODE}}`, 'computed require']]);
  assert.deepEqual(globsOf("module.exports = (n) => require('./handlers/' + n + '.cjs');\n"), [['./handlers/*.cjs', 'computed require']]);
});

test("tsc's CommonJS import(): Promise.resolve(`${expr}`).then(s => __importStar(require(s))) reads as import(expr)", () => {
  const text = 'async function load(plugin) {\n  return (await Promise.resolve(`${`./plugins/events/${plugin}`}`).then(s => __importStar(require(s)))).default;\n}\n';
  assert.deepEqual(globsOf(text), [['./plugins/events/{*,*/index.{js,cjs,mjs,jsx,ts,cts,mts,tsx,json}}', 'computed import()']]);
  // tsc emits a literal import('./x.js') as a require inside the then (never as a template): read as that require.
  const literal = javascriptExtractor.extract('src/app.js', 'const m = Promise.resolve().then(() => __importStar(require("./x.js")));\n').imports;
  assert.deepEqual(literal.map((i) => i.specifier), ['./x.js']);
  // Without the require of the same name after it, a Promise.resolve is not an import.
  assert.deepEqual(globsOf('const p = Promise.resolve(`${`./a/${n}`}`).then((s) => log(s));\n'), []);
});

test('a require of a name the file declares once as a const string literal reads as that specifier', () => {
  const importsOf = (text: string) => javascriptExtractor.extract('src/app.js', text).imports.map((i) => i.specifier);
  assert.deepEqual(importsOf('program.action(() => {\n  const newLocal = "../server";\n  const server = require(newLocal);\n});\n'), ['../server']);
  // Declared twice (another scope may hold another value), or not a literal: nothing.
  assert.deepEqual(importsOf('function a() { const m = "./a"; require(m); }\nfunction b() { const m = "./b"; require(m); }\n'), []);
  assert.deepEqual(importsOf('const m = pick();\nrequire(m);\n'), []);
  // A parameter of the same name shadows it: what the caller passes is loaded.
  assert.deepEqual(importsOf('const plugin = "./legacy-plugin";\nfunction load(plugin) {\n  return require(plugin);\n}\n'), []);
  assert.deepEqual(importsOf('const m = "./a";\nconst load = (x, m) => require(m);\n'), []);
  assert.deepEqual(importsOf('const m = "./a";\nclass A { load({ m }) { return require(m); } }\n'), []);
  // A control statement's parenthesis is not a parameter list.
  assert.deepEqual(importsOf('const m = "./a";\nif (m) {\n  require(m);\n}\n'), ['./a']);
});

test('a + chain in import() keeps its literal parts and one hole per computed part', () => {
  assert.deepEqual(globsOf("export const load = (lang) => import('./locales/' + lang + '.js');\n"), [['./locales/*.js', 'computed import()']]);
  assert.deepEqual(globsOf("export const load = (a, b) => import('./locales/' + a + b + '.json.js');\n"), [['./locales/*.json.js', 'computed import()']]);
});

test('a folder and a whole computed last segment also reaches the subfolders\' index files (Node resolves <folder>/<id> to either)', () => {
  assert.deepEqual(globsOf("module.exports = (id) => require('../../hooks/' + id);\n"), [['../../hooks/{*,*/index.{js,cjs,mjs,jsx,ts,cts,mts,tsx,json}}', 'computed require']]);
  const ref = javascriptExtractor.extract('src/app.js', 'module.exports = (id) => require(`./hooks/${id}`);\n').references[0];
  assert.deepEqual([ref?.target, ref?.exclude], ['./hooks/{*,*/index.{js,cjs,mjs,jsx,ts,cts,mts,tsx,json}}', ['./hooks/*/index.d.{ts,cts,mts}']]);
});

test('a suffix with an extension is enough', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`./${n}.plugin.js`);\n'), [['./*.plugin.js', 'computed require']]);
});

test('a name prefix of two or more characters before the hole names those files of the folder (cnpm: `require(\'./cnpm-\' + action)`)', () => {
  const CODE = '{js,cjs,mjs,jsx,ts,cts,mts,tsx,json}';
  assert.deepEqual(globsOf("if (extendsMethd[action]) require('./cnpm-' + action);\n"), [[`./{cnpm-*,cnpm-*.${CODE}}`, 'computed require']]);
  assert.deepEqual(globsOf('export const load = (n) => import(`./plugin_${n}`);\n'), [[`./{plugin_*,plugin_*.${CODE}}`, 'computed import()']]);
  // One character says too little of the folder's names: nothing.
  assert.deepEqual(globsOf("module.exports = (n) => require('./x' + n);\n"), []);
  // What the own folder's glob leaves out, a prefix's leaves out too: a declaration no require loads, a test beside the commands.
  const ref = javascriptExtractor.extract('bin/cnpm.js', "require('./cnpm-' + action);\n").references[0];
  assert.deepEqual(ref?.exclude, ['./*.d.{ts,cts,mts}', './*.{test,spec}.*']);
});

test('./ and one computed name is the importer folder: its module files and its direct subfolders\' index files', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`./${n}`);\n'), [[OWN_FOLDER, 'computed require']]);
  assert.deepEqual(globsOf("module.exports = (n) => require('./' + n);\n"), [[OWN_FOLDER, 'computed require']]);
  assert.deepEqual(globsOf('export const load = (n) => import(`./${n}`);\n'), [[OWN_FOLDER, 'computed import()']]);
  const ref = javascriptExtractor.extract('src/app.js', 'module.exports = (n) => require(`./${n}`);\n').references[0];
  assert.deepEqual(ref?.exclude, ['./{*,*/index}.d.{ts,cts,mts}', './*.{test,spec}.*']);
});

test('a file that lists its folder is left to the listing: ./ and a name is no pattern there', () => {
  assert.deepEqual(globsOf("const fs = require('fs');\nfor (const f of fs.readdirSync(__dirname)) require('./' + f);\n"), []);
  assert.deepEqual(globsOf("const glob = require('glob');\nglob.sync('*.model.js', {cwd: __dirname}).forEach((f) => require(`./${f}`));\n"), []);
});

test('the parent folder and one computed name names nothing', () => {
  assert.deepEqual(globsOf("module.exports = (n) => require('../' + n);\n"), []);
  assert.deepEqual(globsOf('module.exports = (n) => require(`../${n}`);\n'), []);
});

test('package names, holes that span folders and glob characters name no files', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`lodash/${n}`);\n'), []);
  assert.deepEqual(globsOf('module.exports = (a, b) => require(`./${a}/${b}.js`);\n'), []);
  assert.deepEqual(globsOf('module.exports = (n) => require(`./x*/${n}.js`);\n'), []);
  assert.deepEqual(globsOf('module.exports = (n) => require(n);\n'), []);
});

// Stop 63: Quasar's lib/cmd/build.js:140 ``import(`../modes/${ argv.mode }/${ argv.mode }-builder.js`)``.
test('holes in several segments that are all one name are a sameHoles glob', () => {
  const refs = (text: string) => javascriptExtractor.extract('lib/cmd/build.js', text).references.filter((r) => r.form === 'glob');
  const quasar = refs('const { QuasarModeBuilder } = await import(`../modes/${ argv.mode }/${ argv.mode }-builder.js`);\n');
  assert.deepEqual(quasar.map((r) => [r.target, r.via, r.sameHoles]), [['../modes/*/*-builder.js', 'computed import()', true]]);
  assert.deepEqual(refs("module.exports = (m) => require('./modes/' + m + '/' + m + '.js');\n").map((r) => [r.target, r.sameHoles]), [['./modes/*/*.js', true]]);
  // Two names, a computed member, no folder, or a suffix Node would complete: a guess at the tree, nothing.
  assert.deepEqual(refs('export default (a, b) => import(`../modes/${a}/${b}-builder.js`);\n'), []);
  assert.deepEqual(refs('export default (o, k) => import(`../modes/${o[k]}/${o[k]}-builder.js`);\n'), []);
  // review s63-rv2: a private field and a public one of the same name, a call and a property: other values
  assert.deepEqual(refs('class A { #mode = "x"; mode = "y"; run() { return import(`../modes/${this.mode}/${this.#mode}-builder.js`); } }\n'), []);
  assert.deepEqual(refs('export default (a) => import(`../modes/${a.b}/${a.b()}-builder.js`);\n'), []);
  assert.deepEqual(refs('export default (m) => import(`../${m}/${m}.js`);\n'), []);
  assert.deepEqual(refs('export default (m) => import(`../modes/${m}/${m}-builder`);\n'), []);
  // One hole keeps its plain glob, with no sameHoles.
  assert.deepEqual(refs('export default (m) => import(`../modes/${m}-builder.js`);\n').map((r) => r.sameHoles), [undefined]);
});

// Stop 66: stylelint's lib/rules/index.mjs:15 ``import(`./${ruleName}/index.mjs`)``, one folder per rule.
test('one hole that is a whole folder name and a literal rest names that file in each direct subfolder', () => {
  assert.deepEqual(globsOf('const load = (ruleName) => import(`./${ruleName}/index.mjs`);\n'), [['./*/index.mjs', 'computed import()']]);
  assert.deepEqual(globsOf("module.exports = (op) => require('../operations/' + op + '/index.js');\n"), [['../operations/*/index.js', 'computed require']]);
  // The parent folder's other folders, a hole inside a folder name, or a rest Node would complete: nothing.
  assert.deepEqual(globsOf('module.exports = (n) => require(`../${n}/index.js`);\n'), []);
  assert.deepEqual(globsOf('module.exports = (n) => require(`./x-${n}/index.js`);\n'), []);
  assert.deepEqual(globsOf('module.exports = (n) => require(`./${n}/index`);\n'), []);
});

test('a rule folder\'s index is production through the computed import; a file of another name in it stays dead', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-segment-hole-'));
  try {
    const files: Record<string, string> = {
      'package.json': '{"name":"s","type":"module","exports":{".":"./lib/index.mjs"}}',
      'lib/index.mjs': "import rules from './rules/index.mjs';\nexport default rules;\n",
      'lib/rules/index.mjs': 'const get = (ruleName) => import(`./${ruleName}/index.mjs`);\nexport default get;\n',
      'lib/rules/color-named/index.mjs': "import { c } from './colordUtils.mjs';\nexport default c;\n",
      'lib/rules/color-named/colordUtils.mjs': 'export const c = 1;\n',
      'lib/rules/color-named/old.mjs': 'export const o = 1;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { audit } = await scanDir(dir);
    const verdict = (p: string) => audit.files.find((f) => f.path === p)?.verdict;
    assert.equal(verdict('lib/rules/color-named/index.mjs'), 'production');
    assert.equal(verdict('lib/rules/color-named/colordUtils.mjs'), 'production');
    assert.equal(verdict('lib/rules/color-named/old.mjs'), 'dead');
    const evidence = audit.files.find((f) => f.path === 'lib/rules/color-named/index.mjs')?.evidence ?? [];
    assert.ok(evidence.some((l) => l.includes('lib/rules/index.mjs:1') && l.includes('./*/index.mjs')), evidence.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Review of stop 66: a root index.js's `./${n}/index.js` made test/index.js, docs/index.js and
// examples/index.js production; such folders are no plugin folders.
test('a whole-folder hole skips the test, fixture, docs and example folders beside the plugins', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-segment-hole-skip-'));
  try {
    const files: Record<string, string> = {
      'package.json': '{"name":"s","main":"index.js"}',
      'index.js': 'module.exports = (n) => require(`./${n}/index.js`);\n',
      'plugins/index.js': 'module.exports = 1;\n',
      'test/index.js': 'module.exports = 2;\n',
      'docs/index.js': 'module.exports = 3;\n',
      'examples/index.js': 'module.exports = 4;\n',
      '__fixtures__/index.js': 'module.exports = 5;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { audit } = await scanDir(dir);
    const verdict = (p: string) => audit.files.find((f) => f.path === p)?.verdict;
    assert.equal(verdict('plugins/index.js'), 'production');
    for (const p of ['test/index.js', 'docs/index.js', 'examples/index.js', '__fixtures__/index.js']) assert.notEqual(verdict(p), 'production', p);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sameHolesTest: each * fills with the same text', () => {
  const t = sameHolesTest('lib/modes/*/*-builder.js');
  assert.equal(t('lib/modes/ssr/ssr-builder.js'), true);
  assert.equal(t('lib/modes/ssr/pwa-builder.js'), false);
  assert.equal(t('lib/modes/a.b/a.b-builder.js'), true);
  assert.equal(t('lib/modes/ab/a.-builder.js'), false);
  assert.equal(sameHolesTest('lib/{a,b}/*/*.js')('lib/a/x/x.js'), false);
});

test('a sameHoles import makes each mode\'s own module production and leaves a file of another name dead', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-same-holes-'));
  try {
    const files: Record<string, string> = {
      'package.json': '{"name":"q","type":"module","bin":{"q":"lib/cmd/build.js"}}',
      'lib/cmd/build.js': '#!/usr/bin/env node\nconst mode = process.argv[2];\nconst { run } = await import(`../modes/${ mode }/${ mode }-builder.js`);\nrun();\n',
      'lib/modes/ssr/ssr-builder.js': 'export const run = () => 1;\n',
      'lib/modes/pwa/pwa-builder.js': 'export const run = () => 2;\n',
      'lib/modes/pwa/old-builder.js': 'export const run = () => 3;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { audit } = await scanDir(dir);
    const verdict = (p: string) => audit.files.find((f) => f.path === p)?.verdict;
    assert.equal(verdict('lib/modes/ssr/ssr-builder.js'), 'production');
    assert.equal(verdict('lib/modes/pwa/pwa-builder.js'), 'production');
    assert.equal(verdict('lib/modes/pwa/old-builder.js'), 'dead');
    const evidence = audit.files.find((f) => f.path === 'lib/modes/ssr/ssr-builder.js')?.evidence ?? [];
    assert.ok(evidence.some((l) => l.includes('named in lib/cmd/build.js:3 as "../modes/*/*-builder.js" (computed import(), each * the same name)')), evidence.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a literal require is an import, not a glob', () => {
  const facts = javascriptExtractor.extract('src/app.js', "require(`./emails/plain.js`);\n");
  assert.deepEqual(facts.references.filter((r) => r.form === 'glob'), []);
  assert.deepEqual(facts.imports.map((i) => i.specifier), ['./emails/plain.js']);
});

test('a package name and a folder is kept for the graph to map (the package\'s own name, an alias)', () => {
  assert.deepEqual(globsOf('module.exports = (n) => require(`acme/lib/commands/${n}`);\n'), [['acme/lib/commands/*', 'computed require']]);
  assert.deepEqual(globsOf("module.exports = (n) => require.resolve('@acme/cli/lib/' + n + '.js');\n"), [['@acme/cli/lib/*.js', 'computed require.resolve']]);
  assert.deepEqual(globsOf('module.exports = (n) => require(`${n}/lib/x`);\n'), []);
});

test('resolve-cwd and its kin: a package-name id whose result is required, or that import-cwd loads', () => {
  const required = "const resolveCwd = require('resolve-cwd');\nconst run = (n) => { const p = resolveCwd.silent(`acme/lib/commands/${n}`); return require(p); };\n";
  assert.deepEqual(globsOf(required), [['acme/lib/commands/*', 'resolveCwd.silent, then required']]);
  assert.deepEqual(globsOf("const resolveCwd = require('resolve-cwd');\nmodule.exports = (n) => require(resolveCwd(`acme/lib/${n}`));\n"), [['acme/lib/*', 'require(resolveCwd())']]);
  assert.deepEqual(globsOf("import importCwd from 'import-cwd';\nexport const load = (n) => importCwd('acme/plugins/' + n);\n"), [['acme/plugins/*', 'importCwd']]);
  assert.deepEqual(globsOf("const resolveFrom = require('resolve-from');\nmodule.exports = (d, n) => require(resolveFrom(d, `acme/lib/${n}`));\n"), [['acme/lib/*', 'require(resolveFrom())']]);
});

test('resolve-cwd: a result never required, a relative id (the working folder\'s, not this file\'s) name nothing', () => {
  assert.deepEqual(globsOf("const resolveCwd = require('resolve-cwd');\nmodule.exports = (n) => { const p = resolveCwd(`acme/lib/${n}`); return p; };\n"), []);
  assert.deepEqual(globsOf("const resolveCwd = require('resolve-cwd');\nmodule.exports = (n) => require(resolveCwd(`./lib/${n}`));\n"), []);
});

test("a require of a const holding the module's folder (or a join onto it) plus a literal tail reads as a relative specifier", () => {
  const importsOf = (text: string, file = 'bin/homebridge') => javascriptExtractor.extract(file, text).imports.map((i) => i.specifier);
  // homebridge's bin: the folder of the module's real path, then "../lib".
  const homebridge = 'const path = require("path");\nconst fs = require("fs");\nconst lib = path.join(path.dirname(fs.realpathSync(__filename)), "../lib");\nrequire(lib + \'/cli\')();\n';
  assert.deepEqual(importsOf(homebridge), ['path', 'fs', '../lib/cli']);
  assert.deepEqual(importsOf('const here = path.dirname(__filename);\nrequire(here + "/plugins/x");\n', 'src/app.js'), ['./plugins/x']);
  assert.deepEqual(importsOf('const up = path.resolve(fileURLToPath(import.meta.url), "..", "..");\nrequire(up + "/config");\n', 'src/a/app.js'), ['../config']);
  // An ES module's own __dirname, through createRequire: a const like any other.
  assert.deepEqual(importsOf('const require = createRequire(import.meta.url);\nconst __dirname = path.dirname(fileURLToPath(import.meta.url));\nrequire(__dirname + "/b.cjs");\n', 'esm/index.mjs'), ['./b.cjs']);
  // Stop 48: CommonJS's own __dirname (the module wrapper's, declared nowhere in the file), `+` or a template that opens with it.
  assert.deepEqual(importsOf('const a = require(__dirname + "/lib/a");\nconst c = require(`${__dirname}/lib/c`);\n', 'src/index.js'), ['./lib/a', './lib/c']);
  // A function's parameter of that name (a bundle's module wrapper), or a computed tail: nothing.
  assert.deepEqual(importsOf('(function (__dirname) { require(__dirname + "/lib/a"); })(x);\n'), []);
  assert.deepEqual(importsOf('require(`${__dirname}/lib/${name}`);\n'), []);
  // The folder is settled once per name (walk.ts caches it per file); each tail follows it.
  assert.deepEqual(importsOf('const lib = path.join(__dirname, "../lib");\nrequire(lib + "/cli");\nrequire(lib + "/x/y");\nrequire(lib + "/cli");\n'), ['../lib/cli', '../lib/x/y', '../lib/cli']);
  // A folder census cannot settle, a parameter of that name, a name declared twice, or a tail that is no path: nothing.
  assert.deepEqual(importsOf('const lib = process.env.LIB;\nrequire(lib + "/cli");\n'), []);
  assert.deepEqual(importsOf('const lib = path.join(__dirname, "../lib");\nfunction load(lib) { return require(lib + "/cli"); }\n'), []);
  assert.deepEqual(importsOf('function a() { const lib = path.join(__dirname, "a"); require(lib + "/x"); }\nfunction b() { const lib = path.join(__dirname, "b"); require(lib + "/x"); }\n'), []);
  assert.deepEqual(importsOf('const lib = path.join(__dirname, "../lib");\nrequire(lib + "cli");\n'), []);
});

test("an option's value and a literal rest, where the file gives the option a default folder (jsdoc's cli.js), names the default's file", () => {
  const CODE = '{js,cjs,mjs,jsx,ts,cts,mts,tsx,json}';
  // jsdoc cli.js:421 `env.opts.template || 'templates/default'`, :430 ``require(`${env.opts.template}/publish`)``
  const jsdoc = "function gen(env) {\n  const publish = env.opts.template || 'templates/default';\n  env.opts.template = resolve(publish) || env.opts.template;\n  return require(`${env.opts.template}/publish`);\n}\n";
  assert.deepEqual(globsOf(jsdoc), [[`./templates/default/{publish,publish.${CODE},publish/index.${CODE}}`, 'computed require']]);
  assert.deepEqual(globsOf("const t = opts.theme ?? './themes/plain';\nrequire(opts.theme + '/index.js');\n"), [['./themes/plain/index.js', 'computed require']]);
  // no default in the file, a default of another option, or a default that is a package name: nothing
  assert.deepEqual(globsOf('module.exports = (env) => require(`${env.opts.template}/publish`);\n'), []);
  assert.deepEqual(globsOf("const a = env.opts.theme || 'templates/default';\nrequire(`${env.opts.template}/publish`);\n"), []);
  assert.deepEqual(globsOf("const a = env.opts.template || 'jsdoc-theme';\nrequire(`${env.opts.template}/publish`);\n"), []);
});

/**
 * A package's dist/ or build/ is its code, not a build's output, when its package.json's entry
 * fields point into it and nothing in the package builds it (no src/ holding code, bundler config, tsconfig
 * output into it, or script that writes it from an input that is there): a published package
 * (hexo-cli's `"main": "dist/hexo"`, verdaccio's build/) or a repo that commits a package's
 * compiled code. Where a build writes it, it stays out as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { keptOutputDirs, MAX_READ } from '../../src/discover/package-output.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { fixturePath, standaloneFixture } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const KEPT = 'test/fixtures/discover/package-output-kept';
const BUILT = 'test/fixtures/discover/package-output-built';

const summary = async (root: string) => {
  const { audit } = await scanDir(root);
  return {
    files: Object.fromEntries(audit.files.filter((f) => /\.(?:[cm]?js|ts)$/.test(f.path)).map((f) => [f.path, f.verdict ?? undefined])),
    notes: audit.warnings.filter((w) => w.id.startsWith('discover/')).map((w) => `${w.location?.file}:${w.location?.line} ${w.id} ${w.message}`),
  };
};

const KEPT_EXPECTED = {
  files: {
    'bin/greet.js': 'production',
    'dist/index.d.ts': 'production',
    'dist/index.js': 'production',
    'dist/lib/format.js': 'production',
    'dist/lib/unused.js': 'dead',
    // away: its bin requires another package's dist/ (and its own only in a comment): its dist/x.js stays out.
    'packages/away/bin/run.js': 'production',
    // hx: a bin without an extension (bin/hx, not listed: the summary keeps .js/.ts), run by Node (its shebang), requires ../dist/cli.
    'packages/hx/dist/cli.js': 'production',
    'packages/lounge/dist/server/index.js': 'production',
    'packages/lounge/index.js': 'production',
    // ntl: netlify-cli's bin/run.js imports ../dist/…; its build script's tsconfig is not published.
    'packages/ntl/bin/run.js': 'production',
    'packages/ntl/dist/commands/deploy.js': 'production',
    'packages/ntl/dist/main.js': 'production',
    'packages/ntl/dist/orphan.js': 'dead',
    // sync-server: its src/ holds a README only, and its copy script names a src/sql that is not there.
    'packages/server/build/bin/server.js': 'production',
    'packages/server/build/src/app.js': 'production',
    // tick: gatsby's bin `cli.js` requires its dist/ by a template with no substitution, a literal all the same;
    // its `prebuild` only clears dist/ and a folder it ships (`rimraf dist && rimraf cache/commonjs`): no build of dist/.
    'packages/tick/cache/commonjs/entry.js': 'production',
    'packages/tick/cli.js': 'production',
    'packages/tick/dist/bin/run.js': 'production',
    'packages/vendored/build/main.js': 'production',
  },
  notes: [
    'package.json:4 discover/package-output-kept dist/ is scanned, not left out as build output: main names dist/index.js and nothing in this package builds dist/ (no src/ holding code, bundler config, tsconfig output or script that writes it)',
    'packages/hx/package.json:3 discover/package-output-kept dist/ is scanned, not left out as build output: bin["hx"] names bin/hx, which loads ../dist/cli (line 4) and nothing in this package builds dist/ (no src/ holding code, bundler config, tsconfig output or script that writes it)',
    'packages/lounge/package.json:3 discover/package-output-kept dist/ is scanned, not left out as build output: bin["lounge"] names index.js, which loads ./dist/server/index.js (line 3) and nothing in this package builds dist/ (no src/ holding code, bundler config, tsconfig output or script that writes it)',
    'packages/ntl/package.json:4 discover/package-output-kept dist/ is scanned, not left out as build output: bin["ntl"] names ./bin/run.js, which loads ../dist/main.js (line 3) and nothing in this package builds dist/ (no src/ holding code, bundler config, tsconfig output or script that writes it)',
    'packages/server/package.json:4 discover/package-output-kept build/ is scanned, not left out as build output: bin["server"] names ./build/bin/server.js and nothing in this package builds build/ (no src/ holding code, bundler config, tsconfig output or script that writes it)',
    'packages/tick/package.json:3 discover/package-output-kept dist/ is scanned, not left out as build output: bin["tick"] names ./cli.js, which loads ./dist/bin/run.js (line 4) and nothing in this package builds dist/ (no src/ holding code, bundler config, tsconfig output or script that writes it)',
    'packages/vendored/package.json:1 discover/package-output-kept build/ is scanned, not left out as build output: exports["."]["require"] names ./build/main.js and nothing in this package builds build/ (no src/ holding code, bundler config, tsconfig output or script that writes it)',
  ],
};

const BUILT_EXPECTED = {
  files: {
    'packages/a/src/index.ts': 'production',
    'packages/b/index.ts': 'production',
    'packages/c/c.mjs': 'tooling',
    'packages/c/rollup.config.mjs': 'tooling',
    'packages/d/index.js': 'production',
    // f: esbuild --outfile=dist/index.js from index.ts (the flag names a file in dist/; index.ts is its source twin).
    'packages/f/index.ts': 'production',
    // g: dist/g.js is built by "prepare": "node scripts/build.mjs" from lib/g.js, its source twin.
    'packages/g/lib/g.js': 'dead',
    'packages/g/scripts/build.mjs': 'tooling',
  },
  notes: ['packages/e/package.json:1 discover/package-json-unread package.json not read for its entry points (invalid JSON: Expected double-quoted property name); dist/ left out as build output'],
};

const WORKSPACE = 'test/fixtures/discover/package-output-workspace';

/** packages/foo's dist/ is written by the workspace root's rollup.config.js, not by anything in packages/foo. */
const WORKSPACE_EXPECTED = {
  files: { 'packages/foo/lib/foo.js': 'tooling', 'rollup.config.js': 'tooling' },
  notes: [],
};

const inGit = (fixture: string): string => {
  const dir = join(scratchDir('census-package-output-'), 'repo');
  cpSync(fixturePath('discover', fixture), dir, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['add', '-f', '.'], { cwd: dir });
  return dir;
};

test('outside git: a package dist/ its package.json names and nothing builds is scanned (its node_modules/ still out)', async () => {
  assert.deepEqual(await summary(standaloneFixture(KEPT)), KEPT_EXPECTED);
});

test('in git: the listing is judged by the same rule', async () => {
  assert.deepEqual(await summary(inGit('package-output-kept')), KEPT_EXPECTED);
});

test('outside git: dist/ stays out beside src/, a tsconfig outDir, a bundler config, a script with its input, or an unreadable package.json', async () => {
  assert.deepEqual(await summary(standaloneFixture(BUILT)), BUILT_EXPECTED);
});

test('in git: the same folders stay out', async () => {
  assert.deepEqual(await summary(inGit('package-output-built')), BUILT_EXPECTED);
});

test('a bundler config at the workspace root builds its packages\' dist/: out, outside git and in it', async () => {
  assert.deepEqual(await summary(standaloneFixture(WORKSPACE)), WORKSPACE_EXPECTED);
  assert.deepEqual(await summary(inGit('package-output-workspace')), WORKSPACE_EXPECTED);
});

const names = (files: string[], dirs: string[]) => ({ files: new Set(files), dirs: new Set(dirs) });

test('keptOutputDirs: entry fields, and what in the package builds the folder', () => {
  const run = (pkg: object | string, files: string[], dirs: string[], extra: Record<string, string> = {}) => {
    const texts: Record<string, string> = { 'package.json': typeof pkg === 'string' ? pkg : JSON.stringify(pkg, null, 2), ...extra };
    const diagnostics: Diagnostic[] = [];
    const kept = keptOutputDirs('', names(['package.json', ...files], ['dist', 'build', ...dirs]), ['dist', 'build'], (p) => texts[p] ?? null, diagnostics);
    return { kept: kept.map((k) => `${k.dir} ${k.field}`), ids: diagnostics.map((d) => d.id) };
  };
  assert.deepEqual(run({ main: 'dist/hexo' }, [], ['bin']).kept, ['dist main']);
  assert.deepEqual(run({ bin: { x: './build/cli.js' }, types: 'dist/x.d.ts' }, [], []).kept, ['build bin["x"]', 'dist types']);
  assert.deepEqual(run({ exports: { '.': [{ import: './dist/x.mjs' }] } }, [], []).kept, ['dist exports["."][0]["import"]']);
  // Nothing names the folder: out.
  assert.deepEqual(run({ main: 'index.js', files: ['dist'] }, ['index.js'], []).kept, []);
  assert.deepEqual(run({ main: 'index.js', files: ['dist'] }, ['index.js'], [], { 'index.js': "require('./lib/x');" }).kept, []);
  // The Lounge: the bin file beside the package.json requires into dist/, and nothing there builds it.
  const lounge = { bin: { thelounge: 'index.js' }, files: ['./index.js', './dist/**/*.js'], scripts: { 'build:server': 'tsc -p server/tsconfig.json' } };
  const bin = 'if (fs.existsSync("./dist/server/index.js")) {\n\trequire("./dist/server/index.js");\n}\n';
  const found = run(lounge, ['index.js'], [], { 'index.js': bin });
  assert.deepEqual(found.kept, ['dist bin["thelounge"]']);
  // The same bin in the repo, beside the sources' src/: out.
  assert.deepEqual(run(lounge, ['index.js'], ['src'], { 'index.js': bin }).kept, []);
  // The bin's required output has a source twin (server/index.ts, which tsc builds into dist/server/): out.
  assert.deepEqual(run({ bin: 'index.js' }, ['index.js'], ['server'], { 'index.js': 'require("./dist/server/index.js");\n', 'server/index.ts': '' }).kept, []);
  // Stop 55: an entry in a folder of the package (netlify-cli's bin/run.js) read from there; a bare one needs Node's shebang.
  assert.deepEqual(run({ bin: './bin/run.js' }, [], ['bin'], { 'bin/run.js': "import { x } from '../dist/x.js'\n" }).kept, ['dist bin']);
  assert.deepEqual(run({ bin: 'bin/x' }, [], ['bin'], { 'bin/x': "#!/usr/bin/env node\nrequire('../dist/x');\n" }).kept, ['dist bin']);
  assert.deepEqual(run({ bin: 'bin/x' }, [], ['bin'], { 'bin/x': "#!/bin/sh\nexec node ../dist/x.js\n# require('../dist/x')\n" }).kept, []);
  // Node's shebang as discovery reads it: Debian's old `nodejs` runs it; a `node` folder on a Python's #! line does not.
  assert.deepEqual(run({ bin: 'bin/x' }, [], ['bin'], { 'bin/x': "#!/usr/bin/nodejs\nrequire('../dist/x');\n" }).kept, ['dist bin']);
  assert.deepEqual(run({ bin: 'bin/x' }, [], ['bin'], { 'bin/x': "#!/opt/node/bin/python3\nprint(\"require('../dist/x')\")\n" }).kept, []);
  // Where it leads outside the folder or the package, through an output folder or node_modules, or from a source-only file: out.
  assert.deepEqual(run({ bin: './bin/run.js' }, [], ['bin'], { 'bin/run.js': "require('../../dist/x.js');\nrequire('./dist/x.js');\n" }).kept, []);
  assert.deepEqual(run({ main: 'build/a.js' }, [], [], { 'build/a.js': "require('../dist/x.js');\n" }).kept, ['build main']);
  assert.deepEqual(run({ main: 'node_modules/a/i.js' }, [], [], { 'node_modules/a/i.js': "require('../../dist/x.js');\n" }).kept, []);
  assert.deepEqual(run({ bin: './bin/run.ts' }, [], ['bin'], { 'bin/run.ts': "import '../dist/x.js'\n" }).kept, []);
  // The same bin beside src/ (the repo, not the published package): out.
  assert.deepEqual(run({ bin: './bin/run.js' }, [], ['bin', 'src'], { 'bin/run.js': "import '../dist/x.js'\n", 'src/x.ts': '' }).kept, []);
  // A native addon's shim requires node-gyp's build/ (a .node, not code), beside its binding.gyp: out; so is a require in a comment.
  const addon = { 'index.js': "module.exports = require('./build/Release/addon.node');\n" };
  assert.deepEqual(run({ main: 'index.js' }, ['index.js'], [], addon).kept, []);
  assert.deepEqual(run({ main: 'index.js' }, ['index.js', 'binding.gyp'], [], { 'index.js': "require('./build/Release/addon');\n" }).kept, []);
  assert.deepEqual(run({ main: 'index.js' }, ['index.js'], [], { 'index.js': "// require('./build/x.js')\n/*\n * require('./build/y.js')\n */\n" }).kept, []);
  // verdaccio: its build script compiles src/, which the published package does not have.
  assert.deepEqual(run({ main: 'build/index.js', scripts: { build: 'rm -Rf build && babel src/ --out-dir build/' } }, ['index.js'], []).kept, ['build main']);
  // The same script in the repo, where src/ is: out.
  assert.deepEqual(run({ main: 'build/index.js', scripts: { build: 'babel src/ --out-dir build/' } }, [], ['src']).kept, []);
  // A script that writes it from a file that is there; one that only runs a file in it does not write it.
  assert.deepEqual(run({ main: 'dist/index.js', scripts: { build: 'ncc build index.js -o dist' } }, ['index.js'], []).kept, []);
  assert.deepEqual(run({ main: 'dist/index.js', scripts: { start: 'node dist/index.js' } }, ['index.js'], []).kept, ['dist main']);
  // An output flag's word counts when it names a file in the folder, with the input that is there.
  assert.deepEqual(run({ main: 'dist/out.js', scripts: { build: 'esbuild main.js --bundle --outfile=dist/out.js' } }, ['main.js'], []).kept, []);
  assert.deepEqual(run({ main: 'dist/out.js', scripts: { build: 'ncc build main.js -o dist/out.js' } }, ['main.js'], []).kept, []);
  // A source twin of the entry outside the folder: a source extension at the root, any code in a first-level folder but bin/.
  assert.deepEqual(run({ main: 'dist/foo.js' }, ['foo.ts'], [], { 'foo.ts': '' }).kept, []);
  assert.deepEqual(run({ main: 'dist/foo' }, [], ['lib'], { 'lib/foo.js': '' }).kept, []);
  // @vendure/core: cli/index.js has its source map beside it, so it is another output, not dist/index.js' source.
  assert.deepEqual(run({ main: 'dist/index.js' }, [], ['cli'], { 'cli/index.js': '', 'cli/index.js.map': '{}' }).kept, ['dist main']);
  assert.deepEqual(run({ exports: { '.': './dist/x/y.mjs' } }, [], ['source2'], { 'source2/x/y.ts': '' }).kept, []);
  // astro: components/index.ts is an entry of its own ("./components"), shipped as it is, not the source of "." → dist/index.js;
  // the same file with no entry naming it is still a twin.
  assert.deepEqual(run({ exports: { '.': './dist/index.js', './components': './components/index.ts' } }, [], ['components'], { 'components/index.ts': '' }).kept, ['dist exports["."]']);
  assert.deepEqual(run({ exports: { '.': './dist/index.js' } }, [], ['components'], { 'components/index.ts': '' }).kept, []);
  // Review: an entry that names the twin for the same subpath is its source, not a file shipped beside the output
  // (a monorepo package whose types, or development condition, point at lib/index.ts while main is the build of it).
  assert.deepEqual(run({ main: './dist/index.js', types: './lib/index.ts' }, [], ['lib'], { 'lib/index.ts': '' }).kept, []);
  assert.deepEqual(run({ exports: { '.': { types: './lib/index.ts', default: './dist/index.js' } } }, [], ['lib'], { 'lib/index.ts': '' }).kept, []);
  assert.deepEqual(run({ exports: { '.': { development: './lib/index.ts', default: './dist/index.js' } } }, [], ['lib'], { 'lib/index.ts': '' }).kept, []);
  assert.deepEqual(run({ main: './dist/index.js', exports: { '.': { source: './lib/index.ts', require: './dist/index.js' } } }, [], ['lib'], { 'lib/index.ts': '' }).kept, []);
  // ...while another subpath's own file (astro's "./components") or a types condition of another subpath still is no twin.
  assert.deepEqual(run({ exports: { '.': './dist/index.js', './c': { types: './c/index.d.ts', default: './components/index.ts' } } }, [], ['components'], { 'components/index.ts': '' }).kept, ['dist exports["."]']);
  // verdaccio's root index.js re-exports build/index: a shim of the same extension, not a source. hexo-cli's bin/hexo runs dist/.
  assert.deepEqual(run({ main: 'build/index.js' }, ['index.js'], [], { 'index.js': "export * from './build/index';" }).kept, ['build main']);
  assert.deepEqual(run({ main: 'dist/hexo' }, [], ['bin'], { 'bin/hexo.js': '' }).kept, ['dist main']);
  assert.deepEqual(run({ main: 'dist/index.js', scripts: { build: 'tsc --outDir=dist' } }, ['tsconfig.json'], [], { 'tsconfig.json': '{}' }).kept, []);
  // Review s65-rv2: a script that only clears the folder builds nothing by itself, yet beside a tsconfig it
  // still says tsc writes the folder (its outDir may come from a base outside the package, which is not read);
  // the build that runs tsc may be another script (`npm run clean && tsc`).
  const inherited = { 'tsconfig.json': '{ "extends": "../../tsconfig.base.json" }' };
  assert.deepEqual(run({ main: 'dist/index.js', scripts: { clean: 'rimraf dist', build: 'npm run clean && tsc' } }, ['tsconfig.json'], [], inherited).kept, []);
  assert.deepEqual(run({ main: 'dist/index.js', scripts: { clean: 'del-cli dist' } }, ['tsconfig.json'], [], inherited).kept, []);
  assert.deepEqual(run({ main: 'dist/index.js', scripts: { build: 'rimraf dist && tsc' } }, ['tsconfig.json'], [], inherited).kept, []);
  // Clearing and making the folder, then a copy into it from a folder that is there: out. Clearing alone, no tsconfig: kept.
  assert.deepEqual(run({ main: 'dist/index.js', scripts: { prebuild: 'rm -rf dist; mkdir dist', build: 'cp -r lib dist/' } }, [], ['lib']).kept, []);
  assert.deepEqual(run({ main: 'dist/index.js', scripts: { clean: 'rimraf dist && mkdirp dist' } }, [], []).kept, ['dist main']);
  // tsconfig output, bundler configs.
  assert.deepEqual(run({ main: 'dist/index.js' }, ['tsconfig.build.json'], [], { 'tsconfig.build.json': '{ "compilerOptions": { "outDir": "dist/" } }' }).kept, []);
  assert.deepEqual(run({ main: 'dist/index.js' }, ['tsconfig.json'], [], { 'tsconfig.json': '{ "compilerOptions": { "outDir": "lib" } }' }).kept, ['dist main']);
  assert.deepEqual(run({ main: 'dist/index.js' }, ['vite.config.ts'], []).kept, []);
  assert.deepEqual(run({ main: 'dist/index.js' }, ['Gruntfile.js'], []).kept, []);
  // Not JSON, not an object: a warning, the old rule.
  assert.deepEqual(run('{ "main": "dist/x.js", }', [], []), { kept: [], ids: ['discover/package-json-unread'] });
  assert.deepEqual(run('["dist/x.js"]', [], []), { kept: [], ids: [] });
});

test('keptOutputDirs: a src/ beside it builds it only when it holds code; a script\'s deeper input must be there', () => {
  const tree: Record<string, { files: string[]; dirs: string[] }> = {
    src: { files: [], dirs: ['docs'] },
    'src/docs': { files: ['README.md'], dirs: [] },
    lib: { files: [], dirs: ['deep'] },
    'lib/deep': { files: ['x.ts'], dirs: [] },
  };
  const disk = {
    isFile: (p: string) => p === 'index.js',
    namesAt: (p: string) => (tree[p] ? names(tree[p].files, tree[p].dirs) : null),
  };
  const run = (pkg: object, dirs: string[]) => {
    const text = JSON.stringify(pkg, null, 2);
    return keptOutputDirs('', names(['package.json', 'index.js'], ['build', ...dirs]), ['build'], (p) => (p === 'package.json' ? text : null), [], disk).map((k) => `${k.dir} ${k.field}`);
  };
  // @actual-app/sync-server: a src/ with a README only, and a copy script whose src/sql is not published.
  assert.deepEqual(run({ bin: { s: './build/bin/s.js' }, scripts: { copy: 'rm -rf build/src/sql && cp -r src/sql build/src/sql' } }, ['src']), ['build bin["s"]']);
  // A code file at any depth of src/ (here lib/, named source/ when it is src/): out.
  tree.src.dirs.push('deep');
  tree['src/deep'] = { files: ['a.ts'], dirs: [] };
  assert.deepEqual(run({ main: 'build/index.js' }, ['src']), []);
  // Every JS-family code file counts (js-family.ts): a Marko or Astro component alone is source too.
  for (const component of ['button.marko', 'page.astro', 'view.tsrx', 'legacy.coffee']) {
    tree['src/deep'] = { files: [component], dirs: [] };
    assert.deepEqual(run({ main: 'build/index.js' }, ['src']), [], component);
  }
  // A script's deeper input that is there (lib/deep, a glob under lib/): out.
  assert.deepEqual(run({ main: 'build/index.js', scripts: { build: 'babel lib/deep -d build' } }, ['lib']), []);
  assert.deepEqual(run({ main: 'build/index.js', scripts: { build: 'babel "lib/**/*.ts" -d build' } }, ['lib']), []);
  assert.deepEqual(run({ main: 'build/index.js', scripts: { build: 'babel lib/gone -d build' } }, ['lib']), ['build main']);
});

test('hostile: a package.json over the size cap or a symlink is not read (the folder stays out)', async () => {
  const dir = join(scratchDir('census-package-output-hostile-'), 'repo');
  mkdirSync(join(dir, 'big', 'dist'), { recursive: true });
  mkdirSync(join(dir, 'link', 'dist'), { recursive: true });
  writeFileSync(join(dir, 'big', 'package.json'), `{ "main": "dist/a.js", "pad": "${'x'.repeat(MAX_READ)}" }`);
  writeFileSync(join(dir, 'big', 'dist', 'a.js'), 'module.exports = 1;\n');
  writeFileSync(join(dir, 'real.json'), '{ "main": "dist/b.js" }');
  symlinkSync('../real.json', join(dir, 'link', 'package.json'));
  writeFileSync(join(dir, 'link', 'dist', 'b.js'), 'module.exports = 2;\n');
  const { audit } = await scanDir(dir);
  assert.deepEqual(audit.files.filter((f) => f.path.includes('dist/')).map((f) => f.path), []);
});

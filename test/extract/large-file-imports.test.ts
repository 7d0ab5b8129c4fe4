/**
 * A code file over --max-file-size (a bundle) still has its imports read, by a linear scan that
 * skips comments, strings, templates and regular expressions (stop 44), so what only it loads is
 * not dead. Hostile text (one long line, runs that would make a backtracking pattern quadratic)
 * is read in bounded time; a file over the scan cap, or binary bytes, is not read as code. The
 * repo is written by the test into a temp folder, bundle included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { largeFileFacts, MAX_IMPORTS, scanJsImports, SCAN_CAP } from '../../src/extract/large-file-imports.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const specifiers = (text: string): string[] => scanJsImports(text).map((f) => `${f.syntax} ${f.specifier}${f.inTry ? ' try' : ''}`);

test('the scan reads import forms with literal specifiers, minified or not', () => {
  const text = [
    `import a from './a.js';import{b as c,d}from"./b.js";import * as e from './e.js'`,
    `import './side.css';export * from './star.js';export { x as y } from "./reexport.js"`,
    `import type { T } from './types';`,
    `const m=await import("./chunks/dep-abc.js"),n=require("./n.js");import(\`./tpl.js\`)`,
    `function f(){return import('./lazy.js', { with: { type: 'json' } })}`,
    `try{require("optional-dep")}catch(e){}require('after-try')`,
  ].join('\n');
  assert.deepEqual(specifiers(text), [
    'import ./a.js', 'import ./b.js', 'import ./e.js', 'import ./side.css', 'export-from ./star.js', 'export-from ./reexport.js',
    'import ./types', 'dynamic ./chunks/dep-abc.js', 'require ./n.js', 'dynamic ./tpl.js', 'dynamic ./lazy.js', 'require optional-dep try', 'require after-try',
  ]);
  assert.equal(scanJsImports(`import type { T } from './types';`)[0].typeOnly, true);
});

test('the scan does not read imports out of comments, strings, templates, regexes or properties', () => {
  const text = [
    `// require('./comment.js')`,
    `/* import x from './block.js' */`,
    `const s = "require('./string.js')", t = 'import("./single.js")';`,
    `const u = \`import a from './template.js' \${ require('./substituted.js') } import('./after.js')\`;`,
    `const r = /require\\('.\\/regex.js'\\)/g, q = a / 2 / require('./divided.js');`,
    `obj.require('./member.js'); x.import('./member2.js'); const o = { import: 1, require: 2 };`,
    `export const v = 1; export default 2; export { v };`,
    `if (import.meta.url) {}`,
    `require(name); import(\`./\${name}.js\`); require('./esc\\u0061ped.js')`,
  ].join('\n');
  assert.deepEqual(specifiers(text), ['require ./substituted.js', 'require ./divided.js']);
});

// No clock budget (a busy machine would fail it): a quadratic read of these 2-10 MB texts takes
// hours, so the hang guard below is what catches one.
test('hostile text is read in bounded time', { timeout: 600_000 }, () => {
  const cases = [
    '(/['.repeat(3_000_000), // regexes that never close on a 9 MB line
    '}import a'.repeat(1_000_000), // clauses that a backtracking pattern would read to the end from each start
    'import a,'.repeat(1_000_000),
    `require('${'x'.repeat(5_000_000)}`, // an unterminated string
    '`${'.repeat(1_000_000), // substitutions never closed
    '/*'.repeat(2_000_000),
    'x'.repeat(10_000_000),
  ];
  for (const text of cases) assert.ok(Array.isArray(scanJsImports(text)), `${text.slice(0, 12)}…`);
});

test('the same import is kept once, and at most MAX_IMPORTS distinct ones', () => {
  assert.equal(scanJsImports('require("./x.js");\n'.repeat(100_000)).length, 1);
  const many = Array.from({ length: MAX_IMPORTS + 50 }, (_, i) => `require("./m${i}.js")`).join(';');
  assert.equal(scanJsImports(many).length, MAX_IMPORTS);
});

test('a Python module: its imports, sys.path folders and definitions are kept, nothing else', () => {
  const facts = largeFileFacts('big.py', 'import os\nfrom .sibling import thing\nDATA = [1, 2]\ndef f():\n    import json\n', 'python');
  assert.ok(facts);
  assert.deepEqual(facts.imports.map((i) => i.specifier), ['os', '.sibling', 'json']);
  assert.ok(facts.definitions.includes('DATA'));
  assert.deepEqual(facts.commands, []);
});

test('a bundle over --max-file-size still loads its chunks; the warning says only imports were read', () => {
  const dir = scratchDir('census-too-large-');
  const w = (p: string, data: string | Buffer): void => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), data);
  };
  w('package.json', JSON.stringify({ name: 'bundle-fixture', version: '1.0.0', main: 'dist/index.js' }));
  w('dist/index.js', `import { run } from './big.js';\nrun();\n`);
  const filler = `var q=${'"x",'.repeat(10)}0;/* import x from "./chunks/commented.js" */\n`.repeat(4000);
  w(
    'dist/big.js',
    `${filler}export function run(){return import("./chunks/lazy.js")}\nconst s="require('./chunks/quoted.js')";module.exports=require("./chunks/required.js");\n${filler}`,
  );
  for (const name of ['lazy', 'required', 'quoted', 'commented']) w(`dist/chunks/${name}.js`, `export const ${name} = 1;\n`);
  w('dist/blob.js', Buffer.alloc(300_000, 0));
  w('dist/chunks/huge.js', '');
  truncateSync(join(dir, 'dist/chunks/huge.js'), SCAN_CAP + 1); // sparse: nothing is written
  const r = runCli(['scan', dir, '--no-cache', '--format', 'json', '--max-file-size', '200000']);
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  const verdict = (path: string): string => audit.files.find((f: { path: string }) => f.path === path)?.verdict;
  assert.equal(verdict('dist/big.js'), 'production');
  assert.equal(verdict('dist/chunks/lazy.js'), 'production');
  assert.equal(verdict('dist/chunks/required.js'), 'production');
  assert.equal(verdict('dist/chunks/quoted.js'), 'dead', 'a string that spells a require is no import');
  assert.equal(verdict('dist/chunks/commented.js'), 'dead', 'nor a comment');
  const lazy = audit.files.find((f: { path: string }) => f.path === 'dist/chunks/lazy.js');
  assert.ok(lazy.evidence.some((e: string) => /imported by dist\/big\.js:4001\b/.test(e)), JSON.stringify(lazy.evidence));
  const warned = (path: string) => audit.warnings.filter((d: { id: string; location?: { file: string } }) => d.id === 'read/too-large' && d.location?.file === path);
  assert.match(warned('dist/big.js')[0]?.message ?? '', /imports read by a scan only \(2 imports found\), the rest not analysed/);
  assert.match(warned('dist/chunks/huge.js')[0]?.message ?? '', /the most read for imports; not analysed/);
  // huge.js was not read at all: what it loads is unknown, which the project's dead files say
  const quoted = audit.files.find((f: { path: string }) => f.path === 'dist/chunks/quoted.js');
  assert.match(quoted.evidence.at(-1), /^not certain: dist\/chunks\/huge\.js of the same project could not be read/);
  assert.deepEqual(audit.junk.filter((j: { path: string }) => j.path === 'dist/blob.js').map((j: { reason: string }) => j.reason), ['binary content in a javascript file']);
});

test("a compiler over --max-file-size still names its lib.*.d.ts beside it (named-declarations reads the scan's names)", () => {
  const facts = largeFileFacts('lib/tsc.js', 'var libMap = new Map([["es5", "lib.es5.d.ts"], [\'dom\', \'lib.dom.d.ts\']]);\nvar dir = __dirname;\nvar again = "lib.es5.d.ts";\n', 'javascript');
  assert.deepEqual(facts?.declarationNames, [{ literal: '"lib.es5.d.ts"', line: 1 }, { literal: "'lib.dom.d.ts'", line: 1 }]);
  // A text that does not spell its own location names nothing it finds beside itself.
  assert.equal(largeFileFacts('lib/x.js', 'var n = "lib.es5.d.ts";\n', 'javascript')?.declarationNames, undefined);

  const dir = scratchDir('census-large-lib-');
  const w = (p: string, data: string): void => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), data);
  };
  w('package.json', JSON.stringify({ name: 'compiler-fixture', version: '1.0.0', main: 'lib/compiler.js' }));
  const filler = `var q=${'"x",'.repeat(10)}0;\n`.repeat(8000);
  w('lib/compiler.js', `${filler}var libMap = new Map([["es5", "lib.es5.d.ts"]]);\nvar libDir = require("path").dirname(__filename);\n`);
  w('lib/lib.es5.d.ts', 'interface Array<T> { length: number; }\n');
  w('lib/lib.unnamed.d.ts', 'interface Unnamed {}\n');
  const r = runCli(['scan', dir, '--no-cache', '--format', 'json', '--max-file-size', '200000']);
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  const file = (path: string) => audit.files.find((f: { path: string }) => f.path === path);
  assert.equal(file('lib/lib.es5.d.ts').verdict, 'production');
  assert.ok(file('lib/lib.es5.d.ts').evidence.some((e: string) => e.includes('read by name by lib/compiler.js:8001 ("lib.es5.d.ts")')), JSON.stringify(file('lib/lib.es5.d.ts').evidence));
  assert.equal(file('lib/lib.unnamed.d.ts').verdict, 'dead');
});

test("a bundle over --max-file-size still names the file its new URL(…, import.meta.url) reads (@redocly/cli's redoc.standalone.js)", () => {
  const text = 'import{fileURLToPath as pnt}from"node:url";\nvar Zle=pnt(new URL("./redoc.standalone.js",import.meta.url));\nvar u=new URL(`./${name}.js`,import.meta.url),v=new URL("https://x.org/a.js",import.meta.url),w=new URL("./other.js",base);\n';
  assert.deepEqual(largeFileFacts('lib/chunks/big.js', text, 'javascript')?.references, [{ target: './redoc.standalone.js', form: 'path', line: 2, via: 'new URL' }]);
  // No import.meta.url, no reference: a URL against another base is not a file beside the module.
  assert.deepEqual(largeFileFacts('lib/chunks/big.js', 'var w=new URL("./other.js",base);\n', 'javascript')?.references, []);

  const dir = scratchDir('census-large-url-');
  const w = (p: string, data: string): void => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), data);
  };
  w('package.json', JSON.stringify({ name: 'url-bundle', version: '1.0.0', type: 'module', main: 'lib/chunks/big.js' }));
  w('lib/chunks/big.js', `${'var q=0;\n'.repeat(30_000)}${text}export const read = () => NA(Zle, "utf-8");\n`);
  w('lib/chunks/redoc.standalone.js', 'export const redoc = 1;\n');
  w('lib/chunks/other.js', 'export const other = 1;\n');
  const r = runCli(['scan', dir, '--no-cache', '--format', 'json', '--max-file-size', '200000']);
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  const file = (path: string) => audit.files.find((f: { path: string }) => f.path === path);
  assert.equal(file('lib/chunks/redoc.standalone.js').verdict, 'production', JSON.stringify(file('lib/chunks/redoc.standalone.js').evidence));
  assert.ok(file('lib/chunks/redoc.standalone.js').evidence.some((e: string) => e.includes('lib/chunks/big.js:30002')), JSON.stringify(file('lib/chunks/redoc.standalone.js').evidence));
  assert.equal(file('lib/chunks/other.js').verdict, 'dead');
});

test('a new URL(…, import.meta.url) in a comment or a string of a bundle names nothing (review s60-rv2)', () => {
  const text = [
    '// was: fs.readFileSync(new URL("./commented.js", import.meta.url))',
    '/* new URL(\'./block.js\', import.meta.url) */',
    'const doc = "new URL(\'./instring.js\', import.meta.url)", tpl = `new URL("./intemplate.js", import.meta.url)`;',
    'const real = new URL( "./real.js" ,\n import.meta.url ), sub = `${new URL(\'../sub.js\', import.meta.url)}`;',
    'const other = URL("./no-new.js", import.meta.url), m = import.meta.url, n = new URL("./x.js", import.meta.dirname);',
  ].join('\n');
  assert.deepEqual(largeFileFacts('lib/big.js', text, 'javascript')?.references.map((r) => `${r.target}:${r.line}`), ['./real.js:4', '../sub.js:5']);
});

test('new URL literals of a hostile bundle are read in bounded time and capped', () => {
  // One line of nothing but `import.meta.url` and of a literal that never closes before it.
  assert.deepEqual(largeFileFacts('lib/big.js', 'x(import.meta.url);'.repeat(200_000), 'javascript')?.references, []);
  assert.deepEqual(largeFileFacts('lib/big.js', `new URL("./${'a'.repeat(2_000_000)}", import.meta.url)`, 'javascript')?.references, []);
  const many = Array.from({ length: 3_000 }, (_, i) => `new URL("./f${i}.js",import.meta.url);`).join('');
  assert.equal(largeFileFacts('lib/big.js', many, 'javascript')?.references.length, 1_000);
});

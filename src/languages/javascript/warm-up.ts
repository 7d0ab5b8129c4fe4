/**
 * Small files that take the JS/TS extractor through its branches: the module scan's import and
 * export forms, types, templates, regexes and JSX; the files it leaves to oxc (CommonJS, commands,
 * dynamic imports, workers, `import.meta`), which the AST walk reads; a syntax error. extract.ts
 * extracts them a few times before its first real file.
 *
 * Why: V8 compiles each function from what it has seen run. A branch first taken after that (the
 * first `throw` of the scan, the first `require` in a try, the first JSX fragment, often hundreds
 * of files in) throws the compiled code away; a trace on payload counted 42 such deoptimisations,
 * the AST walk compiled seven times, and compiling it again costs more than extracting many files.
 */
export interface WarmUpFile {
  path: string;
  text: string;
  isTypeScript: boolean;
}

const MODULE_TS = `/**
 * A module of every import and export form.
 */
'use strict';
import def, { a, b as c, type T } from './a';
import * as ns from '../b.js';
import type { U } from 'pkg';
import 'side-effect';
import json from './data.json' with { type: 'json' };
export { d, e as f } from './c';
export * from './d';
export * as g from './e';
export type { V } from './f';
export const h = 1, i = () => 2;
export let j: number | undefined;
export function k<T>(x: T): T { return x; }
export async function* l() { yield 1; }
export class M<T> extends N implements O { private p = 1; constructor(readonly q: string) { super(); } get r() { return this.p; } }
export enum P { A = 1, B }
export interface Q { a?: string; readonly [key: string]: unknown }
export type R = { [k: string]: number } | Array<string> | keyof Q;
export declare const s: unique symbol;
export namespace S { export const t = 1; }
const u = \`template \${a ? b : c} \${\`nested \${d}\`}\`;
const v = /re[g]ex\\/with\\//gi.test('x') && a || (b ?? c);
let w = a?.b?.[c]?.(d) ?? 0; w ||= 1; w &&= 2; w ??= 3; w **= 2; w >>>= 1;
for (const x of y) { if (x) continue; else break; }
for (let n = 0; n < 10; n++) {}
for (const key in obj) {}
while (false) {} do {} while (false);
switch (a) { case 1: break; default: }
try { throw new Error('e'); } catch { } finally { }
label: for (;;) break label;
const z = { a, 'b': 1, [c]: 2, ...d, get e() { return 1; }, set e(value) {}, async f() {}, *g() {} };
const [aa, , bb = 1, ...cc] = arr;
const { dd, ee: { ff }, ...gg } = obj;
function hh(this: Window, { a, b }: { a: number; b: string } = { a: 1, b: '' }, ...rest: unknown[]): void {}
const ii = <T,>(x: T) => x as unknown as T;
const jj = x! + y! - -z + +q * (r / s) % t;
const kk = typeof a === 'string' ? void 0 : a instanceof B ? !c : ~d;
abstract class MM { abstract nn(): void; static { init(); } #priv = 1; }
const nums = 0x1f + 0o17 + 0b1 + 1_000 + 1e3 + .5 + 10n;
// a line comment
/* a block comment */
export const mp: Map<string, Array<number>> = new Map<string, Array<number>>();
export type Fn<T> = (x: T) => Promise<Record<string, T>>;
let lt = a < b, gt = c > d, shifted = e >> 2;
export { h as default };
`;

/** Line comments first (the summary), JSX with comments inside tags. */
const COMMENTED_JSX = `// The first line of the summary.
// The second line.
import { Thing } from './thing';
export function View() {
  return (
    <section
      // a line comment in a tag
      id="v" /* a block comment */ title={\`t \\\` \${1}\`}
    >
      <Thing>{/* a comment child */}</Thing>
    </section>
  );
}
`;

const JSX_TSX = `import React, { useState } from 'react';
import type { Props } from './types';
export const App = ({ items, ...rest }: Props) => {
  const [open, setOpen] = useState<boolean>(false);
  return (
    <div className="a" {...rest} data-x={1} onClick={() => setOpen(!open)}>
      {items.map((i) => <Item key={i.id} {...i} />)}
      <>fragment &amp; text</>
      <input disabled />
      {open ? <A.B prop="x" /> : <C>{'text'}</C>}
    </div>
  );
};
export default App;
`;

/** JSX the module scan leaves to oxc: type parameters in a .tsx file. */
const GENERIC_TSX = `import { Select } from './select';
export const pick = <T,>(items: T[]) => <Select<T> items={items} label={<b>x</b>} />;
`;

const COMMONJS_JS = `#!/usr/bin/env node
'use strict';
// a line comment and /* a block comment */: the nesting check skips both
/* a block
   comment */
const fs = require('fs');
const { join, resolve: res } = require('node:path');
const cp = require('child_process');
const { execSync, spawn } = require('child_process');
const execa = require('execa');
const shell = require('shelljs');
const spawnX = require('cross-spawn');
const { promisify } = require('util');
const exec = promisify(cp.exec);
let lazy;
try { lazy = require('optional-dep'); } catch (e) { lazy = null; }
function load(name) { return require('./lazy-' + name); }
const p = require.resolve('./x');
const ctx = require.context('./dir', true, /\\.js$/);
execSync('git status', { stdio: 'inherit' });
spawn('npm', ['run', 'build']);
cp.execFile('node', [join(__dirname, 'script.js')]);
execa('tsc', ['-p', '.']);
execa.sync('tsc');
shell.exec('make');
spawnX.sync('echo', ['hi']);
exec(\`ls \${__dirname} \${args}\`);
const usage = \`usage:
  cli run \${args}
  cli help
\`;
const args = process.argv.slice(2);
if (require.main === module) load(args[0]);
import('./dynamic').then((m) => m.default);
class Runner { field = require('./field'); static shared = 'a\\'b'; run() { return \`a\\\`b \${this.field}\`; } }
module.exports = { a: 1, b };
module.exports.c = 1;
exports.d = function () {};
Object.defineProperty(exports, 'e', { value: 1 });
`;

const ESM_MJS = `import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { $ } from 'zx';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
const mod = await import('./esm-dynamic.js');
const { named } = await import(\`./tpl-\${mod.x}.js\`);
const later = () => import('./lazy.js');
try { await import('optional'); } catch {}
if (mod.y) { await import('./conditional.js'); }
const url = new URL('./asset.txt', import.meta.url);
const dir = fileURLToPath(new URL('.', import.meta.url));
const worker = new Worker(new URL('./worker.mjs', import.meta.url));
const pages = import.meta.glob('./pages/*.ts');
const here = import.meta.resolve('./y.js');
await $\`git push\`;
spawnSync('docker', ['build', '.'], { stdio: 'inherit' });
Bun.spawn(['bun', 'test']);
const { values } = parseArgs({ args: process.argv.slice(2), options: {} });
class Job { timeout = 1; start() { return spawnSync('make', ['all']); } }
if (import.meta.main) new Job().start();
export default async function main() { return later; }
export { named as renamed };
`;

/**
 * Statements without semicolons (ASI), \`import.meta\` properties the scan reads itself, and a
 * text that ends in an identifier: branches of the scan real files take hundreds of files in.
 */
const NO_SEMICOLONS_TS = `import a from './a'
import { b } from './b'
export const c = a + b
export const d = new Map<string, Array<number>>()
export const mode = import.meta.env.MODE, here = String(mode, import.meta.dirname)
export function e() {
  return c
}
const f = c > 1 ? c : d
export const g = c
const h = 2
export const i = f as Array<number>
let j = h
export { f }
export default e`;

/** A walk word as a string: the scan gives the file to oxc there. */
const WORD_STRING_TS = `export const words = { 'exports': 1 }
`;

/** A dynamic import: the scan gives the file to oxc there. */
const LAZY_TS = `export const load = () => import('./lazy')
`;

/** Also TypeScript's wrappers and a computed key around the names the walk reads (a TS file the walk reads). */
const IMPORT_REQUIRE_TS = `import fs = require('fs');
import cp = require('child_process');
import type { X } from './x';
(cp.spawn as typeof cp.spawn)('ls');
(process['argv'] satisfies string[]).slice(2);
(process!).argv;
export = fs;
`;

const BROKEN_JS = `const a = require('a');
function broken( {
  return a;
`;

/**
 * Branches of the scan real files take hundreds of files in (each met first there threw the
 * compiled scan away on payload): a tab, `++`/`+=` after an operand, a `declare module` block and
 * strings in brackets after it, a CLI framework and `util` imported, a triple-slash reference, JSX
 * attribute names that start with `_` or `$`, a star re-export beside named exports.
 */
const BRANCHES_TSX = `/// <reference types="vite/client" />
import { Command } from 'commander'
import { promisify } from 'util'
import type React from 'react'
import { useState } from 'react'
declare module '@scope/pkg' {
\tinterface Future { flag: true }
}
export * from './more'
export const config = { external: ['sharp', 'file-type'], key: table['name'] }
let count = 0
count++
count += 2
export const bump = () => { count++; count -= 1; return count-- }
export const handler: Handler<{ a: string }, Promise<(x: number) => void>> = async () => {}
export const View = () => <div _private="a" $dollar={count} {...config}>{count}</div>
`;

/** Star re-exports and nothing else, with a leading comment and without: facts with no names, with a summary or none. */
const STAR_ONLY_TS = `// Re-exports the modules that hold styles.
export * from './client/index.js'
export * from './server/index.js'
`;
const STAR_BARE_TS = `export * from './client/index.js'
`;

/** A dynamic import in a plain .js file: the dynamic-import reader's JavaScript road. */
const LAZY_JS = `export const load = () => import('./lazy.js')
`;

/** What the scan gives up on (so each `throw` has been met): a keyword as a key, `import.meta?.`, type arguments on a component. */
const UNSURE_KEY_TS = `export const q = { let: 1 }
`;
const UNSURE_META_JS = `export const r = typeof import.meta?.resolve
`;
const UNSURE_COMPONENT_TSX = `export const s = <Select<Option> items={items} />
`;
const UNSURE_DEFAULT_TSX = `export const useThing = <T = Base,>() => null
`;

/**
 * A text with a character past Latin-1 is a two-byte string, and so is every slice of it: the
 * scan's compares of token values met such strings first in a real file and threw compiled code
 * away. These copies of the samples end in such a comment.
 */
const TWO_BYTE = '// \u2014 \u201ctwo-byte\u201d text\n';

export const WARM_UP_FILES: WarmUpFile[] = [
  { path: 'warm-up/module.ts', text: MODULE_TS, isTypeScript: true },
  { path: 'warm-up/app.tsx', text: JSX_TSX, isTypeScript: true },
  { path: 'warm-up/view.jsx', text: COMMENTED_JSX, isTypeScript: false },
  { path: 'warm-up/generic.tsx', text: GENERIC_TSX, isTypeScript: true },
  { path: 'warm-up/cli.js', text: COMMONJS_JS, isTypeScript: false },
  { path: 'warm-up/esm.mjs', text: ESM_MJS, isTypeScript: false },
  { path: 'warm-up/no-semicolons.ts', text: NO_SEMICOLONS_TS, isTypeScript: true },
  { path: 'warm-up/lazy.ts', text: LAZY_TS, isTypeScript: true },
  { path: 'warm-up/words.ts', text: WORD_STRING_TS, isTypeScript: true },
  { path: 'warm-up/legacy.ts', text: IMPORT_REQUIRE_TS, isTypeScript: true },
  { path: 'warm-up/broken.js', text: BROKEN_JS, isTypeScript: false },
  { path: 'warm-up/branches.tsx', text: BRANCHES_TSX, isTypeScript: true },
  { path: 'warm-up/star.ts', text: STAR_ONLY_TS, isTypeScript: true },
  { path: 'warm-up/star-bare.ts', text: STAR_BARE_TS, isTypeScript: true },
  { path: 'warm-up/lazy.js', text: LAZY_JS, isTypeScript: false },
  { path: 'warm-up/unsure-key.ts', text: UNSURE_KEY_TS, isTypeScript: true },
  { path: 'warm-up/unsure-meta.js', text: UNSURE_META_JS, isTypeScript: false },
  { path: 'warm-up/unsure-component.tsx', text: UNSURE_COMPONENT_TSX, isTypeScript: true },
  { path: 'warm-up/unsure-default.tsx', text: UNSURE_DEFAULT_TSX, isTypeScript: true },
  // Two-byte copies of the largest samples, last: by the second pass the functions they reach
  // have their feedback vectors (V8 allocates one only after a function has run a while).
  { path: 'warm-up/module-two-byte.ts', text: MODULE_TS + TWO_BYTE, isTypeScript: true },
  { path: 'warm-up/branches-two-byte.tsx', text: BRANCHES_TSX + TWO_BYTE, isTypeScript: true },
];

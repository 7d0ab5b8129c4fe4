/**
 * command-sites.ts against the whole walk, on generated files: a file of a command module's
 * imports, an export, and statements mixing the calls of bound names (plain, across a line break,
 * in templates, regex and division neighbours, class fields, arrows, labels, do/while, switch, ASI
 * hazards at what the sites text blanks) with `process.argv` at the top level and nested, `new URL(…)`
 * of the module's URL or of a folder URL name, the same
 * names as parameters, destructured or passed as values, and comments and strings holding calls.
 * Each file's facts with the module scan (and so the sites walk, when it answers) must equal its
 * facts from oxc alone. Files oxc finds a syntax error in are skipped (the generator may write
 * them); the test checks many went through the sites walk. Replay a failure with its seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractJavaScript } from '../../src/languages/javascript/extract.js';
import { buildLineTable } from '../../src/languages/javascript/line-table.js';
import { scanModule } from '../../src/languages/javascript/module-scan/index.js';
import { commandSitesText } from '../../src/languages/javascript/command-sites.js';
import { COMMAND_MODULES } from '../../src/languages/javascript/commands.js';
import { assertProperty } from '../helpers/property.js';

const IMPORTS = [
  "import { exec, spawn as sp } from 'child_process';", "import * as cp from 'node:child_process';", "import cp from 'child_process';",
  "import { execa, $ } from 'execa';", "import spawn from 'cross-spawn';", "import { execSync } from 'child_process'",
];
const CALLEES = ['exec', 'sp', 'cp.exec', 'cp.spawn', 'execa', 'spawn', 'execSync', 'cp.execSync', 'cp.fork'];
const ARGS = [
  "'node scripts/a.js'", "'git status'", '`node ${x}.js`', "'node', ['b.js']", "'python3', ['tools/c.py', '-x']", 'cmd',
  "'npm run build'", "'./run.sh'", '`ls`', "'tsx', ['src/main.ts']",
];
const EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx'];

/** A small seeded generator (the file is a function of the seed alone). */
const generator = (seed: number) => {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const call = (): string => `${pick(CALLEES)}(${pick(ARGS)})`;
  const expr = (): string =>
    pick<() => string>([
      call, () => `${pick(CALLEES)}\n(${pick(ARGS)})`, () => `process.argv[${Math.floor(rnd() * 3)}]`, () => 'process.argv.slice(2)',
      () => `a / ${call()} / 2`, () => `/re[/]x/g.test(${call()})`, () => `\`\${${call()}}\``, () => `(() => ${call()})()`,
      () => `{ k: ${call()} }`, () => `x ? ${call()} : process.argv`, () => '1', () => `'exec("x")'`,
      () => `foo(${pick(CALLEES).split('.')[0]})`, () => pick(CALLEES),
      () => `new URL('./u${Math.floor(rnd() * 3)}.js', import.meta.url)`, () => `new URL(\`./\${${call()}}.js\`, import.meta.url).pathname`,
      () => `new URL('w.js', BASE)`, () => `fileURLToPath(import.meta.url)`, () => `new URL(${call()}, import.meta.url)`,
    ])();
  const statement = (): string =>
    pick<() => string>([
      expr, () => `${expr()};`, () => `const v${Math.floor(rnd() * 9)} = ${expr()}`, () => `let w = ${expr()}\n`,
      () => `export const e${Math.floor(rnd() * 1e6)} = ${expr()};`, () => `export function f${Math.floor(rnd() * 1e6)}(a) { return ${expr()} }`,
      () => `function g(exec) { ${expr()} }`, () => `if (require.main === module) { ${expr()} }`, () => `if (x) ${expr()}\nelse ${expr()}`,
      () => `lbl: { ${expr()} }`, () => `do { ${expr()} } while (${expr()})`, () => `for (const q of ${expr()}) {}`,
      () => `try { ${expr()} } catch { }`, () => `class K { static y = ${expr()}; m() { ${expr()} } }`,
      () => `switch (a) { case 1: ${expr()} }`, () => `module.exports = ${expr()}`, () => `// ${expr()}`, () => `/* ${expr()} */`,
      () => 'const { exec: ee } = cp', () => `(async () => { await ${expr()} })()`, () => `throw ${expr()}`, () => `x = y\n(${expr()})`,
      () => `x = y\n[1].map(() => ${expr()})`, () => 'const t = a\n/re/g.exec(b)', () => `var z = \`a\${b}\` + ${expr()}`,
    ])();
  const parts: string[] = [];
  const imports = 1 + Math.floor(rnd() * 2);
  for (let j = 0; j < imports; j++) parts.push(pick(IMPORTS));
  if (rnd() < 0.2) parts.unshift('#!/usr/bin/env node');
  parts.push('export const base = 1;');
  if (rnd() < 0.3) parts.push("const BASE = new URL('./lib/', import.meta.url);");
  const statements = 1 + Math.floor(rnd() * 5);
  for (let j = 0; j < statements; j++) parts.push(statement());
  return { path: `src/f${pick(EXTENSIONS)}`, text: parts.join(rnd() < 0.8 ? '\n' : ' ') + '\n' };
};

const isTypeScript = (path: string): boolean => /\.tsx?$/.test(path);

/** Whether the sites walk answers for the file (the case this test is about). */
const sitesWalked = (path: string, text: string): boolean => {
  const language = path.endsWith('.tsx') ? 'tsx' : path.endsWith('.ts') ? 'ts' : 'js';
  const scan = scanModule(text, buildLineTable(text), language);
  if (scan === null || !(scan.commandImport || scan.argvSites !== null || scan.urlSites)) return false;
  const names = new Set<string>();
  for (const { fact } of scan.imports) if (COMMAND_MODULES[fact.specifier] !== undefined) for (const n of fact.names) names.add(n.alias ?? n.name);
  return commandSitesText(text, language !== 'ts', language === 'tsx', names, scan.argvSites, scan.urlSites) !== null;
};

test('command sites: generated files give the same facts through the sites walk as through the whole walk (seeded property)', () => {
  let walked = 0;
  let urlWalked = 0;
  assertProperty(
    fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
      const { path, text } = generator(seed);
      const whole = extractJavaScript(path, text, isTypeScript(path), { moduleScan: false });
      if (whole.diagnostics.some((d) => d.id === 'javascript/syntax-error')) return true;
      const scanned = extractJavaScript(path, text, isTypeScript(path));
      if (sitesWalked(path, text)) {
        walked++;
        if (scanned.references.length > 0) urlWalked++;
      }
      // the scan's complexity count and its syntax warnings are its own (module-scan.test.ts holds them)
      const { complexity: _a, diagnostics: _b, ...a } = scanned;
      const { complexity: _c, diagnostics: _d, ...b } = whole;
      assert.deepEqual(a, b, `${path} (generator seed ${seed}):\n${text}`);
      return true;
    }),
    { numRuns: 600, seed: 64_30 },
  );
  assert.ok(walked > 150, `only ${walked} generated files went through the sites walk`);
  assert.ok(urlWalked > 30, `only ${urlWalked} generated files had a new URL walked at its site`);
});

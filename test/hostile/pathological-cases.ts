import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Pathological repositories, each a function of a size n and a seeded random source: the inputs that
 * once made a reader quadratic or ended the scan (one huge line, the same statement thousands of
 * times, deep nesting, unterminated strings, odd line ends, NUL bytes) and storms aimed at the readers
 * of stop 65. pathological.test.ts scans each at a small n (no crash, every warning names its file);
 * pathological-scale.e2e.test.ts scans each at N and 4N and compares the CPU the two cost.
 *
 * The seed varies what does not change a case's shape (names, line ends where the case is not about
 * them, which of a few equivalent spellings), so a run explores a little more than the last one and a
 * failure replays with CENSUS_TEST_SEED.
 */

/** A small deterministic random source (mulberry32): the same seed gives the same repositories. */
export const randomSource = (seed: number): Random => {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], int: (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1)) };
};

export interface Random {
  next(): number;
  pick<T>(xs: readonly T[]): T;
  int(lo: number, hi: number): number;
}

/** The seed of this run: CENSUS_TEST_SEED when set (to replay), else a fresh one. */
export const testSeed = (): number => {
  const raw = process.env.CENSUS_TEST_SEED;
  if (raw === undefined || raw.trim() === '') return Math.floor(Math.random() * 0x7fff_ffff);
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`CENSUS_TEST_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
};

/** A repository: path -> content. */
export type Tree = Record<string, string | Buffer>;

/** Writes a tree under root. */
export const writeTree = (root: string, tree: Tree): void => {
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
};

export interface PathologicalCase {
  id: string;
  /** What reader or stage the case aims at, and why it is hostile. */
  aims: string;
  build(n: number, r: Random): Tree;
  /** The n the fast suite scans at: small, so all cases together stay within a few seconds. */
  small: number;
  /** The n the e2e scale pair scans at (and 4 times it); large enough that the work shows over start-up. */
  scale: number;
  /**
   * The growth past which the e2e pair calls the case superlinear, when it is not the suite's 8; only
   * for a cost census cannot remove, with the reason in the case's `aims`.
   */
  maxGrowth?: number;
}

const eol = (r: Random): string => r.pick(['\n', '\n', '\r\n']);
const times = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('');
const pkgJson = (deps: Record<string, string>, extra: object = {}): string => JSON.stringify({ name: 'patho', version: '1.0.0', dependencies: deps, ...extra });

/** A Python package the storms below import: a few modules, so the readers have something to draw. */
const pyPackage = (name: string): Tree => ({
  [`${name}/__init__.py`]: '',
  [`${name}/alpha.py`]: 'A = 1\n',
  [`${name}/beta.py`]: 'B = 2\n',
});

export const PATHOLOGICAL_CASES: PathologicalCase[] = [
  // Python text: the extractor, its text marks and every reader that sweeps .py text.
  {
    id: 'py-same-statement',
    aims: 'one statement 4N times: readers that search the text per statement',
    small: 2_000,
    scale: 20_000,
    build: (n, r) => ({ 'app.py': `import os${eol(r)}${times(n, () => `x = os.path.join("a", "b")${eol(r)}`)}` }),
  },
  {
    id: 'py-deep-parens',
    aims: 'brackets nested n deep: recursive parsers and bracket matchers',
    small: 2_000,
    scale: 20_000,
    build: (n, r) => {
      const [open, close] = r.pick([['(', ')'], ['[', ']'], ['{', '}']]);
      return { 'app.py': `x = ${open.repeat(n)}1${close.repeat(n)}\n` };
    },
  },
  {
    id: 'py-deep-indent',
    aims: 'n nested blocks, each one space deeper: indentation stacks and block scans',
    small: 500,
    scale: 3_000,
    build: (n) => ({ 'app.py': `${times(n, (i) => `${' '.repeat(i)}if x:\n`)}${' '.repeat(n)}pass\n` }),
  },
  {
    id: 'py-string-list',
    aims: 'one line listing n module file names: literal-list readers',
    small: 2_000,
    scale: 20_000,
    build: (n, r) => ({ 'app.py': `L = [${times(n, (i) => { const q = r.pick(['"', "'"]); return `${q}m${i % 97}.py${q}, `; })}]\n`, 'm1.py': '' }),
  },
  {
    id: 'py-unterminated-triple',
    aims: 'a triple quote never closed, then n imports: string spans and the text scan',
    small: 2_000,
    scale: 20_000,
    build: (n, r) => ({ 'app.py': `${r.pick(['"""', "'''"])}\n${times(n, () => 'import os\n')}`, 'os.py': '' }),
  },
  {
    id: 'py-one-line',
    aims: 'n statements on one line: per-line readers see one huge line',
    small: 5_000,
    scale: 50_000,
    build: (n) => ({ 'app.py': `${'x=1;'.repeat(n)}\n` }),
  },
  {
    id: 'py-lone-cr',
    aims: 'lone CR line ends: line counters that split on \\n see one line',
    small: 2_000,
    scale: 20_000,
    build: (n) => ({ 'app.py': 'import os\r'.repeat(n) }),
  },
  {
    id: 'py-nul',
    aims: 'NUL bytes in a source file: the binary check and the extractor',
    small: 2_000,
    scale: 20_000,
    build: (n) => ({ 'app.py': 'import os\0\n'.repeat(n) }),
  },
  {
    id: 'py-backslashes',
    aims: 'a run of n backslashes: escape and continuation readers',
    small: 5_000,
    scale: 50_000,
    build: (n, r) => ({ 'app.py': `x = ${r.pick(['', '"'])}${'\\'.repeat(n)}` }),
  },
  // Stop 65's Python readers.
  {
    id: 'py-listing-handed-storm',
    aims: 'listing-package-paths-handed: n calls of a listing loader handed a package folder, and n held names',
    small: 500,
    scale: 4_000,
    build: (n, r) => ({
      ...pyPackage('plugins'),
      'loader.py': [
        'import importlib.util, os',
        'class Manager:',
        '    def __init__(self, path):',
        "        for p in path.split(':'):",
        '            for f in os.listdir(p):',
        "                spec = importlib.util.spec_from_file_location(f, os.path.join(p, f))",
        '                spec.loader.exec_module(importlib.util.module_from_spec(spec))',
        ...times(Math.min(n, 2_000), (i) => `class Sub${i}(${i === 0 ? 'Manager' : `Sub${i - 1}`}):\n    pass\n`).split('\n'),
      ].join('\n'),
      'use.py': `import loader\nimport plugins\n${times(n, (i) => `H${i} = ${r.pick(["':'.join(plugins.__path__)", 'plugins.__path__[0]', 'list(plugins.__path__)[0]'])}\n`)}${times(n, (i) => `loader.${r.pick(['Manager', `Sub${i % 50}`])}(H${i % 64}, ${r.pick(['plugins.__path__[0]', 'x'])})${r.pick(['\n', '; '])}`)}\n`,
    }),
  },
  {
    id: 'py-package-walk-storm',
    aims: 'package-walks: n classes storing their own package folder, walking it and importing by name',
    small: 100,
    scale: 1_000,
    build: (n) => ({
      ...pyPackage('filters'),
      'base.py': `import importlib, os, sys\n${times(n, (i) => [
        `class Loader${i}:`,
        '    def __init__(self):',
        '        mod = sys.modules[self.__class__.__module__]',
        '        self.path = os.path.abspath(mod.__path__[0])',
        '    def all(self):',
        '        for d, _, names in os.walk(self.path):',
        '            for f in names:',
        "                importlib.import_module(f[:-3])",
        '',
      ].join('\n'))}`,
      'filters/__init__.py': `import base\n${times(n, (i) => `class F${i}(base.Loader${i % 50}):\n    pass\n`)}`,
    }),
  },
  {
    id: 'py-oslo-import-storm',
    aims: 'oslo-prefixed-imports: n importutils loads of computed names under a package',
    small: 1_000,
    scale: 10_000,
    build: (n, r) => ({
      ...pyPackage('drivers'),
      'app.py': `from oslo_utils import importutils\n${times(n, (i) => `d${i} = importutils.${r.pick(['import_object', 'import_class', 'import_module', 'try_import'])}(${r.pick([`'drivers.%s' % n${i}`, `'drivers.' + n${i}`, `f'drivers.{n${i}}'`, `'.'.join(['drivers', n${i}])`])})${r.pick(['\n', '; '])}`)}\n`,
    }),
  },
  {
    id: 'py-import-module-storm',
    aims: 'import_module and __path__ n times: the text marks and the readers they open',
    small: 1_000,
    scale: 10_000,
    build: (n, r) => ({
      ...pyPackage('pkg'),
      'app.py': `import importlib, pkg, sys\n${times(n, (i) => `${r.pick([`importlib.import_module('pkg.' + x${i})`, `importlib.import_module('.%s' % x${i}, 'pkg')`, `__import__(pkg.__name__ + '.' + x${i})`, `sys.modules[cls.__module__].__path__[0]`, `pkg.__path__.append(p${i})`])}\n`)}`,
    }),
  },
  // JavaScript text: the extractor, parse-cost's probe and the readers of .js text.
  {
    id: 'js-same-statement',
    aims: 'one join n times: folder readers per statement',
    small: 2_000,
    scale: 20_000,
    build: (n, r) => ({ 'a.js': `const p = require('path');${eol(r)}${times(n, () => `p.join(__dirname, 'x');${eol(r)}`)}` }),
  },
  {
    id: 'js-deep-nesting',
    aims: 'brackets nested n deep: oxc\'s native stack and the depth check before it',
    small: 2_000,
    scale: 20_000,
    build: (n, r) => {
      const [open, close] = r.pick([['(', ')'], ['[', ']'], ['{', '}']]);
      return { 'a.js': `const x = ${open.repeat(n)}${open === '{' ? '' : '1'}${close.repeat(n)};\n` };
    },
  },
  {
    id: 'js-quotes',
    aims: 'n quote characters: string scanners that restart at each quote',
    small: 5_000,
    scale: 50_000,
    build: (n, r) => ({ 'a.js': r.pick(['"', "'", '`']).repeat(n) }),
  },
  {
    id: 'js-backslashes',
    aims: 'a run of n backslashes: escape readers',
    small: 5_000,
    scale: 50_000,
    build: (n, r) => ({ 'a.js': `var s = ${r.pick(['', '"', '`'])}${'\\'.repeat(n)}` }),
  },
  {
    id: 'js-string-array',
    aims: 'a one-line array of n file names mapped through require(path.join(...)): literal lists',
    small: 2_000,
    scale: 20_000,
    build: (n) => ({ 'a.js': `const path=require('path');const L=[${'"m.js",'.repeat(n)}];L.map(f=>require(path.join(__dirname,f)));`, 'm.js': '' }),
  },
  {
    id: 'js-invalid-object',
    aims: 'a one-line object of n syntax errors: oxc\'s code frames (parse-cost.ts). oxc also finds each error\'s line from the start of the text (upstream, up to three parses: the probe, the parse, the CommonJS retry), ~7x at 4n on base and tip alike; without the probe the frames alone need ~10 GB at n=20,000 (stop 65), which the hang guard or memory ends',
    small: 2_000,
    scale: 20_000,
    maxGrowth: 12,
    build: (n) => ({ 'a.js': `const o={${'k="m.js",'.repeat(n)}};module.exports=o;` }),
  },
  {
    id: 'js-unterminated-template',
    aims: 'a template never closed, then n requires: template spans and the text scan',
    small: 2_000,
    scale: 20_000,
    build: (n) => ({ 'a.js': `\`${"require('./b.js');\n".repeat(n)}`, 'b.js': '' }),
  },
  {
    id: 'js-crlf',
    aims: 'CRLF or lone CR line ends on n requires: line numbers',
    small: 2_000,
    scale: 20_000,
    build: (n, r) => ({ 'a.js': `require('./b.js');${r.pick(['\r\n', '\r'])}`.repeat(n), 'b.js': '' }),
  },
  {
    id: 'js-nul',
    aims: 'NUL bytes in a module: the binary check',
    small: 2_000,
    scale: 20_000,
    build: (n) => ({ 'a.js': "require('./b.js');\0\n".repeat(n), 'b.js': '' }),
  },
  {
    id: 'pkg-files-list',
    aims: 'a package.json `files` list (and `exports`) of n entries: manifest readers',
    small: 2_000,
    scale: 20_000,
    build: (n, r) => ({
      'package.json': JSON.stringify({ name: 'patho', files: times(n, (i) => `${r.pick(['f', 'lib/f', 'dist/**/f'])}${i}.js\n`).split('\n').slice(0, n), exports: Object.fromEntries(Array.from({ length: Math.min(n, 2_000) }, (_, i) => [`./e${i}`, `./lib/e${i}.js`])) }),
      'f1.js': '',
      'lib/e1.js': '',
    }),
  },
  {
    id: 'vue-script-blocks',
    aims: 'a .vue file of n <script> blocks: the SFC splitter',
    small: 1_000,
    scale: 10_000,
    build: (n, r) => ({ 'c.vue': `<script${r.pick(['', ' setup', ' lang="ts"'])}>import a from "./a.js"</script>\n`.repeat(n), 'a.js': '', 'package.json': pkgJson({ vue: '^3.0.0' }) }),
  },
  {
    id: 'toml-deep-tables',
    aims: 'a pyproject of n tables with long dotted keys: the TOML reader',
    small: 1_000,
    scale: 10_000,
    build: (n) => ({ 'pyproject.toml': `[project]\nname="x"\n${times(n, (i) => `[t${'.a'.repeat(i % 200)}.k${i}]\nv=1\n`)}` }),
  },
  // Stop 65's JavaScript readers.
  {
    id: 'js-nuxt-kit-storm',
    aims: 'nuxt-kit-paths: a kit module registering n paths under a settled folder and a resolver',
    small: 1_000,
    scale: 8_000,
    build: (n, r) => ({
      'package.json': pkgJson({ '@nuxt/kit': '^3.0.0' }),
      'runtime/plugins/p1.js': '',
      'module.mjs': [
        "import { addPlugin, addComponent, createResolver } from '@nuxt/kit';",
        "import { dirname, resolve, join } from 'node:path';",
        "import { fileURLToPath } from 'node:url';",
        'const runtimeDir = resolve(dirname(fileURLToPath(import.meta.url)), "runtime");',
        'const resolver = createResolver(import.meta.url);',
        'export default function setup(nuxt) {',
        ...Array.from({ length: n }, (_, i) => `  ${r.pick([`addPlugin(resolve(runtimeDir, 'plugins/p${i % 7}'))`, `addComponent({ filePath: join(runtimeDir, 'c${i}') })`, `addPlugin(resolver.resolve('./runtime/plugins/p${i % 3}'))`, `nuxt.options.x${i} = resolve(runtimeDir, 'x')`])};`),
        '}',
      ].join('\n'),
    }),
  },
  {
    id: 'js-tanstack-route-storm',
    aims: 'tanstack-route-trees: n route files beside a root route, and n imports of the generated tree',
    small: 100,
    scale: 1_000,
    build: (n) => {
      const tree: Tree = {
        'package.json': pkgJson({ '@tanstack/react-router': '^1.0.0' }),
        'src/routes/__root.tsx': "import { createRootRoute } from '@tanstack/react-router';\nexport const Route = createRootRoute({});\n",
        'src/router.tsx': `${times(n, (i) => `import { routeTree as t${i} } from './routeTree.gen';\n`)}export const all = [];\n`,
      };
      for (let i = 0; i < n; i++) tree[`src/routes/r${i % 40}/page${i}.tsx`] = `import { createFileRoute } from '@tanstack/react-router';\nexport const Route = createFileRoute('/p${i}')({});\n`;
      return tree;
    },
  },
  {
    id: 'js-process-root-storm',
    aims: 'process-root-configs: n files requiring the agent and a command line of n preload flags',
    small: 500,
    scale: 4_000,
    build: (n, r) => {
      const tree: Tree = {
        'package.json': pkgJson({ newrelic: '^11.0.0', '@tryghost/logging': '^2.0.0' }, { scripts: { start: `node ${times(Math.min(n, 5_000), () => `${r.pick(['-r newrelic', '--require=newrelic', '--import x'])} `)}server.js` } }),
        'newrelic.js': 'exports.config = {};\n',
        'loggingrc.js': 'module.exports = {};\n',
        'server.js': '',
      };
      for (let i = 0; i < n; i++) tree[`lib/m${i}.js`] = `require('${r.pick(['newrelic', '@tryghost/logging', 'newrelic/x'])}');\n`;
      return tree;
    },
  },
  {
    id: 'js-jsdoc-import-types',
    aims: 'type-references: one JSDoc comment of n import() types, a declaration file of n ambient blocks and n import() types (each hit looked back to its comment opener: quadratic)',
    small: 2_000,
    scale: 5_000,
    build: (n, r) => ({
      'package.json': pkgJson({}, { main: 'index.js' }),
      'index.js': `/**${eol(r)}${times(n, (i) => ` * @type {import(${r.pick(['"', "'"])}./t${i % 50}.js${r.pick(['"', "'"])}).T${i}}${eol(r)}`)} */${eol(r)}module.exports = 1;${eol(r)}`,
      'types.d.ts': times(n, (i) => `declare global{}${eol(r)}type A${i}=import("./t${i % 50}").T;${eol(r)}`),
      't1.ts': 'export type T = 1;\n',
    }),
  },
];

#!/usr/bin/env node
// Bundles tsc's output (dist/src) into dist/bundle with esbuild: what bin/census.js runs.
//
// Why: Node 20 has no compile cache, so every census process resolved, read and compiled its
// ~620 ES modules one by one (285–440 ms of a scan, every extraction worker again); a bundle is a
// few dozen files. Run after tsc (`npm run build`, `prepare`, `test`, `test:e2e`).
//
// The layout (src/own-files.ts relies on it, and this script checks it):
//   - the entry points keep their paths from dist/src: cli/main.js (the CLI), extract/worker.js and
//     extract/fingerprint-worker.js (worker threads), pipeline.js, report/json.js and
//     report/html/index.js (what the bench's child process imports);
//   - every other file, a chunk of shared code or a module loaded by `import()` (a command, a
//     renderer, the pipeline's stages), sits at the root of dist/bundle, so lazy loading stays
//     lazy: `census --help` loads the same modules as before, in fewer files;
//   - census.cjs at the root is the same code as one CommonJS file (stop 59), what bin/census.js
//     runs: V8 can load a classic script from a code cache (bin/code-cache.js), not an ES module
//     on Node 20; the ES module bundle stays for the worker threads and as the fallback;
//   - the HTML report's page script is assembled from tsc's build and embedded as a constant
//     (client/bundle.ts says why);
//   - the pure-JS packages every scan loads (yaml, smol-toml) are bundled: from node_modules they
//     were ~80 more files to resolve and read, yaml's 72 through the CommonJS loader (about 90 ms
//     of a scan's start-up CPU); the others stay external, found in census's own node_modules at
//     run time (oxc and libsql are native bindings, the MCP SDK and zod load only for `census mcp`,
//     `ignore` only outside git: discover/walk.ts); names are not minified, so names in stack traces
//     are census's own; a linked source map (dist/bundle/**/*.js.map, through tsc's maps back to
//     src/*.ts, without the sources' text) serves `node --enable-source-maps bin/census.js`;
//   - whitespace and syntax are minified (stop 50): every process compiles the chunks it loads
//     from source (Node 20 has no compile cache), and V8's scan of 1.43 MB costs less than of
//     1.94 MB: loading pipeline.js and report/json.js, 15 alternating pairs at load 23, CPU median
//     513 -> 458 ms (13 of 15 lower), minor page faults 12,527 -> 11,895;
//   - every file's outermost arrow functions become function expressions (bundle-lazy.mjs, stop 51):
//     V8 parses a module's top-level arrows in full at load and again when first called; loading
//     pipeline.js and report/json.js, 10 alternating pairs at load 21-24, CPU median 330 -> 220 ms.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lazyArrows } from './bundle-lazy.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const SRC = 'dist/src';
const OUT = 'dist/bundle';
/** Packages compiled into the bundle (see above); every other dependency is imported from node_modules. */
const BUNDLED_PACKAGES = ['yaml', 'smol-toml'];
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/** The one-file CommonJS build (below), at the bundle's root as own-files.ts's chunk is. */
const ONE_FILE = `${OUT}/census.cjs`;
/** The module that finds census's own files from its own URL: it must land at the bundle's root. */
const LAYOUT_MODULE = `${SRC}/own-files.js`;

// The HTML report's page script is the text of the client functions (client/bundle.ts): taken
// from tsc's build, so the bundle writes the very page the browser tests check.
const { clientScript } = await import(new URL(`../${SRC}/report/html/client/bundle.js`, import.meta.url).href);

rmSync(new URL(`../${OUT}`, import.meta.url), { recursive: true, force: true });
const result = await build({
  absWorkingDir: repo,
  entryPoints: [
    { in: 'dist/src/cli/main.js', out: 'cli/main' },
    { in: 'dist/src/extract/worker.js', out: 'extract/worker' },
    { in: 'dist/src/extract/fingerprint-worker.js', out: 'extract/fingerprint-worker' },
    { in: 'dist/src/pipeline.js', out: 'pipeline' },
    { in: 'dist/src/report/json.js', out: 'report/json' },
    { in: 'dist/src/report/html/index.js', out: 'report/html/index' },
  ],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: Object.keys(dependencies).filter((name) => !BUNDLED_PACKAGES.includes(name)),
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  sourcesContent: false,
  define: { CENSUS_PAGE_SCRIPT: JSON.stringify(clientScript()) },
  // yaml's CommonJS build requires node's `process` and `buffer`, and an ES module has no `require`
  banner: { js: "import { createRequire as __censusCreateRequire } from 'node:module';\nconst require = __censusCreateRequire(import.meta.url);" },
  metafile: true,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

const holders = Object.entries(result.metafile.outputs)
  .filter(([, output]) => LAYOUT_MODULE in output.inputs)
  .map(([file]) => file);
if (holders.length !== 1 || dirname(holders[0]) !== OUT) {
  console.error(`bundle: ${LAYOUT_MODULE} must be in one file at the root of ${OUT}, found in: ${holders.join(', ') || 'none'}`);
  process.exit(1);
}
// A package no one listed above, bundled because a dependency moved to devDependencies or a new
// import named it, would be a copy of node_modules frozen at build time: say so instead.
const strays = new Set(Object.keys(result.metafile.inputs).flatMap((file) => {
  const name = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
  return name === undefined || BUNDLED_PACKAGES.includes(name) ? [] : [name];
}));
if (strays.size > 0) {
  console.error(`bundle: packages compiled in that BUNDLED_PACKAGES does not list: ${[...strays].join(', ')}`);
  process.exit(1);
}
// The same code again as one CommonJS file, what bin/census.js runs (bin/code-cache.js): V8 can
// keep a code cache of a classic script between runs, and Node 20 has none for ES modules. Its
// entry exports the CLI's `run` and, loaded on demand as in the ES modules, the pipeline and the
// reporters the bench's child process times. `import.meta.url` is the file's own URL: at the
// root of dist/bundle, like own-files.ts's chunk, so the workers and docs/ are found as there.
await build({
  absWorkingDir: repo,
  stdin: {
    contents: [
      `export { run } from './${SRC}/cli/main.js';`,
      `export const loadPipeline = () => import('./${SRC}/pipeline.js');`,
      `export const loadJsonReporter = () => import('./${SRC}/report/json.js');`,
      `export const loadHtmlReporter = () => import('./${SRC}/report/html/index.js');`,
    ].join('\n'),
    resolveDir: repo,
    sourcefile: 'census-entry.js',
  },
  outfile: ONE_FILE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  external: Object.keys(dependencies).filter((name) => !BUNDLED_PACKAGES.includes(name)),
  sourcemap: 'linked',
  sourcesContent: false,
  define: { CENSUS_PAGE_SCRIPT: JSON.stringify(clientScript()), 'import.meta.url': '__censusOwnUrl' },
  banner: { js: "const __censusOwnUrl = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
const files = [...Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')), ONE_FILE];
// One character past ASCII makes V8 hold a whole file's source as two-byte text and Node decode it
// from UTF-8 the slow way: the main chunk (1.9 MB) held one `→` in a comment. esbuild's charset
// (ASCII by default) escapes strings, templates and names, not comments nor regular expression
// literals; a comment's text is never read, so each such UTF-16 unit becomes `?` there (one for
// one: the source maps' columns stay right). One in a pattern (write `\u00a9`, not the character)
// or anywhere else outside a comment stops the build.
const { parseSync } = await import('oxc-parser');
for (const file of files) {
  const abs = `${repo}/${file}`;
  const text = readFileSync(abs, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) continue;
  const { comments } = parseSync(abs, text, { sourceType: 'module' });
  const chars = text.split('');
  let c = 0;
  for (let i = 0; i < chars.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    while (c < comments.length && comments[c].end <= i) c++;
    if (c === comments.length || comments[c].start > i) {
      console.error(`bundle: ${file} holds a character past ASCII outside a comment, at offset ${i} (${JSON.stringify(text.slice(Math.max(0, i - 30), i + 10))}): escape it in the source`);
      process.exit(1);
    }
    chars[i] = '?';
  }
  writeFileSync(abs, chars.join(''));
}
// Outermost arrows become function expressions, which V8 parses once instead of twice (bundle-lazy.mjs says why).
let rewritten = 0;
for (const file of files) {
  const abs = `${repo}/${file}`;
  const map = JSON.parse(readFileSync(`${abs}.map`, 'utf8'));
  const lazy = lazyArrows(readFileSync(abs, 'utf8'), map.mappings, parseSync);
  if (lazy === null) continue;
  rewritten += lazy.arrows;
  writeFileSync(abs, lazy.text);
  writeFileSync(`${abs}.map`, `${JSON.stringify({ ...map, mappings: lazy.mappings }, null, 2)}\n`);
}
console.log(`bundle: ${files.length} files in ${relative(repo, `${repo}/${OUT}`)}, ${rewritten} arrows made function expressions`);

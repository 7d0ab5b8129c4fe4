#!/usr/bin/env node
// Measures the JS/TS extractor alone (no workers, no discovery) on the JS/TS sources installed in
// node_modules: MB/s for the full extraction beside the bare oxc parse and the time to read the
// bytes. Run after `npx tsc -p tsconfig.json`.
// Usage: node scripts/measure-js-extract.mjs [--under=BYTES] [dir...]
// (--under skips bigger files: typescript/lib's two bundles are 15 of node_modules' 26 MB and
// say little about a repo of ordinary source files.)
import { readFileSync, readdirSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'oxc-parser';
import { extractJavaScript } from '../dist/src/languages/javascript/extract.js';
import { defaultParsePath, parserOptions } from '../dist/src/languages/javascript/parse.js';

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const args = process.argv.slice(2);
const under = Number(args.find((a) => a.startsWith('--under='))?.slice('--under='.length) ?? Infinity);
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) dirs.push('node_modules');

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p);
    else if (st.isFile() && SOURCE.test(name) && st.size < under) files.push(p);
  }
};
for (const d of dirs) walk(d);

let t0 = performance.now();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const readSeconds = (performance.now() - t0) / 1000;
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const mb = bytes / 1e6;
const isTs = (f) => /\.[cm]?tsx?$/.test(f);

// CPU time beside wall time: on a shared machine the wall clock also measures the neighbours.
const time = (label, fn) => {
  fn(0, files.length); // warm up: steady state, as in a worker that has seen a few hundred files
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const extra = fn(0, files.length);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${label.padEnd(28)} ${seconds.toFixed(2).padStart(6)} s  ${(mb / seconds).toFixed(1).padStart(6)} MB/s  ` +
      `(cpu ${cpuSeconds.toFixed(2)} s, ${(mb / cpuSeconds).toFixed(1)} MB/cpu-s)  ${(files.length / seconds).toFixed(0).padStart(6)} files/s${extra ? `  ${extra}` : ''}`,
  );
};

console.log(`${files.length} files${Number.isFinite(under) ? ` (each under ${under} bytes)` : ''}, ${mb.toFixed(1)} MB in ${dirs.join(', ')}; node ${process.version}; parse path: ${defaultParsePath()}`);
console.log(`${'read'.padEnd(28)} ${readSeconds.toFixed(2).padStart(6)} s`);
time('oxc parse, module only', (from, to) => {
  for (let i = from; i < to; i++) parseSync(files[i], texts[i], parserOptions(files[i], isTs(files[i]))).module;
});
time('oxc parse + AST objects', (from, to) => {
  for (let i = from; i < to; i++) parseSync(files[i], texts[i], parserOptions(files[i], isTs(files[i]))).program;
});
time('census extract (full)', (from, to) => {
  let imports = 0;
  let commands = 0;
  let errors = 0;
  for (let i = from; i < to; i++) {
    const facts = extractJavaScript(files[i], texts[i], isTs(files[i]));
    imports += facts.imports.length;
    commands += facts.commands.length;
    errors += facts.diagnostics.length;
  }
  return `${imports} imports, ${commands} commands, ${errors} diagnostics`;
});

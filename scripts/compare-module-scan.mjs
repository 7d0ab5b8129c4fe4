#!/usr/bin/env node
// Holds the module scan to oxc-parser on real code: every JS/TS file the scan reads (it leaves to
// oxc what it cannot read exactly and what the AST walk must see) is also extracted with oxc
// alone, and the facts must be identical. Prints how many files the scan read, every
// disagreement, and the time of each path.
// Usage: node scripts/compare-module-scan.mjs [--show=N] dir... (after `npx tsc -p tsconfig.json`)
import { readFileSync, readdirSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { extractJavaScript } from '../dist/src/languages/javascript/extract.js';
import { scanModule } from '../dist/src/languages/javascript/module-scan/index.js';
import { buildLineTable } from '../dist/src/languages/javascript/line-table.js';

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const args = process.argv.slice(2);
const show = Number(args.find((a) => a.startsWith('--show='))?.slice(7) ?? 10);
const dirs = args.filter((a) => !a.startsWith('--'));
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p);
    else if (st.isFile() && SOURCE.test(name) && st.size < 5_000_000) files.push(p);
  }
};
for (const d of dirs) walk(d);
const isTs = (f) => /\.[cm]?tsx?$/.test(f);

let scanned = 0;
let agree = 0;
const disagreements = [];
let scanSeconds = 0;
let oxcSeconds = 0;
let bytes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const accepted = scanModule(text, buildLineTable(text), /\.(?:[cm]?jsx?|tsx)$/.test(file)) !== null;
  if (!accepted) continue;
  let t = performance.now();
  const fast = extractJavaScript(file, text, isTs(file));
  const fastTime = (performance.now() - t) / 1000;
  t = performance.now();
  const slow = extractJavaScript(file, text, isTs(file), { moduleScan: false });
  oxcSeconds += (performance.now() - t) / 1000;
  scanned++;
  scanSeconds += fastTime;
  bytes += Buffer.byteLength(text);
  if (isDeepStrictEqual(fast, slow)) agree++;
  else disagreements.push({ file, fast, slow });
}
console.log(`${files.length} files; the module scan read ${scanned} (${((100 * scanned) / Math.max(1, files.length)).toFixed(1)}%) and left ${files.length - scanned} to oxc`);
console.log(`agreement with oxc on the files it read: ${agree}/${scanned}; ${disagreements.length} disagree`);
console.log(`extract time on those: module scan ${scanSeconds.toFixed(2)} s (${(bytes / 1e6 / scanSeconds).toFixed(0)} MB/s), oxc path ${oxcSeconds.toFixed(2)} s`);
for (const d of disagreements.slice(0, show)) {
  console.log(`\n--- ${d.file}`);
  for (const key of new Set([...Object.keys(d.fast), ...Object.keys(d.slow)])) {
    if (!isDeepStrictEqual(d.fast[key], d.slow[key])) console.log(`  ${key}: scan ${String(JSON.stringify(d.fast[key])).slice(0, 300)}\n  ${' '.repeat(key.length)}  oxc  ${String(JSON.stringify(d.slow[key])).slice(0, 300)}`);
  }
}
process.exitCode = disagreements.length > 0 ? 1 : 0;

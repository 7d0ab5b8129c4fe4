#!/usr/bin/env node
// Measures the Python extractor's single-threaded throughput: reads every .py file under a
// directory (default: the python3 stdlib, without site-packages) into memory first, then times
// only extraction. Run after `npx tsc -p tsconfig.json`.
//   node scripts/measure-python-extract.mjs [dir] [--rounds N] [--all (include site-packages)]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pythonExtractor } from '../dist/src/languages/python/extract.js';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option('--rounds', '5'));
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
const root =
  positional[0] ??
  execFileSync('python3', ['-c', 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) {
      if (name === '__pycache__' || (!flag('--all') && (name === 'site-packages' || name === 'dist-packages'))) continue;
      walk(p);
    } else if (name.endsWith('.py')) files.push(p);
  }
};
walk(root);

const texts = files.map((p) => readFileSync(p, 'utf8'));
const bytes = files.reduce((sum, p) => sum + statSync(p).size, 0);

let imports = 0;
let diagnostics = 0;
const times = [];
for (let r = 0; r < rounds; r++) {
  imports = 0;
  diagnostics = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    const facts = pythonExtractor.extract(files[i], texts[i]);
    imports += facts.imports.length;
    diagnostics += facts.diagnostics.length;
  }
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}
const best = Math.min(...times);
const mb = bytes / 1e6;
console.log(`${root}: ${files.length} files, ${mb.toFixed(1)} MB, ${imports} imports, ${diagnostics} diagnostics`);
console.log(`rounds: ${times.map((t) => t.toFixed(3)).join(' s, ')} s`);
console.log(`best: ${best.toFixed(3)} s = ${(mb / best).toFixed(0)} MB/s, ${(files.length / best).toFixed(0)} files/s (first round ${(mb / times[0]).toFixed(0)} MB/s)`);

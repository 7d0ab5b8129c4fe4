#!/usr/bin/env node
// Measures the duplicates analysis on large trees: fingerprinting (one thread, as one extraction
// worker would) and findDuplicates (main thread), beside the time to read the same bytes, with
// cluster counts per kind. Run after `npx tsc -p tsconfig.json`.
// Usage: node scripts/measure-duplicates.mjs [--max-file-size=BYTES] [--min-similarity=X] [--abstract] [dir...]
// Default dirs: node_modules/typescript/lib and this machine's Python standard library. Folders named
// site-packages or node_modules below a given dir are skipped (third-party code, not the tree asked for).
// CPU times are printed beside wall times: on a busy machine the wall time says more about the neighbours.
import { readFileSync, readdirSync, lstatSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fingerprintFile, isFingerprinted } from '../dist/src/analyses/duplicates/fingerprint.js';
import { findDuplicates } from '../dist/src/analyses/duplicates/find.js';
import { languageFromPath } from '../dist/src/discover/language.js';
import { DUPLICATE_KINDS } from '../dist/src/model/duplicates.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
};
const maxFileSize = flag('max-file-size', 1_000_000);
const minSimilarity = flag('min-similarity', 0.8);
const abstractIdentifiers = args.includes('--abstract');
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  dirs.push('node_modules/typescript/lib');
  try {
    dirs.push(execFileSync('python3', ['-c', 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim());
  } catch {
    // no python3: measure the TypeScript tree alone
  }
}

const measure = (dir) => {
  const found = [];
  let skipped = 0;
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) {
        if (name !== 'site-packages' && name !== 'node_modules') walk(p);
      }
      else if (st.isFile()) {
        const path = relative(dir, p).split('\\').join('/');
        const language = languageFromPath(path);
        if (!language || !isFingerprinted(language)) continue;
        if (st.size > maxFileSize) skipped++;
        else found.push({ abs: p, path, language, bytes: st.size });
      }
    }
  };
  walk(dir);

  let t = performance.now();
  const texts = found.map((f) => readFileSync(f.abs, 'utf8'));
  const readMs = performance.now() - t;
  const bytes = found.reduce((n, f) => n + f.bytes, 0);

  t = performance.now();
  let cpu = process.cpuUsage();
  const fingerprints = new Map();
  found.forEach((f, i) => fingerprints.set(f.path, fingerprintFile(f.path, texts[i], f.language, { abstractIdentifiers, k: 12, w: 16 })));
  const fingerprintMs = performance.now() - t;
  const fingerprintCpu = process.cpuUsage(cpu).user / 1000;

  const files = found.map((f) => ({ path: f.path, language: f.language, bytes: f.bytes, lines: 0, codeLines: 0, hash: '', executable: false }));
  t = performance.now();
  cpu = process.cpuUsage();
  const clusters = findDuplicates({ files, fingerprints, options: { minSimilarity, abstractIdentifiers } });
  const findMs = performance.now() - t;
  const findCpu = process.cpuUsage(cpu).user / 1000;

  const tokens = [...fingerprints.values()].reduce((n, fp) => n + fp.tokens, 0);
  const counts = Object.fromEntries(DUPLICATE_KINDS.map((k) => [k, clusters.filter((c) => c.kind === k).length]));
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`${dir}`);
  console.log(`  ${found.length} files (${skipped} over ${maxFileSize} bytes skipped), ${(bytes / 1e6).toFixed(1)} MB, ${(tokens / 1e6).toFixed(2)} M tokens`);
  console.log(`  read ${s(readMs)}; fingerprint ${s(fingerprintMs)} wall, ${s(fingerprintCpu)} CPU (${(bytes / 1e6 / (fingerprintCpu / 1000)).toFixed(1)} MB/s of CPU, one thread); find ${s(findMs)} wall, ${s(findCpu)} CPU`);
  console.log(`  clusters: ${DUPLICATE_KINDS.map((k) => `${k} ${counts[k]}`).join(', ')}`);
  console.log(`  heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  return clusters;
};

for (const dir of dirs) measure(dir);

#!/usr/bin/env node
// Runs the compiled tests with Node's own test runner. Node 20 does not expand globs for --test,
// so the file list is built here. Two suites, told apart by file name:
//   node scripts/run-tests.mjs           the fast suite (`npm test`): every *.test.js but *.e2e.test.js
//   node scripts/run-tests.mjs --e2e     the end-to-end suite (`npm run test:e2e`): *.e2e.test.js only
//   node scripts/run-tests.mjs --all     both
// Other arguments filter by path substring; a filter alone searches both suites, so naming a file
// always runs it. Before browser tests (*.browser.*) it makes sure chromium is installed, once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = 'dist/test';
const args = process.argv.slice(2);
const suite = args.includes('--e2e') ? 'e2e' : args.includes('--all') ? 'all' : 'fast';
const filters = args.filter((a) => a !== '--e2e' && a !== '--all');
const isE2e = (p) => p.endsWith('.e2e.test.js');
const wanted = (p) => {
  if (filters.length > 0) return filters.some((f) => p.includes(f)) && (suite !== 'e2e' || isE2e(p));
  return suite === 'all' || (suite === 'e2e') === isE2e(p);
};
const found = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    // A compiled test whose source was renamed or deleted stays in dist/ (tsc never removes it).
    else if (p.endsWith('.test.js') && wanted(p) && existsSync(p.replace(/^dist\//, '').replace(/\.js$/, '.ts'))) found.push(p);
  }
};
walk(root);
if (found.length === 0) {
  console.error(`no test files under ${root}${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(1);
}
if (found.some((p) => p.includes('.browser.'))) {
  // The browser tests skip, saying why, when chromium cannot be had; installing it here keeps the
  // install out of a test's own run.
  const ensure = spawnSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' });
  if (ensure.status !== 0) console.error('run-tests: chromium is not available; the browser tests will skip');
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...found], { stdio: 'inherit' });
process.exit(result.status ?? 1);

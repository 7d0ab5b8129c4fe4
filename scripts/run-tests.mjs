#!/usr/bin/env node
// Runs every compiled test file with Node's own test runner. Node 20 does not expand globs
// for --test, so the file list is built here. Extra arguments filter by path substring.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = 'dist/test';
const filters = process.argv.slice(2);
const found = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.test.js') && (filters.length === 0 || filters.some((f) => p.includes(f)))) found.push(p);
  }
};
walk(root);
if (found.length === 0) {
  console.error(`no test files under ${root}${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...found], { stdio: 'inherit' });
process.exit(result.status ?? 1);

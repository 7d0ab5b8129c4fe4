#!/usr/bin/env node
// How fast `census mcp` answers: for each repo folder given, starts the built server as a client
// would (the SDK's Client over stdio, a fresh process) and prints
//   first answer: process start → the first census_summary answer (Node start, SDK load, the scan);
//   warm answers: each read-only tool asked RUNS times (default 20) afterwards, median and slowest
//     of the round trip seen by the client (census_dupes apart: its first call computes duplicates);
//   after a change: one file edited (and put back afterwards), then census_file on it: the re-scan.
// The target: warm answers under 50 ms.
// usage: node scripts/measure-mcp-latency.mjs DIR [DIR...]   (needs a build: npx tsc -p tsconfig.json)
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 20);
const TARGET_MS = 50;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (v) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

const timed = async (job) => {
  const started = performance.now();
  const result = await job();
  return { result, ms: performance.now() - started };
};

const ask = async (client, name, args = {}) => {
  // A first answer on a large repo under load can take longer than the client's default minute.
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 900_000 });
  if (result.isError) throw new Error(`${name} ${JSON.stringify(args)}: ${result.content[0]?.text}`);
  return result.structuredContent;
};

const measure = async (dir) => {
  const started = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [join(repo, 'bin/census.js'), 'mcp', dir, '--quiet'], stderr: 'ignore' });
  const client = new Client({ name: 'census-bench', version: '1.0.0' });
  try {
    await client.connect(transport);
    const summary = await ask(client, 'census_summary');
    const first = performance.now() - started;
    process.stderr.write(`${dir}: first answer after ${ms(first)}\n`);
    // A production file if there is one (they have the most to say), else any source file.
    const listed = await ask(client, 'census_list', { verdict: 'production', limit: 1000 });
    const files = listed.items.length > 0 ? listed.items : (await ask(client, 'census_list', { limit: 1000 })).items;
    const file = files[Math.floor(files.length / 2)].path;
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
    const questions = [
      ['census_summary', {}],
      ['census_file', { path: file }],
      ['census_why', { path: file }],
      ['census_list', { verdict: 'dead' }],
      ['census_imports', {}],
      ['census_impact', { path: file }],
      ['census_impact', { path: folder }],
    ];
    const warm = [];
    for (const [name, args] of questions) {
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push((await timed(() => ask(client, name, args))).ms);
      process.stderr.write(`  ${name}: median ${ms(median(times))}\n`);
      warm.push({ name: `${name}${name === 'census_impact' ? (args.path === file ? ' (file)' : ' (folder)') : ''}`, median: median(times), max: Math.max(...times) });
    }
    const dupesFirst = (await timed(() => ask(client, 'census_dupes', { path: folder }))).ms;
    const dupesTimes = [];
    for (let i = 0; i < RUNS; i++) dupesTimes.push((await timed(() => ask(client, 'census_dupes', { path: folder }))).ms);
    warm.push({ name: 'census_dupes (after the first)', median: median(dupesTimes), max: Math.max(...dupesTimes) });
    // One edit, then a question about it: the re-scan's cost. The file is put back afterwards.
    const path = join(summary.root, file);
    const before = readFileSync(path);
    let changed;
    try {
      appendFileSync(path, '\n');
      changed = (await timed(() => ask(client, 'census_file', { path: file }))).ms;
    } finally {
      writeFileSync(path, before);
    }
    const status = (await ask(client, 'census_summary')).scan;
    return { dir, files: summary.files, first, warm, dupesFirst, changed, status };
  } finally {
    await client.close();
  }
};

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node scripts/measure-mcp-latency.mjs DIR [DIR...]');
  process.exit(2);
}
for (const dir of dirs) {
  const load = loadavg()[0];
  const r = await measure(dir);
  const slowest = Math.max(...r.warm.map((w) => w.median));
  console.log(`${dir} (${r.files.toLocaleString('en-US')} files): first answer ${ms(r.first)}; warm answers (median of ${RUNS}) ${slowest < TARGET_MS ? 'all' : 'NOT all'} under ${TARGET_MS} ms; load average before ${load.toFixed(1)}`);
  for (const w of r.warm) console.log(`  ${w.name.padEnd(32)} median ${ms(w.median).padStart(8)}   slowest ${ms(w.max).padStart(8)}`);
  console.log(`  ${'census_dupes (first: computes)'.padEnd(32)} ${ms(r.dupesFirst)}`);
  console.log(`  ${'census_file after an edit'.padEnd(32)} ${ms(r.changed)} (a re-scan)`);
  console.log(`  watch: ${r.status.watching}; scans: ${r.status.scans}`);
}

#!/usr/bin/env node
// node scripts/profile-stacks.mjs FILE.cpuprofile [--top N] [--under REGEX] [--by-file]
//
// Reads a V8 CPU profile (`node --cpu-prof bin/census.js scan … --no-cache`) and prints the sampled
// milliseconds per function: self, and total (each function once per stack, so recursion is not
// counted twice), then per pipeline stage (the first stage function on each stack). The bundle's
// positions are mapped back to src/ through its source maps, so a function reads `name file.ts:line`.
// --under REGEX keeps the samples whose stack holds a frame matching REGEX (`^runFrameworks `);
// --by-file sums self time per source file instead of per function.
// The samples are wall-clock ticks of the main thread: on a loaded machine a descheduled thread is
// charged to wherever it stood, so compare shares between functions, and confirm a small one by
// process.cpuUsage around it before acting on it.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string' }, under: { type: 'string' }, 'by-file': { type: 'boolean' } },
});
if (positionals.length !== 1) {
  console.error('usage: node scripts/profile-stacks.mjs FILE.cpuprofile [--top N] [--under REGEX] [--by-file]');
  process.exit(2);
}
const top = Number(values.top ?? 40);
const under = values.under === undefined ? null : new RegExp(values.under);
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));

// The pipeline's stage functions (pipeline.ts), outermost first on a stack.
const STAGES = /^(discover|scanAllCached|buildImportEdges|detectEntries|runFrameworks|buildCodeEdges|buildDocEdges|classify|runImportTriage|analyseDuplicates|analyseHeldDuplicates) /;

const maps = new Map();
const mapOf = (url) => {
  if (!maps.has(url)) {
    let map = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${new URL(url).pathname}.map`, 'utf8')));
    } catch {
      // not a file of ours, or no map beside it: named as V8 gives it
    }
    maps.set(url, map);
  }
  return maps.get(url);
};
const keys = new Map();
const keyOf = (node) => {
  let key = keys.get(node.id);
  if (key !== undefined) return key;
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const entry = url.includes('/dist/') ? mapOf(url)?.findEntry(lineNumber, columnNumber) : undefined;
  const file = entry?.originalSource ? entry.originalSource.replace(/^.*\/src\//, '') : url.split('/').slice(-1)[0];
  const line = entry?.originalSource ? entry.originalLine + 1 : lineNumber + 1;
  key = { fn: `${functionName || '(anonymous)'} ${file}:${line}`, file: file || functionName };
  keys.set(node.id, key);
  return key;
};

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const ms = new Map();
for (let i = 0; i < profile.samples.length; i++) ms.set(profile.samples[i], (ms.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);

const self = new Map();
const total = new Map();
const stages = new Map();
const add = (map, key, t) => map.set(key, (map.get(key) ?? 0) + t);
let all = 0;
for (const [id, t] of ms) {
  const frames = [];
  for (let at = id; at !== undefined; at = parent.get(at)) frames.push(keyOf(nodes.get(at)));
  const stack = frames.map((k) => k.fn);
  if (under !== null && !stack.some((k) => under.test(k))) continue;
  all += t;
  add(self, values['by-file'] ? frames[0].file : stack[0], t);
  for (const k of new Set(stack)) add(total, k, t);
  add(stages, [...stack].reverse().find((k) => STAGES.test(k) || k.startsWith('(garbage collector)')) ?? '(other)', t);
}
const list = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => `${t.toFixed(0).padStart(8)}  ${k}`).join('\n');
console.log(`${all.toFixed(0)} ms sampled${under ? ` under ${under}` : ''}\n\nself:\n${list(self)}`);
if (!values['by-file']) console.log(`\ntotal:\n${list(total)}\n\nstage:\n${list(stages)}`);

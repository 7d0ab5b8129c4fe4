#!/usr/bin/env node
// How much of a cold `census scan` is V8 compiling census's own code, and which functions it throws
// away and compiles again. On payload about a third of the process CPU was TurboFan on V8's
// platform threads, and a third of that was recompiles after deopts (issue 19, stop 35).
//
//   node scripts/measure-jit.mjs DIR [--top N] [--threads]
//
// Runs one `census scan DIR --no-cache` under --trace-opt --trace-deopt and prints the TurboFan
// compiles, the deopts and, for each function compiled more than once, its compile count and deopt
// reasons with bytecode offsets. Counts are what to compare between builds: the compile times in the
// trace are elapsed times on threads that share the cores, so they grow with the machine's load.
// --threads also runs an untraced scan and prints the CPU of each thread of the census process, read
// from /proc at exit (Linux only): the main thread against V8's platform threads (compiles, GC).
// Needs a build first (npm run build); runs this checkout's bin/census.js.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const target = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top');
const top = Number(args[args.indexOf('--top') + 1]) || 25;
if (target === undefined) {
  console.error('usage: node scripts/measure-jit.mjs DIR [--top N] [--threads]');
  process.exit(2);
}
const scan = ['bin/census.js', 'scan', target, '--no-cache', '--format', 'json', '--output', '/dev/null'];

const traced = spawnSync(process.execPath, ['--trace-opt', '--trace-deopt', ...scan], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
if (traced.status !== 0) {
  console.error(traced.stderr);
  process.exit(1);
}

const COMPILED = /completed compiling \S+ <JSFunction (.*?) \(sfi = (\S+)\)>.*took ([\d.]+), ([\d.]+), ([\d.]+) ms/;
const BAILOUT = /bailout \(kind: ([^,]+), reason: (.*?)\): begin\. deoptimizing \S+ <JSFunction (.*?) \(sfi = (\S+)\)>.*?bytecode offset (\d+)/;
const compiles = new Map(); // sfi → { name, ms[] }
const deopts = new Map(); // sfi → Map(reason@offset → count)
let deoptCount = 0;
for (const line of traced.stdout.split('\n')) {
  let m = COMPILED.exec(line);
  if (m !== null) {
    const entry = compiles.get(m[2]) ?? { name: m[1] || '(anonymous)', ms: [] };
    entry.ms.push(Number(m[3]) + Number(m[4]) + Number(m[5]));
    compiles.set(m[2], entry);
    continue;
  }
  m = BAILOUT.exec(line);
  if (m !== null) {
    deoptCount++;
    const reasons = deopts.get(m[4]) ?? new Map();
    const key = `${m[2]}@${m[5]}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
    deopts.set(m[4], reasons);
  }
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
let compileCount = 0, compileMs = 0, recompileMs = 0;
const again = [];
for (const [sfi, { name, ms }] of compiles) {
  compileCount += ms.length;
  compileMs += sum(ms);
  if (ms.length > 1) {
    const extra = sum(ms) - Math.max(...ms);
    recompileMs += extra;
    again.push({ name, count: ms.length, extra, reasons: deopts.get(sfi) ?? new Map() });
  }
}
console.log(`${target}: ${compileCount} TurboFan compiles of ${compiles.size} functions, ${deoptCount} deopts; traced compile time ${compileMs.toFixed(0)} ms, of it recompiles ${recompileMs.toFixed(0)} ms`);
again.sort((a, b) => b.extra - a.extra);
for (const { name, count, extra, reasons } of again.slice(0, top)) {
  const why = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([r, n]) => `${r} x${n}`).join(', ');
  console.log(`${extra.toFixed(0).padStart(7)} ms  x${count}  ${name}${why ? `  (${why})` : '  (no eager deopt: OSR or a lazy one)'}`);
}

if (args.includes('--threads')) {
  const hook = `data:text/javascript,${encodeURIComponent(`
    import { readdirSync, readFileSync } from 'node:fs';
    process.on('exit', () => {
      const fields = (path) => { const s = readFileSync(path, 'utf8'); return s.slice(s.lastIndexOf(')') + 2).split(' '); };
      const hz = 100, out = [];
      for (const tid of readdirSync('/proc/self/task')) {
        try { const f = fields('/proc/self/task/' + tid + '/stat'); out.push((Number(f[11]) + Number(f[12])) * 1000 / hz); } catch {}
      }
      const self = fields('/proc/self/stat');
      process.stderr.write('THREADS ' + JSON.stringify({ threads: out, children: (Number(self[13]) + Number(self[14])) * 1000 / hz }) + '\\n');
    });`)}`;
  const plain = spawnSync(process.execPath, ['--import', hook, ...scan], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  const line = plain.stderr.split('\n').find((l) => l.startsWith('THREADS '));
  if (line === undefined) {
    console.error('no thread figures (not Linux?)');
    process.exit(1);
  }
  const { threads, children } = JSON.parse(line.slice(8));
  const [main, ...others] = threads;
  console.log(`CPU of an untraced scan: main thread ${main} ms, other threads ${sum(others)} ms (${others.filter((t) => t > 0).join(' + ')}), child processes (git) ${children} ms`);
}

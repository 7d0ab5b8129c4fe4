#!/usr/bin/env node
// What `census trace` adds to a traced command's wall time. Runs a Python command that imports
// about 120 stdlib modules, and a Node command that loads the TypeScript compiler, with and
// without the tracing hooks (5 runs each, alternating, after a warm-up; median; RUNS=n for more),
// and prints the overhead.
// Also times the whole runTrace call (hooks written, command run, trace file made).
// Needs a build first: npx tsc -p tsconfig.json
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { tracingEnv, writeHookFiles } = await import(join(repo, 'dist/src/runtime/capture/tracing-env.js'));
const { runTrace } = await import(join(repo, 'dist/src/runtime/capture/run-trace.js'));

const RUNS = Number(process.env.RUNS ?? 5);
const STDLIB = `import json, email.parser, email.mime.multipart, http.client, urllib.request, xml.etree.ElementTree, csv, decimal,
fractions, statistics, asyncio, logging.handlers, argparse, sqlite3, unittest, difflib, inspect, dataclasses, typing, pathlib,
tarfile, zipfile, gzip, bz2, lzma, shutil, tempfile, configparser, pprint, textwrap, string, uuid, hashlib, hmac, secrets,
base64, binascii, struct, codecs, locale, gettext, calendar, datetime, zoneinfo, heapq, bisect, array, weakref, copy, enum,
graphlib, numbers, cmath, random, itertools, functools, operator, contextlib, abc, io, glob, fnmatch, filecmp, pickle, shelve,
dbm, zlib, html.parser, smtplib, imaplib, ftplib, socketserver, xmlrpc.client, ipaddress, mimetypes, wave, colorsys, optparse,
getopt, platform, ctypes, threading, multiprocessing, concurrent.futures, subprocess, sched, queue, contextvars, ssl, select,
selectors, signal, mmap, pydoc, doctest, trace, timeit, cProfile, pstats, tracemalloc, ast, dis, tokenize, symtable,
compileall, importlib.metadata, http.server, wsgiref.simple_server, logging.config, email.policy, plistlib, netrc, quopri`.replace(/\n/g, ' ');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** CPU seconds of the measured command alone, from getrusage(RUSAGE_CHILDREN) in a small wrapper. */
const CPU_WRAPPER = [
  'import resource, subprocess, sys',
  'status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode',
  'usage = resource.getrusage(resource.RUSAGE_CHILDREN)',
  'print(usage.ru_utime + usage.ru_stime)',
  'sys.exit(status)',
].join('\n');

const runOnce = (command, env) => {
  const start = performance.now();
  const run = spawnSync(command[0], command.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed: ${run.stderr}`);
  const timed = spawnSync(pythonExe, ['-I', '-c', CPU_WRAPPER, ...command], { env, encoding: 'utf8' });
  return { wall, cpu: Number(timed.stdout.trim()) * 1000 };
};

/** Plain and traced runs alternate, so load from other processes on the machine hits both alike. */
const timePair = (command, plainEnv, tracedEnv) => {
  runOnce(command, plainEnv); // warm the OS cache and the .pyc files
  runOnce(command, tracedEnv);
  const plain = [];
  const traced = [];
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? [[plain, plainEnv], [traced, tracedEnv]] : [[traced, tracedEnv], [plain, plainEnv]];
    for (const [list, env] of order) list.push(runOnce(command, env));
  }
  const of = (list, key) => median(list.map((r) => r[key]));
  return { plain: of(plain, 'wall'), traced: of(traced, 'wall'), plainCpu: of(plain, 'cpu'), tracedCpu: of(traced, 'cpu') };
};

const timeRunTrace = async (command, scratch) => {
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    await runTrace({ command, cwd: scratch, rootAbs: scratch, label: 'overhead', outFile: join(scratch, 'trace.json'), stdio: 'ignore' });
    if (i > 0) times.push(performance.now() - start);
  }
  return median(times);
};

// The real interpreter, not a version-manager shim script, so only census's own cost is timed.
const pythonExe = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
const scratch = mkdtempSync(join(tmpdir(), 'census-trace-overhead-'));
try {
  const hooks = writeHookFiles(join(scratch, 'hooks'));
  const baseEnv = { ...process.env, NODE_OPTIONS: '' };
  const tracedEnv = tracingEnv(baseEnv, hooks, join(scratch, 'loaded.log'));
  const python = pythonExe;
  const cases = [
    { name: `Python: import ${STDLIB.split(',').length} stdlib modules`, command: [python, '-c', STDLIB] },
    { name: 'Node: load the TypeScript compiler (CommonJS, 9 MB)', command: [process.execPath, '-e', `require(${JSON.stringify(join(repo, 'node_modules/typescript/lib/typescript.js'))})`] },
    { name: 'Node: an empty ES module program', command: [process.execPath, '--input-type=module', '-e', 'await Promise.resolve()'] },
  ];
  for (const c of cases) {
    const { plain, traced, plainCpu, tracedCpu } = timePair(c.command, baseEnv, tracedEnv);
    const whole = await timeRunTrace(c.command, scratch);
    const pct = (a, b) => `${(((b - a) / a) * 100).toFixed(1)}% (${(b - a).toFixed(1)} ms)`;
    console.log(`${c.name}
  wall: without tracing ${plain.toFixed(1)} ms, with ${traced.toFixed(1)} ms: overhead ${pct(plain, traced)}; whole runTrace ${whole.toFixed(1)} ms
  cpu:  without tracing ${plainCpu.toFixed(1)} ms, with ${tracedCpu.toFixed(1)} ms: overhead ${pct(plainCpu, tracedCpu)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

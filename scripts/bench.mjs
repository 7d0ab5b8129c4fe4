#!/usr/bin/env node
// npm run bench [-- --corpus NAME[,NAME]] [--quick] [--runs N] [--against BUILD] [--json FILE] [--workers N] [--no-agreement] [--no-dupes] [--no-trace] [--no-mcp]
//
// Scans real corpora with the built census (run `npm run build` first; the child processes load the
// bundle, dist/bundle, as bin/census.js does, or tsc's dist/src with CENSUS_BENCH_BUILD=src) and prints, per corpus:
// files, MB, wall time of a whole census process (median of 5 after a warm-up), files/s, MB/s,
// CPU with its spread over the runs, peak RSS, the time to merely read and sha256 the same files, the stage breakdown, PASS/FAIL
// against the issue's targets, the Python extractor's agreement with CPython's ast, and the JS/TS
// module scan's agreement with oxc-parser. --against BUILD (a folder with bin/, dist/ and
// scripts/bench/, e.g. a snapshot of main) also scans each corpus with that build and this one in
// alternating pairs and prints both medians and how many pairs this build went lower: the way to
// tell two builds apart on a shared machine, where two benches run one after the other are not.
// Corpora are installed and built by the bench itself under bench/.corpora/ (gitignored) and
// reused by later runs. It reports; it does not gate: the exit code is 0 unless it cannot run.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CORPORA, ensureCorpus } from './bench/corpora.mjs';
import { measureAgainst, measureCorpus } from './bench/measure.mjs';
import { againstLines, agreementTable, speedTable, stageLine, verdicts } from './bench/report.mjs';
import { agreementUnavailable, pythonAgreement } from './bench/agreement.mjs';
import { agreementLine, moduleScanAgreement } from './bench/js-agreement.mjs';
import { compareDuplicates, dupesTable, ensureJscpd } from './bench/dupes.mjs';
import { BenchError, run } from './bench/shell.mjs';

const repo = new URL('..', import.meta.url).pathname;
const USAGE = `usage: npm run bench -- [--corpus NAME[,NAME...]] [--quick] [--runs N] [--against BUILD] [--json FILE] [--workers N] [--no-agreement] [--no-dupes] [--no-trace] [--no-mcp]
corpora: ${CORPORA.map((c) => `${c.name}${c.optional ? ' (by name only)' : ''}`).join(', ')}`;

const log = (message) => process.stderr.write(`bench: ${message}\n`);

const options = () => {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      quick: { type: 'boolean' },
      runs: { type: 'string' },
      against: { type: 'string' },
      json: { type: 'string' },
      workers: { type: 'string' },
      'no-agreement': { type: 'boolean' },
      'no-dupes': { type: 'boolean' },
      'no-trace': { type: 'boolean' },
      'no-mcp': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const names = (values.corpus ?? []).flatMap((c) => c.split(',')).filter(Boolean);
  const unknown = names.filter((n) => !CORPORA.some((c) => c.name === n));
  if (unknown.length > 0) throw new BenchError(`unknown corpus ${unknown.join(', ')}\n${USAGE}`);
  const workers = values.workers === undefined ? 0 : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new BenchError(`--workers wants a whole number, got ${values.workers}`);
  const runs = values.runs === undefined ? (values.quick === true ? 1 : 5) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new BenchError(`--runs wants a whole number from 1, got ${values.runs}`);
  if (values.against !== undefined && !existsSync(`${values.against}/scripts/bench/child.mjs`)) throw new BenchError(`--against wants a build folder holding scripts/bench/child.mjs, got ${values.against}`);
  return {
    // optional corpora (the whole django and ansible packages, the 100k-file scale run) only by name
    corpora: names.length === 0 ? CORPORA.filter((c) => !c.optional) : CORPORA.filter((c) => names.includes(c.name)),
    named: names.length > 0,
    quick: values.quick === true,
    runs,
    against: values.against,
    json: values.json,
    workers,
    agreement: values['no-agreement'] !== true,
    dupes: values['no-dupes'] !== true,
    trace: values['no-trace'] !== true,
    mcp: values['no-mcp'] !== true,
  };
};

const main = async () => {
  const opts = options();
  if (!existsSync(new URL('../dist/src/pipeline.js', import.meta.url))) throw new BenchError('dist/src/pipeline.js not found: run `npm run build` first');
  // The child processes load the bundle, as bin/census.js does; one older than tsc's last build is stale.
  const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (process.env.CENSUS_BENCH_BUILD !== 'src' && mtime('../dist/bundle/pipeline.js') < mtime('../dist/.tsbuildinfo')) {
    throw new BenchError('dist/bundle is missing or older than the last tsc build: run `npm run build` first');
  }
  const { isInDefaultExcludedDir } = await import(new URL('../dist/src/discover/excludes.js', import.meta.url).href);
  const ctx = { corporaDir: `${repo}bench/.corpora`, tsInstallDir: `${repo}bench/.corpora/ts-install`, isInDefaultExcludedDir, log };
  const { runs } = opts;
  const machine = { node: process.version, platform: `${process.platform} ${process.arch}`, cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown' };

  const builtCorpora = opts.corpora.map((corpus) => ({ corpus, built: ensureCorpus(corpus, ctx) }));
  const loadBefore = loadavg()[0];
  const results = [];
  for (const { corpus, built } of builtCorpora) {
    log(`${corpus.name}: ${built.files.toLocaleString('en-US')} files, ${(built.bytes / 1e6).toFixed(1)} MB`);
    const measured = measureCorpus(built.dir, { runs, warmup: !opts.quick, workers: opts.workers, log });
    results.push({ name: corpus.name, language: corpus.language, about: corpus.about, from: built.from, dir: built.dir, target: corpus.target, ...measured });
  }
  const against = [];
  if (opts.against !== undefined) {
    for (const r of results) {
      log(`${r.name}: against ${opts.against}, ${runs} alternating pairs`);
      against.push({ name: r.name, ...measureAgainst(r.dir, opts.against, { pairs: runs, workers: opts.workers, log }) });
    }
  }
  const loadAfter = loadavg()[0];

  const agreements = [];
  let agreementNote = null;
  const pythonResults = results.filter((r) => r.language === 'python');
  if (opts.agreement && pythonResults.length > 0) {
    // Needs scripts/python-ast-imports.py, python3 and the built Python extractor; without them
    // the bench says which is missing and reports the rest.
    agreementNote = agreementUnavailable();
    if (agreementNote === null) {
      for (const r of pythonResults) {
        log(`${r.name}: comparing the Python extractor with CPython ast`);
        agreements.push({ name: r.name, a: await pythonAgreement(r.dir) });
      }
    }
  }

  const jsAgreements = [];
  if (opts.agreement) {
    for (const r of results.filter((x) => x.language === 'typescript' || x.language === 'javascript')) {
      log(`${r.name}: comparing the module scan with oxc-parser`);
      jsAgreements.push({ name: r.name, a: await moduleScanAgreement([r.dir]) });
    }
  }

  const dupes = [];
  const dupesNotes = []; // why a corpus, or the whole part, was not compared
  if (opts.dupes) {
    // By default the target-sized corpora only (jscpd takes minutes on the whole ansible
    // package); every corpus named with --corpus is compared too.
    const compared = results.filter((x) => x.target || opts.named);
    let jscpd = null;
    try {
      if (compared.length > 0) jscpd = ensureJscpd(ctx.corporaDir, log);
    } catch (e) {
      if (!(e instanceof BenchError)) throw e;
      dupesNotes.push(e.message.split('\n')[0]); // npm's own output is in the log line on stderr
      log(`duplicates skipped: ${e.message}`);
    }
    for (const r of jscpd === null ? [] : compared) {
      log(`${r.name}: census dupes beside jscpd`);
      try {
        dupes.push(compareDuplicates(r, { jscpd, runs }));
      } catch (e) {
        if (!(e instanceof BenchError)) throw e;
        log(`${r.name}: duplicates skipped: ${e.message}`);
        dupesNotes.push(`${r.name}: ${e.message.split('\n')[0]}`);
      }
    }
  }

  const header = `census bench: Node ${machine.node}, ${machine.platform}, ${machine.cores} cores (${machine.cpu}); ${runs === 1 ? '1 run' : `median of ${runs} runs`}${opts.quick ? '' : ' after a warm-up'}, ${opts.workers > 0 ? `${opts.workers} workers` : 'default workers'}`;
  console.log(`\n${header}`);
  // Other work on the machine steals cores from the workers: say so beside the figures.
  // (the bench's own runs raise the figure after; the one before tells whether others were busy)
  const busy = loadBefore > machine.cores / 2;
  console.log(`load average (1 min) before measuring ${loadBefore.toFixed(2)}, after ${loadAfter.toFixed(2)}${busy ? ': other work was running, figures are pessimistic' : ''}\n`);
  console.log(speedTable(results));
  console.log('\nwall = a whole census process (Node start, load, scan, Audit JSON text); scan() = the pipeline alone;');
  console.log('CPU = user + system time of that process, all threads (on an idle machine wall is about CPU / cores at best; on a shared machine CPU is the figure to compare);');
  console.log('CPU range = the lowest and highest run; probe = CPU ms of a fixed job (scripts/bench/probe.mjs) before each run: when it moves, the machine ran slower, not census;');
  console.log('read+hash = one thread reading and sha256-hashing the same files; census / floor = scan() / read+hash.\n');
  console.log('Stages, medians over the runs (wall ms / CPU ms of the whole process during the stage, and the CPU range):');
  for (const r of results) console.log(`  ${stageLine(r)}`);
  if (against.length > 0) {
    console.log(`\nThis build against ${opts.against}, ${runs} alternating pairs (ABBA) per corpus, process CPU and stage CPU medians:`);
    for (const a of against) for (const line of againstLines(a)) console.log(`  ${line}`);
  }
  console.log('\nCorpora:');
  for (const r of results) console.log(`  ${r.name}: ${r.about}; languages: ${r.languages.join(', ')}; ${r.edges.toLocaleString('en-US')} edges, ${r.warnings.toLocaleString('en-US')} warnings`);
  if (agreements.length > 0) {
    console.log('\nPython extractor vs CPython ast (every .py file of each corpus; "agree %" = ast imports census reproduces exactly):\n');
    console.log(agreementTable(agreements));
    for (const { name, a } of agreements) {
      if (a.examples.length === 0) continue;
      console.log(`\nfirst disagreements in ${name}:`);
      for (const e of a.examples) console.log(`  ${e}`);
    }
  } else if (agreementNote !== null) {
    console.log(`\nPython extractor agreement: not run (${agreementNote}).`);
  }
  if (jsAgreements.length > 0) {
    console.log('\nJS/TS module scan vs oxc-parser (every JS/TS file of each corpus):');
    for (const { name, a } of jsAgreements) {
      console.log(`  ${name}: ${agreementLine(a)}`);
      for (const e of a.examples) console.log(`    disagrees: ${e.file} (${e.fields.map((f) => f.field).join(', ')})`);
    }
  }

  if (dupes.length > 0) {
    console.log('\nDuplicates: census dupes (median, fresh process) beside jscpd (one run) on the same files.');
    console.log('jscpd counts block clones (pairs of line ranges); census counts clusters of six kinds: not the same unit.');
    console.log('jscpd runs with its defaults (clones of 5+ lines and 50+ tokens; files over 1,000 lines or 100 kB are left out, hence "jscpd files").\n');
    console.log(dupesTable(dupes));
  }
  for (const note of dupesNotes) console.log(`\nDuplicates vs jscpd: not run (${note}).`);

  if (opts.trace) {
    // What census trace adds to a traced command: its own script, so it can also be run alone.
    log('census trace overhead');
    try {
      const overhead = run(process.execPath, [new URL('./measure-trace-overhead.mjs', import.meta.url).pathname], { timeoutMs: 600_000, env: opts.quick ? { RUNS: '3' } : {} });
      console.log(`\nTracing overhead (scripts/measure-trace-overhead.mjs, median of ${opts.quick ? 3 : 5} runs):\n${overhead.trimEnd()}`);
    } catch (e) {
      if (!(e instanceof BenchError)) throw e;
      log(`tracing overhead: ${e.message}`);
      console.log(`\nTracing overhead: not measured (${e.message.split('\n')[0]}).`);
    }
  }

  if (opts.mcp && results.length > 0) {
    // census mcp's first and warm answers on the same corpora: its own script, so it can also be run alone.
    log('census mcp latency');
    try {
      const latency = run(process.execPath, [new URL('./measure-mcp-latency.mjs', import.meta.url).pathname, ...results.map((r) => r.dir)], { timeoutMs: 3_600_000, env: opts.quick ? { RUNS: '5' } : {} });
      console.log(`\ncensus mcp answers (scripts/measure-mcp-latency.mjs, a fresh server per corpus):\n${latency.trimEnd()}`);
    } catch (e) {
      if (!(e instanceof BenchError)) throw e;
      log(`census mcp latency: ${e.message}`);
      console.log(`\ncensus mcp latency: not measured (${e.message.split('\n')[0]}).`);
    }
  }

  if (opts.json) {
    const report = {
      machine,
      loadAverage: { before: loadBefore, after: loadAfter },
      runs,
      warmup: !opts.quick,
      against,
      corpora: results.map(({ stagesScanMs, ...r }) => ({ ...r, verdicts: verdicts(r) })),
      agreement: agreements.map(({ name, a }) => ({ name, ...a })),
      moduleScanAgreement: jsAgreements.map(({ name, a }) => ({ name, ...a })),
      dupes,
      dupesNotes,
    };
    writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${opts.json}`);
  }
};

try {
  await main();
} catch (e) {
  if (!(e instanceof BenchError)) throw e;
  console.error(`bench: ${e.message}`);
  process.exit(1);
}

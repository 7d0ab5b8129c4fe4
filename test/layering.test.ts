/**
 * The architecture's layering, as executable rules checked with census's own import graph
 * (census audits itself). Each rule: files matching `from` may not import what `forbidden` says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edge } from '../src/model/edge.js';
import { REPO_ROOT } from './helpers/fixtures.js';
import { scanDir } from './helpers/scan-fixture.js';

interface Rule {
  name: string;
  from: RegExp;
  /** Allowed exceptions among `from` files. */
  except?: RegExp;
  forbidden: (edge: Edge) => boolean;
}

const toRepo = (edge: Edge, pattern: RegExp) => edge.to !== null && pattern.test(edge.to);
const builtin = (edge: Edge, names: string[]) => edge.unresolved === 'builtin' && names.includes(edge.specifier.replace(/^node:/, ''));

const RULES: Rule[] = [
  { name: 'reporters see only the model and util', from: /^src\/report\//, forbidden: (e) => e.to !== null && !/^src\/(model|util|report)\//.test(e.to) },
  {
    name: 'manifests/ sits below entries/ and languages/: it sees only the model and util',
    from: /^src\/manifests\//,
    forbidden: (e) => e.to !== null && !/^src\/(model|util|manifests)\//.test(e.to),
  },
  { name: 'the model is types only and depends on nothing else', from: /^src\/model\//, forbidden: (e) => e.to !== null && !/^src\/model\//.test(e.to) },
  { name: 'globs go through util/glob.ts, never picomatch (a dev dependency; its regexes backtrack on hostile patterns)', from: /^src\//, forbidden: (e) => e.specifier === 'picomatch' },
  { name: 'only util/path.ts imports node:path', from: /^src\//, except: /^src\/util\/path\.ts$/, forbidden: (e) => builtin(e, ['path', 'path/posix']) },
  {
    name: 'only discover/, store/, cache/ and util/fs.ts touch the disk directly',
    from: /^src\//,
    except: /^src\/(discover\/|store\/|cache\/|util\/fs\.ts$)/,
    forbidden: (e) => builtin(e, ['fs', 'fs/promises']),
  },
  { name: 'nothing outside cli/ imports the CLI', from: /^src\//, except: /^src\/cli\//, forbidden: (e) => toRepo(e, /^src\/cli\//) },
  { name: 'guardrails/ and config/ are free of the CLI', from: /^src\/(guardrails|config)\//, forbidden: (e) => toRepo(e, /^src\/cli\//) },
  {
    name: 'framework readers sit beside entries/: they see the model, util, manifests, languages, entry types and the command analyser',
    from: /^src\/frameworks\//,
    forbidden: (e) => e.to !== null && !/^src\/(model|util|manifests|languages|commandline|frameworks)\/|^src\/entries\/types\.ts$/.test(e.to),
  },
  {
    // `census --help` and `--version` load these alone; a static import of a command, the pipeline or a reporter here is start-up cost for every run.
    name: 'start-up (cli/main.ts, main-help.ts, commands/index.ts) imports commands and other heavy modules only dynamically',
    from: /^src\/cli\/(main|main-help|commands\/index)\.ts$/,
    forbidden: (e) => e.kind === 'import' && e.to !== null && !/^src\/(cli\/(command|io|suggest|main-help|commands\/index)\.ts|util\/errors\.ts|version\.ts)$/.test(e.to),
  },
  {
    name: 'mcp/ answers from the Audit: it sees the pipeline (and the recorded audit, audit-run.ts), model, util, report, classify, analyses, discover and plan, never the CLI, and never what runs repo code (trace capture, import verification)',
    from: /^src\/mcp\//,
    forbidden: (e) =>
      e.to !== null && (!/^src\/(model|util|report|classify|analyses|discover|mcp|plan)\/|^src\/(pipeline|audit-run|version)\.ts$/.test(e.to) || /^src\/(runtime\/capture|analyses\/imports\/verify)\//.test(e.to)),
  },
  { name: 'src/ never imports tests', from: /^src\//, forbidden: (e) => toRepo(e, /^test\//) },
];

/** One scan of src/ for every test here: it is the slow part. */
let scanned: ReturnType<typeof scanDir> | undefined;
const scanSrc = () => (scanned ??= scanDir(REPO_ROOT, { include: ['src/**'] }));

test('layering rules hold on census\'s own import graph', async () => {
  const { audit } = await scanSrc();
  assert.ok(audit.edges.length > 100, 'the graph of src/ was built');
  const violations: string[] = [];
  for (const rule of RULES) {
    for (const e of audit.edges) {
      if (!rule.from.test(e.from) || rule.except?.test(e.from)) continue;
      if (rule.forbidden(e)) violations.push(`${rule.name}: ${e.from}:${e.line} imports ${e.to ?? e.specifier}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('every src file starts with a comment that says what it is for', async () => {
  const { audit } = await scanSrc();
  const bare = audit.files
    .filter((f) => /\.(ts|js)$/.test(f.path))
    .filter((f) => !/^\s*(\/\*|\/\/)/.test(readFileSync(join(REPO_ROOT, f.path), 'utf8')))
    .map((f) => f.path);
  assert.deepEqual(bare, []);
});

test('no console output from src/ outside the CLI', async () => {
  const { audit } = await scanSrc();
  const offenders = audit.files
    .filter((f) => !f.path.startsWith('src/cli/') && /\.(ts|js)$/.test(f.path))
    .filter((f) => /\bconsole\.(log|error|warn|info)\(/.test(readFileSync(join(REPO_ROOT, f.path), 'utf8')))
    .map((f) => f.path);
  assert.deepEqual(offenders, []);
});

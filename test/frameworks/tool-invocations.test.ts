/**
 * invocationsOf (frameworks/js/support.ts): every call of some programs on the known command
 * lines, following package scripts. It is built from each script's segments, found once and
 * shared, walking only the scripts that reach one of the programs, with the chain of script steps
 * made once per step at the top; it must give what the version that copied every call into each
 * level's list (kept here as the reference) gave: the same calls, in the same order, with the
 * same folders, manifests and chains.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chainSteps, invocationsOf, jsPackages, scriptOfRunner, toolInvocations, type JsPackage } from '../../src/frameworks/js/support.js';
import { Manifests } from '../../src/manifests/store.js';
import { isRecord } from '../../src/manifests/json.js';
import { basename, dirname, joinRepo } from '../../src/util/path.js';
import type { FrameworkContext, KnownCommand } from '../../src/frameworks/types.js';
import { assertProperty } from '../helpers/property.js';

// ---- the reference: the walk before segments (copied from support.ts as it was)
interface OldChain {
  step: string;
  rest: OldChain | null;
}
interface OldCall {
  bin: string;
  args: string[];
  cwd: string;
  chain: OldChain | null;
  manifest: string | undefined;
}
const WRAPPERS = new Set(['npx', 'bunx', 'cross-env', 'dotenv', 'env', 'time', 'nohup', 'exec', 'node_modules/.bin']);
const words = (segment: string): string[] => segment.trim().split(/\s+/).filter((w) => w !== '').map((w) => w.replace(/^["']|["']$/g, ''));

const referenceByBin = (ctx: FrameworkContext): Map<string, { command: KnownCommand; call: OldCall; order: number }[]> => {
  const memo = new Map<string, OldCall[]>();
  const byDir = new Map(jsPackages(ctx).map((p) => [p.dir, p]));
  const nearestPackage = (dir: string): JsPackage[] => {
    for (let d = dir; ; d = dirname(d)) {
      const p = byDir.get(d);
      if (p) return [p];
      if (d === '') return [];
    }
  };
  const invocations = (text: string, cwd: string, step: string | null, depth: number, out: OldCall[], manifest?: string): void => {
    const key = `${depth}\0${cwd}\0${manifest ?? ''}\0${text}`;
    let calls = memo.get(key);
    if (!calls) {
      calls = [];
      invocationsOf(text, cwd, depth, calls, manifest);
      memo.set(key, calls);
    }
    for (const call of calls) out.push(step === null ? call : { bin: call.bin, args: call.args, cwd: call.cwd, chain: { step, rest: call.chain }, manifest: call.manifest });
  };
  const invocationsOf = (text: string, cwd: string, depth: number, out: OldCall[], manifest?: string): void => {
    if (depth > 4) return;
    let dir = cwd;
    for (const segment of text.split(/&&|\|\||;|\||\n/)) {
      let w = words(segment);
      while (w.length > 0 && (/^\w+=/.test(w[0]) || WRAPPERS.has(w[0]) || w[0] === '--')) w = w.slice(1);
      if (w.length > 0 && (w[0] === 'pnpm' || w[0] === 'yarn') && (w[1] === 'exec' || w[1] === 'dlx')) w = w.slice(2);
      if (w.length === 0) continue;
      if (w[0] === 'cd' && w[1]) {
        dir = joinRepo(dir, w[1]) ?? dir;
        continue;
      }
      const bin = basename(w[0]);
      const args = w.slice(1);
      const runner = scriptOfRunner(bin, args);
      if (runner) {
        for (const pkg of runner.all ? jsPackages(ctx) : nearestPackage(dir)) {
          const scripts = isRecord(pkg.json.scripts) ? pkg.json.scripts : {};
          const body = scripts[runner.script];
          if (typeof body !== 'string') continue;
          invocations(body, pkg.dir, `${pkg.manifest} script "${runner.script}": ${body}`, depth + 1, out, pkg.manifest);
        }
        continue;
      }
      out.push({ bin, args, cwd: dir, chain: null, manifest: manifest || undefined });
    }
  };
  const byBin = new Map<string, { command: KnownCommand; call: OldCall; order: number }[]>();
  let order = 0;
  for (const command of ctx.commands) {
    const calls: OldCall[] = [];
    invocations(command.command, command.cwd, null, 0, calls);
    for (const call of calls) {
      let list = byBin.get(call.bin);
      if (!list) byBin.set(call.bin, (list = []));
      list.push({ command, call, order: order++ });
    }
  }
  return byBin;
};

const oldSteps = (chain: OldChain | null): string[] => {
  const steps: string[] = [];
  for (let link = chain; link !== null; link = link.rest) steps.push(link.step);
  return steps;
};

// ---- repos of a few packages whose scripts call each other
const SEGMENTS = ['tsc -p .', 'turbo run build', 'pnpm build', 'npm run test', 'yarn dev', 'pnpm -r test', 'npm start', 'cd a', 'cd ..', 'cd b/c', 'FOO=1 node x.js', 'npx swc src', 'pnpm exec tsc', 'cross-env A=1 vitest run', '', 'pnpm --filter web dev', 'lerna run build'];
const script = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }).chain((segs) => fc.array(fc.constantFrom(' && ', '; ', ' | ', '\n', ' || '), { minLength: segs.length - 1, maxLength: segs.length - 1 }).map((seps) => segs.map((s, i) => `${s}${seps[i] ?? ''}`).join('')));
const DIRS = ['', 'a', 'a/b', 'b/c', 'web'];
const repo = fc.record({
  packages: fc.subarray(DIRS, { minLength: 1 }).chain((dirs) => fc.tuple(...dirs.map((dir) => fc.record({ dir: fc.constant(dir), scripts: fc.dictionary(fc.constantFrom('build', 'test', 'dev', 'start'), script, { maxKeys: 4 }) })))),
  commands: fc.array(fc.record({ command: script, cwd: fc.constantFrom(...DIRS) }), { maxLength: 6 }),
});

const contextOf = (packages: { dir: string; scripts: Record<string, string> }[], commands: { command: string; cwd: string }[]): FrameworkContext => {
  const texts = new Map(packages.map((p) => [p.dir === '' ? 'package.json' : `${p.dir}/package.json`, JSON.stringify({ name: p.dir || 'root', scripts: p.scripts })]));
  const manifests = new Manifests({ files: new Set(texts.keys()), readText: (path) => texts.get(path) ?? null });
  return {
    files: manifests.files,
    readText: manifests.text,
    manifests,
    facts: () => undefined,
    commands: commands.map((c, i) => ({ ...c, kind: i % 2 ? 'production' : 'tooling', source: `ci${i}.yml`, evidence: `CI step ${i}` })),
    entries: [],
    module: () => [],
  };
};

type Listed = { command: KnownCommand; call: { bin: string; args: string[]; cwd: string; manifest: string | undefined } };
const comparable = (list: readonly Listed[], steps: (call: never) => string[]) =>
  list.map(({ command, call }) => ({ command: command.source, bin: call.bin, args: call.args, cwd: call.cwd, manifest: call.manifest, steps: steps(call as never) }));

/** The reference's calls of some programs, in the order of its walk over every call. */
const referenceOf = (byBin: ReturnType<typeof referenceByBin>, bins: readonly string[]): Listed[] =>
  [...new Set(bins)].flatMap((bin) => byBin.get(bin) ?? []).sort((a, b) => a.order - b.order);

const BINS = ['tsc', 'turbo', 'node', 'swc', 'vitest', 'lerna', 'pnpm', 'x.js'];

test('invocationsOf: the same calls, order, folders and chains as the copying walk, for any scripts and programs', () => {
  assertProperty(
    fc.property(repo, fc.array(fc.subarray(BINS, { minLength: 1 }), { minLength: 1, maxLength: 4 }), ({ packages, commands }, asks) => {
      const ctx = contextOf(packages, commands);
      const reference = referenceByBin(contextOf(packages, commands));
      // every program on its own, then sets of them (a memo per set: asked twice, the same answer)
      for (const bins of [...[...reference.keys()].map((bin) => [bin]), ...asks, ...asks]) {
        const got = comparable(invocationsOf(ctx, bins), (call: { chain: Parameters<typeof chainSteps>[0] }) => chainSteps(call.chain));
        const want = comparable(referenceOf(reference, bins), (call: OldCall) => oldSteps(call.chain));
        assert.deepEqual(got, want, bins.join(' '));
      }
    }),
    { numRuns: 800 },
  );
});

test('invocationsOf: a turbo fan-out through two scripts keeps its chain, outermost first', () => {
  const ctx = contextOf(
    [
      { dir: '', scripts: { all: 'turbo run build' } },
      { dir: 'a', scripts: { build: 'pnpm compile', compile: 'tsc -p . && swc src' } },
    ],
    [{ command: 'pnpm all', cwd: '' }],
  );
  const tsc = invocationsOf(ctx, ['tsc']);
  assert.equal(tsc.length, 1);
  assert.deepEqual(chainSteps(tsc[0].call.chain), ['package.json script "all": turbo run build', 'a/package.json script "build": pnpm compile', 'a/package.json script "compile": tsc -p . && swc src']);
  assert.equal(tsc[0].call.cwd, 'a');
  assert.equal(tsc[0].call.manifest, 'a/package.json');
  // toolInvocations names the innermost script as the evidence
  assert.deepEqual(toolInvocations(ctx, ['swc']).map((i) => i.evidence), ['a/package.json script "compile": tsc -p . && swc src']);
});

test('invocationsOf: nyc and c8 run the command after their options (ghost-cli: nyc --reporter=html mocha … test)', () => {
  const ctx = contextOf(
    [{ dir: '', scripts: { test: 'nyc --reporter=html --reporter=text mocha -t 5000 --recursive test/unit extensions/**/test', cover: 'c8 -r lcov --include src/x.js -- vitest run', report: 'nyc report --reporter=text-lcov | coveralls' } }],
    [
      { command: 'npm test', cwd: '' },
      { command: 'npm run cover', cwd: '' },
      { command: 'npm run report', cwd: '' },
    ],
  );
  const mocha = invocationsOf(ctx, ['mocha']);
  assert.deepEqual(mocha.map((i) => i.call.args), [['-t', '5000', '--recursive', 'test/unit', 'extensions/**/test']]);
  // c8's option values are its own, not the runner's (src/x.js is not a test file), and `--` ends them
  assert.deepEqual(invocationsOf(ctx, ['vitest']).map((i) => i.call.args), [['run']]);
  // a report subcommand runs nothing: not a call of `report`, nor of nyc
  assert.deepEqual(invocationsOf(ctx, ['report', 'nyc', 'c8']), []);
});

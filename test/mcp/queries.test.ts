/**
 * The answers of census mcp's tools, computed in-process on the small fixture: impact (reverse
 * reachability), listing and paging, path checks, imports and duplicates filters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Audit } from '../../src/model/audit.js';
import { impactOf } from '../../src/mcp/impact.js';
import { listFiles, page } from '../../src/mcp/listing.js';
import { censusFile, censusPath, repoPathOf, ToolError } from '../../src/mcp/paths.js';
import { dupesOf, fileOf, importsOf, summaryOf, whyOf } from '../../src/mcp/queries.js';
import { expectedFor, standaloneFixture } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

let scanned: Promise<{ audit: Audit; rootAbs: string }> | undefined;
const small = () => (scanned ??= scanDir(standaloneFixture('test/fixtures/mcp/small'), { duplicates: {} }));

test('impact of a file, of a folder, and of a file nothing reaches', async () => {
  const { audit } = await small();
  const actual = {
    lib: impactOf(audit, 'src/lib.js', false),
    src: impactOf(audit, 'src', true),
    format: impactOf(audit, 'src/format.js', false),
  };
  assert.deepEqual(actual, expectedFor('mcp', 'small', actual));
  // Not trivially empty: lib.js is reached by the production CLI and the build script.
  assert.deepEqual(actual.lib.dependents.map((d) => d.file), ['scripts/build.js', 'src/cli.js']);
  assert.deepEqual(actual.lib.entryPoints.first.map((e) => e.kind), ['production', 'tooling']);
  assert.equal(actual.lib.mentionCount, 1);
  assert.deepEqual(actual.lib.mentionedIn.map((m) => m.file), ['docs/usage.md']);
  // A folder's own files are not its dependents.
  assert.ok(actual.src.dependents.every((d) => !d.file.startsWith('src/')));
  assert.equal(actual.format.dependents.length, 0);
});

test('impact follows chains: distance grows with each hop, nearest first', () => {
  const edge = (from: string, to: string) => ({ from, to, kind: 'import' as const, line: 1, specifier: to, names: [], guard: null });
  const file = (path: string) => ({ path, language: 'python' as const, bytes: 1, lines: 1, codeLines: 1, hash: '', executable: false });
  const audit = {
    files: ['a.py', 'b.py', 'c.py', 'd.py', 'e.py'].map(file),
    edges: [edge('b.py', 'a.py'), edge('c.py', 'b.py'), edge('d.py', 'c.py'), edge('d.py', 'a.py'), edge('a.py', 'e.py'), edge('e.py', 'a.py')],
    entries: [{ file: 'd.py', kind: 'production' as const, detector: 'x', source: 'Procfile', evidence: 'Procfile web: python d.py' }],
  } as unknown as Audit;
  const impact = impactOf(audit, 'a.py', false);
  assert.deepEqual(
    impact.dependents.map((d) => [d.file, d.distance, d.via.to]),
    [
      ['b.py', 1, 'a.py'],
      ['d.py', 1, 'a.py'],
      ['e.py', 1, 'a.py'],
      ['c.py', 2, 'b.py'],
    ],
  );
  assert.equal(impact.direct, 3);
  assert.deepEqual(impact.entryPoints.first.map((e) => e.file), ['d.py']);
});

test('listing filters by verdict, folder and language, and pages with nextOffset', async () => {
  const { audit } = await small();
  assert.deepEqual(listFiles(audit, { verdict: 'dead' }).map((f) => f.path), ['src/format.js', 'src/old/lib.js']);
  assert.deepEqual(listFiles(audit, { folder: 'scripts' }).map((f) => f.path), ['scripts/build.js', 'scripts/oneoff.py']);
  assert.deepEqual(listFiles(audit, { language: 'python' }).map((f) => [f.path, f.verdict]), [['scripts/oneoff.py', 'manual']]);
  const all = listFiles(audit, {});
  assert.equal(all.length, audit.files.length);
  const first = page(all, 0, 3);
  assert.deepEqual([first.total, first.items.length, first.nextOffset], [all.length, 3, 3]);
  const pages = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const p: ReturnType<typeof page> = page(all, offset, 3);
    pages.push(...p.items);
    offset = p.nextOffset;
  }
  assert.deepEqual(pages, all);
  assert.equal(page(all, 100, 3).items.length, 0);
  assert.equal(page(all, 0, 5000).limit, 1000);
});

test('paths: relative, ./, absolute inside; outside the repo, unknown and folders are tool errors', async () => {
  const { audit, rootAbs } = await small();
  assert.equal(censusFile(audit, rootAbs, './src/lib.js'), 'src/lib.js');
  assert.equal(censusFile(audit, rootAbs, join(rootAbs, 'src/lib.js')), 'src/lib.js');
  assert.equal(repoPathOf(rootAbs, 'src/'), 'src');
  assert.equal(repoPathOf(rootAbs, '.'), '');
  assert.throws(() => censusFile(audit, rootAbs, '../outside.js'), (e: Error) => e instanceof ToolError && /outside the repository/.test(e.message));
  assert.throws(() => censusFile(audit, rootAbs, '/etc/passwd'), (e: Error) => e instanceof ToolError && /outside the repository/.test(e.message));
  assert.throws(() => censusFile(audit, rootAbs, 'src/nope.js'), (e: Error) => e instanceof ToolError && /not in the census/.test(e.message));
  assert.throws(() => censusFile(audit, rootAbs, 'lib.js'), (e: Error) => e instanceof ToolError && /did you mean src\/lib\.js, src\/old\/lib\.js/.test(e.message));
  assert.throws(() => censusFile(audit, rootAbs, 'src'), (e: Error) => e instanceof ToolError && /is a folder/.test(e.message));
  assert.deepEqual(censusPath(audit, rootAbs, 'src/old'), { path: 'src/old', folder: true });
  // The root reached through a link: its real path is inside too.
  const link = join(mkdtempSync(join(tmpdir(), 'census-mcp-link-')), 'repo');
  symlinkSync(rootAbs, link);
  try {
    assert.equal(repoPathOf(link, join(rootAbs, 'src/lib.js')), 'src/lib.js');
    assert.equal(repoPathOf(link, join(link, 'src/lib.js')), 'src/lib.js');
  } finally {
    rmSync(dirname(link), { recursive: true, force: true });
  }
  assert.throws(() => censusPath(audit, rootAbs, 'nowhere'), ToolError);
});

test('file, why, summary, imports and duplicates answers', async () => {
  const { audit } = await small();
  const lib = fileOf(audit, 'src/lib.js');
  assert.equal(lib.file.verdict, 'production');
  assert.deepEqual(lib.importers.map((e) => [e.from, e.kind]), [['docs/usage.md', 'doc-mention'], ['scripts/build.js', 'import'], ['src/cli.js', 'import']]);
  assert.deepEqual(lib.duplicates?.map((c) => c.kind), ['exact']);
  assert.equal(lib.runtime, null);
  const cli = fileOf(audit, 'src/cli.js');
  assert.deepEqual(cli.failingImports.map((f) => [f.specifier, f.bucket]), [['./missing.js', 'broken-internal']]);
  assert.deepEqual(cli.entryPoints.map((e) => e.kind), ['production']);

  const why = whyOf(audit, 'src/lib.js', 20);
  // scripts/build.js is an npm script (tooling) and a Node script that runs at load time (manual): a chain each.
  assert.deepEqual(why.chains.map((c) => c.tier).sort(), ['documented', 'manual', 'production', 'tooling']);
  assert.equal(why.truncated, false);
  assert.equal(whyOf(audit, 'src/lib.js', 1).truncated, true);
  assert.deepEqual(whyOf(audit, 'src/format.js', 20).chains, []);

  const summary = summaryOf(audit);
  assert.deepEqual([summary.verdicts.production, summary.verdicts.dead, summary.realBreakages, summary.entryPoints.total], [2, 2, 1, 2]);

  assert.equal(importsOf(audit, {}).realBreakages.length, 1);
  assert.equal(importsOf(audit, { bucket: 'undeclared' }).findings.length, 0);
  assert.equal(importsOf(audit, { path: 'scripts', folder: true }).findings.length, 0);
  assert.deepEqual(importsOf(audit, { path: 'src/cli.js', folder: false }).rootCauses.map((c) => c.bucket), ['broken-internal']);

  const clusters = audit.duplicates!.clusters;
  assert.equal(dupesOf(clusters, 'src/old', true).length, 1);
  assert.equal(dupesOf(clusters, 'scripts', true).length, 0);
  assert.equal(dupesOf(clusters, 'src/lib.js', false, 'near').length, 0);
});

/**
 * Duplicates: each fixture under test/fixtures/duplicates/<case>/ is read from disk, every source
 * file fingerprinted, findDuplicates run, and the clusters compared with <case>.expected.json.
 * Unit tests below pin the pieces the fixtures cannot show on their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { FileRecord } from '../../src/model/file.js';
import type { DuplicatesReport } from '../../src/model/duplicates.js';
import { fingerprintFile, normalizedContentHash, DEFAULT_FINGERPRINT_OPTIONS, type FileFingerprint } from '../../src/analyses/duplicates/fingerprint.js';
import { findDuplicates, DEFAULT_DUPLICATES_OPTIONS } from '../../src/analyses/duplicates/find.js';
import { buildCandidateIndex } from '../../src/analyses/duplicates/candidates.js';
import { chooseKeeper } from '../../src/analyses/duplicates/keeper.js';
import { renderDuplicatesMarkdown } from '../../src/report/duplicates-markdown.js';
import { renderDuplicatesTerminal } from '../../src/report/duplicates-terminal.js';
import { expectedFor, fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { loadDuplicatesFixture } from './duplicates-fixture.js';

for (const name of fixtureCases('duplicates')) {
  test(`duplicates fixture ${name}`, () => {
    const actual = findDuplicates(loadDuplicatesFixture(name));
    assert.deepEqual(actual, expectedFor('duplicates', name, actual));
  });
}

test('every kind has a fixture that produces it', () => {
  const kindsOf = (name: string) => new Set(findDuplicates(loadDuplicatesFixture(name)).map((c) => c.kind));
  assert.deepEqual([...kindsOf('exact-copies')], ['exact']);
  assert.deepEqual([...kindsOf('renamed-copy')], ['renamed']);
  assert.deepEqual([...kindsOf('same-name-diverged')], ['same-name']);
  assert.deepEqual([...kindsOf('near-copies')], ['near']);
  assert.deepEqual([...kindsOf('block-clone')], ['block']);
  assert.deepEqual([...kindsOf('cross-language-overlap')], ['overlap']);
  assert.deepEqual([...kindsOf('seed-ml-and-sync')], ['exact', 'renamed', 'same-name', 'near', 'block', 'overlap']);
});

/** A golden text file beside the fixture; CENSUS_UPDATE_FIXTURES=1 rewrites it (review the diff). */
const golden = (file: string, actual: string): string => {
  const path = fixturePath('duplicates', file);
  if (process.env.CENSUS_UPDATE_FIXTURES === '1') writeFileSync(path, actual);
  return readFileSync(path, 'utf8');
};

const seedReport = (): DuplicatesReport => {
  const input = loadDuplicatesFixture('seed-ml-and-sync');
  return { clusters: findDuplicates(input), options: DEFAULT_DUPLICATES_OPTIONS, filesCompared: input.fingerprints.size };
};

test('markdown view of the seed fixture', () => {
  const md = renderDuplicatesMarkdown(seedReport());
  assert.equal(md, golden('seed-ml-and-sync.report.md', md));
});

test('terminal view of the seed fixture (no colour)', () => {
  const text = renderDuplicatesTerminal(seedReport(), { color: false });
  assert.equal(text, golden('seed-ml-and-sync.report.txt', text));
  assert.doesNotMatch(text, /\x1b\[/);
});

// --- fingerprints -------------------------------------------------------------------------------

const record = (path: string, extra: Partial<FileRecord> = {}): FileRecord => ({
  path,
  language: path.endsWith('.py') ? 'python' : path.endsWith('.sh') ? 'shell' : path.endsWith('.ts') ? 'typescript' : 'javascript',
  bytes: 0,
  lines: 0,
  codeLines: 0,
  hash: '',
  executable: false,
  ...extra,
});

const run = (sources: Record<string, string>, options: { abstractIdentifiers?: boolean; minBlockTokens?: number } = {}) => {
  const fingerprints = new Map<string, FileFingerprint>();
  const files = Object.keys(sources).map((path) => record(path));
  for (const f of files) fingerprints.set(f.path, fingerprintFile(f.path, sources[f.path], f.language, { ...DEFAULT_FINGERPRINT_OPTIONS, abstractIdentifiers: options.abstractIdentifiers ?? false }));
  return findDuplicates({ files, fingerprints, options });
};

test('the normalised hash ignores line endings, trailing whitespace and a BOM, but not indentation', () => {
  const base = normalizedContentHash('def f():\n    return 1\n');
  assert.equal(normalizedContentHash('\uFEFFdef f():  \r\n    return 1\r\n\r\n'), base);
  assert.notEqual(normalizedContentHash('def f():\n  return 1\n'), base);
});

test('comments and blank lines do not change the tokens', () => {
  const a = fingerprintFile('a.py', 'x = load(path)  # the input\n\n\ny = x + 1\n', 'python');
  const b = fingerprintFile('b.py', '# setup\nx = load(path)\ny = x + 1  # add one\n', 'python');
  assert.deepEqual([...a.tokenHashes], [...b.tokenHashes]);
  assert.notEqual(a.normalizedHash, b.normalizedHash);
});

test('the line map follows multi-line strings, templates and heredocs', () => {
  const py = fingerprintFile('a.py', '"""doc\n\nstring"""\nvalue = 1\n', 'python');
  assert.deepEqual([...py.lineNumbers], [1, 3, 4]);
  const js = fingerprintFile('a.js', 'const t = `a\n${b}\nc`;\nconst r = /x\\/y/g;\n', 'javascript');
  assert.deepEqual([...js.lineNumbers], [1, 2, 3, 4]);
  const sh = fingerprintFile('a.sh', 'cat <<EOF\nbody\nEOF\necho done # not code\n', 'shell');
  assert.deepEqual([...sh.lineNumbers], [1, 2, 4]);
});

test('a multi-line string counts one token per non-blank line', () => {
  const short = fingerprintFile('a.py', 'x = """one"""\n', 'python');
  const long = fingerprintFile('a.py', 'x = """one\n\n  two\nthree"""\n', 'python');
  assert.equal(long.tokens - short.tokens, 2);
});

const ORDERS = `
def total_for(orders, currency):
    amount = 0
    for order in orders:
        if order.currency == currency and order.status != "cancelled":
            amount += order.quantity * order.unit_price - order.discount
    return round(amount, 2)


def report(orders):
    for currency in sorted({order.currency for order in orders}):
        print(currency, total_for(orders, currency))
`;

test('with abstracted identifiers, a copy with renamed variables is a near-duplicate', () => {
  const renamed = ORDERS.replace(/orders/g, 'rows').replace(/order/g, 'row').replace(/amount/g, 'acc').replace(/total_for/g, 'sum_rows');
  const plain = run({ 'billing/order_totals.py': ORDERS, 'reports/row_sums.py': renamed });
  assert.equal(plain.filter((c) => c.kind === 'near').length, 0);
  const abstracted = run({ 'billing/order_totals.py': ORDERS, 'reports/row_sums.py': renamed }, { abstractIdentifiers: true });
  assert.deepEqual(abstracted.map((c) => [c.kind, c.similarity]), [['near', 1]]);
});

test('output does not depend on input order', () => {
  const input = loadDuplicatesFixture('seed-ml-and-sync');
  const reversed = { ...input, files: [...input.files].reverse(), fingerprints: new Map([...input.fingerprints].reverse()) };
  assert.deepEqual(findDuplicates(reversed), findDuplicates(input));
});

test('files below the token floor (empty __init__.py, one-line stubs) never cluster', () => {
  assert.deepEqual(run({ 'a/__init__.py': '', 'b/__init__.py': '', 'a/version.py': 'VERSION = "1.0"\n', 'b/version.py': 'VERSION = "1.0"\n' }), []);
});

// --- the index: sub-quadratic, boilerplate links nothing ----------------------------------------

test('a fingerprint in more files than the limit is boilerplate and creates no candidate pairs', () => {
  const common = Uint32Array.of(7);
  const index = buildCandidateIndex([...Array.from({ length: 60 }, () => common), Uint32Array.of(1, 2), Uint32Array.of(2, 3)], 50);
  assert.ok(index.boilerplate.has(7));
  assert.deepEqual([...index.pairs], [60 * 62 + 61]);
  assert.deepEqual([...index.shared], [1]);
});

test('the index lists each pair once, in key order, with how many fingerprints it shares', () => {
  const index = buildCandidateIndex([Uint32Array.of(1, 5, 9), Uint32Array.of(2, 5), Uint32Array.of(1, 5, 9, 12), Uint32Array.of(12)], 50);
  // 5 is in files 0, 1, 2; 1 and 9 in files 0 and 2; 12 in files 2 and 3.
  assert.deepEqual([...index.pairs], [0 * 4 + 1, 0 * 4 + 2, 1 * 4 + 2, 2 * 4 + 3]);
  assert.deepEqual([...index.shared], [1, 3, 1, 1]);
  assert.equal(index.boilerplate.size, 0);
});

const HELPER = `
def read_rows(path, required):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in required if column not in (reader.fieldnames or [])]
        if missing:
            raise SystemExit(f"{path}: missing columns {', '.join(missing)}")
        for number, row in enumerate(reader, start=2):
            yield number, {key: value.strip() for key, value in row.items()}
`;

const ownCode = (i: number): string => `
def step_${i}(value_${i}):
    result_${i} = [value_${i} * ${i} + offset for offset in range(${i})]
    return sum(result_${i}) - ${i * 3}
`;

test('a block shared by a few files is one cluster with a range in each; the same block in 60 files is boilerplate', () => {
  const few = Object.fromEntries([1, 2, 3].map((i) => [`etl/job_${i}.py`, ownCode(i) + HELPER + ownCode(i + 100)]));
  const blocks = run(few).filter((c) => c.kind === 'block');
  assert.deepEqual(blocks.map((c) => c.ranges), [[1, 2, 3].map((i) => ({ file: `etl/job_${i}.py`, start: 6, end: 13 }))]);
  const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`etl/job_${i}.py`, ownCode(i) + HELPER + ownCode(i + 100)]));
  assert.equal(run(many).filter((c) => c.kind === 'block').length, 0);
});

// --- keeper -------------------------------------------------------------------------------------

test('keeper: production beats a newer copy', () => {
  const choice = chooseKeeper([record('old/a.py', { verdict: 'production', lastChange: '2020-01-01' }), record('a.py', { verdict: 'dead', lastChange: '2025-01-01' })]);
  assert.equal(choice?.keep, 'old/a.py');
  assert.deepEqual(choice?.decidedBy, ['verdict']);
  assert.match(choice!.reason, /reachable from production \(a\.py is dead\)/);
});

test('keeper: with equal verdicts the newest wins; without dates the canonical folder', () => {
  assert.equal(chooseKeeper([record('a/x.py', { lastChange: '2024-01-01' }), record('b/c/x.py', { lastChange: '2025-01-01' })])?.keep, 'b/c/x.py');
  const byFolder = chooseKeeper([record('backup/x.py'), record('tools/deep/x.py'), record('src/x_copy.py')]);
  assert.equal(byFolder?.keep, 'tools/deep/x.py');
  assert.deepEqual(byFolder?.decidedBy, ['archive']);
});

test('keeper: one undated copy (an untracked file) switches the date rule off', () => {
  const choice = chooseKeeper([record('scripts/x.py', { lastChange: '2020-01-01' }), record('lib/deep/x.py')]);
  assert.ok(!choice?.decidedBy.includes('date'));
});

test('keeper for a possible overlap only when a verdict or a date decides', () => {
  assert.equal(chooseKeeper([record('a.py'), record('b.ts')], true), null);
  assert.equal(chooseKeeper([record('a.py', { lastChange: '2024-01-01' }), record('b.ts', { lastChange: '2025-01-01' })], true)?.keep, 'b.ts');
});

test('removal actions name the callers to switch first', () => {
  const input = loadDuplicatesFixture('seed-ml-and-sync');
  const renamed = findDuplicates(input).find((c) => c.kind === 'renamed')!;
  assert.equal(renamed.keep, 'scripts/analyze_dmm_data.js');
  assert.deepEqual(renamed.actions.find((a) => a.file === 'backend/scripts/analyze_dmm_data.js')?.action, 'remove after switching its callers: backend/scripts/nightly_reports.sh');
});

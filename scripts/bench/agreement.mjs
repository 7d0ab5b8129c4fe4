// Python extractor agreement on whole corpora: census's pythonExtractor against CPython's own
// ast (scripts/python-ast-imports.py --dir), compared import by import on every field the
// differential test compares (line, syntax, specifier, names, alias, guard, handled exceptions).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { probe, run } from './shell.mjs';

const REFERENCE = new URL('../python-ast-imports.py', import.meta.url).pathname;
const EXTRACTOR = new URL('../../dist/src/languages/python/extract.js', import.meta.url);

/** One import as comparable text: the same fields as test/languages/python-ast-differential. */
const canonical = (i) =>
  JSON.stringify([
    i.line,
    i.syntax,
    i.specifier,
    i.names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name)),
    i.alias ?? null,
    i.guard,
    i.guard === 'try' ? (i.handles ?? []) : null,
  ]);

/** Items of `a` left after taking out one copy of each item of `b`. */
const without = (a, b) => {
  const counts = new Map();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const c = counts.get(x) ?? 0;
    if (c > 0) counts.set(x, c - 1);
    return c === 0;
  });
};

/** Why the comparison cannot run yet, or null when both sides are there. */
export const agreementUnavailable = () => {
  if (!existsSync(REFERENCE)) return 'scripts/python-ast-imports.py is missing';
  if (!existsSync(EXTRACTOR.pathname)) return 'dist/src/languages/python/extract.js is missing (npm run build?)';
  if (probe('python3', ['--version']) === null) return 'python3 not found';
  return null;
};

/** Compares every .py file under `root`; keeps the first `keep` disagreements as text. */
export const pythonAgreement = async (root, { keep = 8 } = {}) => {
  const { pythonExtractor } = await import(EXTRACTOR.href);
  const astStart = performance.now();
  const reference = JSON.parse(run('python3', [REFERENCE, '--dir', root], { timeoutMs: 1_800_000 })).files;
  const astMs = performance.now() - astStart;
  const r = { files: 0, skipped: 0, imports: 0, agreeing: 0, censusExtra: 0, filesAgreeing: 0, crashed: 0, astMs, censusMs: 0, examples: [] };
  for (const [path, expected] of Object.entries(reference)) {
    if ('error' in expected) {
      r.skipped++;
      continue;
    }
    r.files++;
    const text = readFileSync(join(root, path), 'utf8');
    const t0 = performance.now();
    let actual;
    try {
      actual = pythonExtractor.extract(path, text).imports.map(canonical).sort();
    } catch (e) {
      r.crashed++;
      actual = [];
      if (r.examples.length < keep) r.examples.push(`${path}: census threw ${e instanceof Error ? e.message : String(e)}`);
    }
    r.censusMs += performance.now() - t0;
    const wanted = expected.imports.map(canonical).sort();
    const missing = without(wanted, actual);
    const extra = without(actual, wanted);
    r.imports += wanted.length;
    r.agreeing += wanted.length - missing.length;
    r.censusExtra += extra.length;
    if (missing.length === 0 && extra.length === 0) r.filesAgreeing++;
    for (const m of missing) if (r.examples.length < keep) r.examples.push(`${path}: ast has    ${m}`);
    for (const x of extra) if (r.examples.length < keep) r.examples.push(`${path}: census has ${x}`);
  }
  return r;
};

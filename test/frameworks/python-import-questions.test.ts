/**
 * The scan's one walk of every .py file's imports (python-files importIndex, importQuestion,
 * asksImport; issue 19): a question's answer is exactly the walk each reader made before,
 * `imports.some((i) => specifiers.has(i.specifier) || i.names.some((n) => names.has(n.name)))`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { asksImport, importIndex, importQuestion, specifiersByPart } from '../../src/frameworks/python/python-files.js';
import { emptyFacts, type FileFacts, type ImportFact } from '../../src/model/facts.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';

const SPECIFIERS = ['importlib', 'pkgutil', 'a.b', '.rel', 'oslo_db', 'oslo_db.api', 'x'];
const NAMES = ['import_module', 'api', 'b', 'c', 'importlib'];
const ASKED = { specifiers: ['importlib', 'oslo_db.api'], names: ['import_module', 'api'] };
const QUESTION = importQuestion(ASKED.specifiers, ASKED.names);

const walk = (imports: readonly ImportFact[]): boolean =>
  imports.some((i) => ASKED.specifiers.includes(i.specifier) || i.names.some((n) => ASKED.names.includes(n.name)));

const importOf = fc.record({
  specifier: fc.constantFrom(...SPECIFIERS),
  syntax: fc.constantFrom('import' as const, 'from' as const),
  names: fc.array(fc.constantFrom(...NAMES).map((name) => ({ name })), { maxLength: 3 }),
});

const contextOf = (files: Map<string, FileFacts>): FrameworkContext => ({ files: new Set(files.keys()), facts: (p: string) => files.get(p) }) as unknown as FrameworkContext;

test('python import questions: asksImport answers what each file\'s walk answered (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.array(importOf, { maxLength: 5 }), { minLength: 1, maxLength: 8 }), (lists) => {
      const files = new Map<string, FileFacts>();
      lists.forEach((imports, k) => files.set(`pkg/m${k}.py`, { ...emptyFacts(), imports: imports.map((i) => ({ ...i, line: 1, guard: null })) }));
      files.set('web/app.js', { ...emptyFacts(), imports: [{ specifier: 'importlib', syntax: 'import', names: [], line: 1, guard: null }] });
      const ctx = contextOf(files);
      for (const [path, facts] of files) assert.equal(asksImport(ctx, QUESTION, path), path.endsWith('.py') && walk(facts.imports), path);
    }),
    { numRuns: 500, seed: 19 },
  );
});

test('python import questions: the index keeps from-imports\' names apart, each file once, in the scan\'s order', () => {
  const files = new Map<string, FileFacts>([
    ['b.py', { ...emptyFacts(), imports: [{ specifier: 'a', syntax: 'from', names: [{ name: 'x' }, { name: 'x' }], line: 1, guard: null }] }],
    ['c.py', { ...emptyFacts(), imports: [{ specifier: 'a', syntax: 'import', names: [{ name: 'x' }], line: 1, guard: null }] }],
  ]);
  const index = importIndex(contextOf(files));
  assert.deepEqual(index.bySpecifier.get('a'), ['b.py', 'c.py']);
  assert.deepEqual(index.byFromName.get('x'), ['b.py']);
  assert.deepEqual(index.byOtherName.get('x'), ['c.py']);
});

test('python import index: the specifiers by a dotted part, each once per part, the importers read through bySpecifier', () => {
  // Importers are no longer copied per part: a specifier imported by 150,000 files is one entry (a spread push of them once threw).
  const many = Array.from({ length: 150_000 }, (_, k) => `pkg/m${k}.py`);
  const index = { bySpecifier: new Map([['os', many], ['os.path', many], ['.rel', ['r.py']], ['a.a', ['a.py']]]), byFromName: new Map(), byOtherName: new Map() };
  const byPart = specifiersByPart(index);
  assert.deepEqual(byPart.get('os'), ['os', 'os.path']);
  assert.deepEqual(byPart.get('path'), ['os.path']);
  assert.deepEqual(byPart.get(''), ['.rel']);
  assert.deepEqual(byPart.get('rel'), ['.rel']);
  assert.deepEqual(byPart.get('a'), ['a.a']);
  assert.equal(byPart.get('os')!.reduce((n, s) => n + index.bySpecifier.get(s)!.length, 0), 300_000);
});

/** shareStrings: equal strings become one, and an import's syntax and guard are census's own literals. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { shareStrings, type StringTable } from '../../src/extract/shared-strings.js';
import type { ScannedFile } from '../../src/extract/scan-file.js';
import { emptyFacts, type ImportFact } from '../../src/model/facts.js';

setFlagsFromString('--allow-natives-syntax');
// An internalized string (a literal) has another hidden class than a flat copy of it.
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;

/** A flat copy that is not V8's canonical string, as a worker's message or a slice of a file's text is. */
const copy = (s: string): string => ` ${s}`.slice(1);

const scannedWith = (imports: ImportFact[]): ScannedFile => ({ record: { path: 'a.ts', language: 'typescript' }, facts: { ...emptyFacts(), imports } }) as unknown as ScannedFile;

test('syntax and guard words come back as the literals, other strings as one shared copy', () => {
  const table: StringTable = new Map();
  const facts = [
    { specifier: copy('./some/long/specifier'), syntax: copy('reference-path'), line: 1, names: [], guard: copy('type-checking') },
    { specifier: copy('./some/long/specifier'), syntax: copy('import-equals'), line: 2, names: [], guard: null },
    { specifier: 'x', syntax: copy('not-a-syntax-word') as ImportFact['syntax'], line: 3, names: [], guard: null },
  ] as ImportFact[];
  assert.ok(!haveSameMap(facts[0].syntax, 'import'), 'the copy is not an internalized string (else this test shows nothing)');
  shareStrings(table, scannedWith(facts));
  assert.ok(haveSameMap(facts[0].syntax, 'import'));
  assert.ok(haveSameMap(facts[0].guard, 'import'));
  assert.ok(haveSameMap(facts[1].syntax, 'import'));
  assert.equal(facts[0].syntax, 'reference-path');
  assert.equal(facts[0].guard, 'type-checking');
  assert.equal(facts[1].syntax, 'import-equals');
  assert.equal(facts[2].syntax, 'not-a-syntax-word');
  assert.equal(table.get('./some/long/specifier'), facts[0].specifier);
  assert.equal(table.get('not-a-syntax-word'), facts[2].syntax);
});

test('empty import and name lists become one list of the kind a non-empty list of objects has', () => {
  const table: StringTable = new Map();
  const objects = [{ name: 'a' }];
  const holey = [1].flatMap(() => []) as ImportFact['names'];
  const facts = [
    { specifier: 'a', syntax: 'import', line: 1, names: [], guard: null },
    { specifier: 'b', syntax: 'import', line: 2, names: holey, guard: null },
    { specifier: 'c', syntax: 'import', line: 3, names: [{ name: 'c' }], guard: null },
  ] as ImportFact[];
  assert.ok(!haveSameMap(facts[0].names, objects) && !haveSameMap(holey, objects), 'empty lists of other kinds (else this test shows nothing)');
  shareStrings(table, scannedWith(facts));
  assert.equal(facts[0].names, facts[1].names);
  assert.ok(haveSameMap(facts[0].names, objects));
  assert.deepStrictEqual(facts[0].names, []);
  assert.deepStrictEqual(facts[2].names, [{ name: 'c' }]);
  const none = scannedWith([]);
  const other = scannedWith([]);
  shareStrings(table, none);
  shareStrings(table, other);
  assert.equal(none.facts!.imports, other.facts!.imports);
  assert.ok(haveSameMap(none.facts!.imports, objects));
});

test('the facts of every file come out with one hidden class, whichever optional fields the extractor set and in whatever order', () => {
  const table: StringTable = new Map();
  const plain = { record: { path: 'a.ts', language: 'typescript' }, facts: emptyFacts() } as unknown as ScannedFile;
  const withSummary = { record: { path: 'b.md', language: 'markdown' }, facts: { ...emptyFacts(), summary: 'A title' } } as unknown as ScannedFile;
  const jsFacts = emptyFacts();
  jsFacts.textMarks = ['jest'];
  jsFacts.exportedNames = ['x'];
  jsFacts.hasStarImport = true;
  const js = { record: { path: 'c.ts', language: 'typescript' }, facts: jsFacts } as unknown as ScannedFile;
  assert.ok(!haveSameMap(plain.facts, withSummary.facts) && !haveSameMap(plain.facts, js.facts), 'facts of different shapes (else this test shows nothing)');
  for (const s of [plain, withSummary, js]) shareStrings(table, s);
  assert.ok(haveSameMap(plain.facts, withSummary.facts));
  assert.ok(haveSameMap(plain.facts, js.facts));
  assert.equal(withSummary.facts!.summary, 'A title');
  assert.equal(plain.facts!.summary, undefined);
  assert.deepStrictEqual(js.facts!.exportedNames, ['x']);
  assert.deepStrictEqual(js.facts!.textMarks, ['jest']);
  assert.equal(js.facts!.hasStarImport, true);
  assert.equal(plain.facts!.hasStarImport, undefined);
  // Absent fields stay absent in the JSON the facts may be written as.
  assert.equal(JSON.stringify(plain.facts), JSON.stringify(emptyFacts()));
});

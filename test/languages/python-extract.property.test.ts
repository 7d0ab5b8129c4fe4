/**
 * The Python extractor on random and hostile input: it must never throw (nor fall back to its
 * internal-error diagnostic), must return well-formed facts, and must give the same facts for
 * the same text twice (it reuses token buffers between files).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import type { FileFacts } from '../../src/model/facts.js';
import { pythonExtractor } from '../../src/languages/python/extract.js';
import { entryPointTarget, mayBeEntryPoint } from '../../src/languages/python/literals.js';
import { holdsTests, holdsTestsIn } from '../../src/languages/python/test-marks.js';
import { tokenize } from '../../src/languages/python/tokenize.js';

const PATH = 'pkg/random.py';
const SYNTAX = new Set(['import', 'from', 'dynamic']);
const GUARDS = new Set([null, 'type-checking', 'try', 'function']);
const MARKERS = new Set(['main-guard', 'shebang', 'cli-framework', 'top-level-code', 'wsgi-application']);
const DIAGNOSTIC_IDS = new Set(['python/syntax-error', 'python/python2-syntax']);

const physicalLines = (text: string): number => text.split(/\r\n|\r|\n/).length;

const isLine = (line: unknown, max: number): boolean => Number.isInteger(line) && (line as number) >= 1 && (line as number) <= max;

const assertWellFormed = (facts: FileFacts, text: string): void => {
  const max = physicalLines(text);
  for (const i of facts.imports) {
    assert.ok(SYNTAX.has(i.syntax), `syntax ${i.syntax}`);
    assert.equal(typeof i.specifier, 'string');
    assert.ok(i.syntax === 'dynamic' || i.specifier.length > 0, 'empty static specifier');
    assert.ok(isLine(i.line, max), `import line ${i.line} of ${max}`);
    assert.ok(GUARDS.has(i.guard), `guard ${i.guard}`);
    assert.ok(Array.isArray(i.names) && i.names.every((n) => typeof n.name === 'string' && n.name.length > 0));
    if (i.handles !== undefined) assert.equal(i.guard, 'try');
  }
  for (const c of facts.commands) {
    assert.ok(typeof c.command === 'string' && typeof c.via === 'string');
    assert.ok(isLine(c.line, max), `command line ${c.line}`);
  }
  for (const r of facts.references) {
    assert.ok(typeof r.target === 'string' && r.target.length > 0);
    assert.ok(isLine(r.line, max), `reference line ${r.line}`);
  }
  assert.equal(new Set(facts.runnable).size, facts.runnable.length, 'duplicate runnable markers');
  assert.ok(facts.runnable.every((m) => MARKERS.has(m)));
  assert.ok(facts.definitions.every((d) => typeof d === 'string' && d.length > 0));
  assert.equal(new Set(facts.definitions).size, facts.definitions.length, 'duplicate definitions');
  assert.ok(Number.isInteger(facts.complexity) && facts.complexity >= 1);
  if (facts.summary !== undefined) assert.ok(facts.summary.length > 0 && !facts.summary.includes('\n'));
  if (facts.exportedNames !== undefined) assert.ok(facts.exportedNames.every((n) => typeof n === 'string'));
  for (const d of facts.diagnostics) {
    assert.ok(DIAGNOSTIC_IDS.has(d.id), `unexpected diagnostic ${d.id}: ${d.message}`);
    assert.equal(d.location?.file, PATH);
    assert.ok(isLine(d.location?.line, max), `diagnostic line ${d.location?.line}`);
  }
  JSON.stringify(facts);
};

const check = (text: string): void => {
  const first = pythonExtractor.extract(PATH, text);
  assertWellFormed(first, text);
  assert.deepEqual(pythonExtractor.extract(PATH, text), first, 'not deterministic');
};

/** Pieces of Python's token grammar, so random sequences hit the scanner's corners. */
const PIECES = [
  'import', 'from', 'as', ' ', '  ', '\n', '\r\n', '\r', '\t', '\f', '    ', '(', ')', '[', ']', '{', '}', ':', ';', ',',
  '.', '...', '=', '==', ':=', '->', '*', '@', '"', "'", '"""', "'''", 'f"', "f'", 'rb"', "Rf'", 'f"""', 'ur"', 't"',
  '\\', '\\\n', '#', '# c\n', 'if', 'elif', 'else', 'try', 'except', 'except*', 'finally', 'def', 'async', 'class',
  'for', 'while', 'with', 'match', 'case', 'lambda', 'TYPE_CHECKING', 'typing', '__import__', 'importlib',
  'import_module', '__name__', '"__main__"', '__all__', 'subprocess', 'run', 'os', 'system', 'sys', 'executable',
  'include', 'print', 'exec', '`', '<>', '0777', '1L', '0x1f', '1e-5', '{x!r:>{w}}', '{{', '}}', 'x', 'é', '\ufeff',
  '\u00a0', '\0', '"pkg.mod:app"', "['a', 'b']", 'ImportError', 'Exception',
];

const tokenSoup = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

const SNIPPETS = [
  'import os\nfrom . import x\nif TYPE_CHECKING:\n    from a import B\ntry:\n    import ujson as json\nexcept ImportError:\n    json = None\n',
  'def f(x=__import__("m")):\n    """Doc."""\n    import importlib\n    return importlib.import_module(f"{x}")\n',
  'x = f"{"a"} {b:{c}}"\ns = """\nimport no\n"""\nsubprocess.run([sys.executable, "x.py"], cwd="d")\n',
  'class C:\n    match v:\n        case [a, *b] if a: import z\n        case _: pass\n__all__ = ["C"]\n',
  '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nif __name__ == "__main__":\n    print "py2"\n',
];

interface Mutation {
  at: number;
  cut: number;
  insert: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 6 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })),
});

const mutate = (source: string, mutations: Mutation[]): string =>
  mutations.reduce((text, m) => {
    const at = text.length === 0 ? 0 : m.at % (text.length + 1);
    return text.slice(0, at) + m.insert + text.slice(at + m.cut);
  }, source);

test('python extractor: random strings', () => {
  assertProperty(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 1000 });
});

test('python extractor: random token soup', () => {
  assertProperty(fc.property(tokenSoup, check), { numRuns: 3000 });
});

test('python extractor: text decoded from random bytes', () => {
  assertProperty(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      check(Buffer.from(bytes).toString('utf8'));
      check(Buffer.from(bytes).toString('latin1'));
    }),
    { numRuns: 1000 },
  );
});

test('python extractor: mutated real snippets', () => {
  assertProperty(
    fc.property(fc.constantFrom(...SNIPPETS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (source, mutations) =>
      check(mutate(source, mutations)),
    ),
    { numRuns: 3000 },
  );
});

test('python extractor: hostile nesting and sizes', () => {
  for (const text of [
    '('.repeat(100_000),
    ')'.repeat(10_000),
    'f"{'.repeat(5_000),
    'f"{f"{'.repeat(2_000) + '}"}"'.repeat(2_000),
    '[' + '1,'.repeat(100_000) + ']',
    '"""' + 'x'.repeat(100_000),
    'if x:\n' + ' '.repeat(50_000) + 'import a\n',
    'def f():\n'.repeat(5_000),
    '\\\n'.repeat(10_000),
    'x = ' + '"a" '.repeat(20_000) + '\n',
  ]) {
    check(text);
  }
});

test('python extractor: the entry point pre-check is true wherever the entry point pattern matches', () => {
  // Pieces entry points and their near misses are made of: names, spaces \s matches (also past
  // ASCII), `=`, `:`, extras in brackets, and characters the pattern refuses.
  const piece = fc.constantFrom(' ', '\t', '\u00a0', '\u2028', '\ufeff', '=', ':', '.', '-', '_', '[', ']', 'a', 'Z', '9', 'pkg', 'mod', 'é', '/', ',', 'x = a.b:c', ' [extra]');
  const text = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
  assertProperty(
    fc.property(text, fc.string({ maxLength: 4 }), (value, around) => {
      const padded = `${around}${value}${around}`;
      const start = around.length;
      const end = start + value.length;
      if (entryPointTarget(value) !== null) assert.ok(mayBeEntryPoint(padded, start, end), JSON.stringify(value));
    }),
    { numRuns: 5000, seed: 34 },
  );
  // And it still refuses: prose, a second word before the `=`, no `:` after it.
  for (const value of ['hello world', 'a b = c:d', 'name = value', '= a:b']) assert.equal(mayBeEntryPoint(value, 0, value.length), false, value);
  for (const value of ['name = pkg.mod:main', ' x.y-z\u00a0=\u00a0a:b [e]']) assert.equal(mayBeEntryPoint(value, 0, value.length), true, value);
});

test('python extractor: mayBeEntryPoint on its character table answers as the per-character helpers did (stop 55)', () => {
  // The form before stop 55, kept here as the reference: a call per character.
  const isEntryNameChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
  const maybeSpace = (c: number): boolean => c <= 32 || c >= 127;
  const before = (text: string, start: number, end: number): boolean => {
    if (end - start > 200) return false;
    let i = start;
    while (i < end && maybeSpace(text.charCodeAt(i))) i++;
    const name = i;
    while (i < end && isEntryNameChar(text.charCodeAt(i))) i++;
    if (i === name) return false;
    while (i < end && maybeSpace(text.charCodeAt(i))) i++;
    if (i === end || text.charCodeAt(i) !== 61) return false;
    while (i < end && text.charCodeAt(i) !== 58) i++;
    return i < end;
  };
  const piece = fc.constantFrom(' ', '\t', '\u007f', '\u0080', '\u00a0', '\ufeff', '=', ':', '.', '-', '_', '@', '`', '{', '/', 'a', 'Z', '9', 'é', 'x = a.b:c');
  const text = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
  assertProperty(
    fc.property(text, fc.string({ maxLength: 4 }), fc.nat(3), (value, around, cut) => {
      const padded = `${around}${value}${around}`;
      const start = around.length;
      // An end inside the padding or short of the value's end too: the loops must stop at `end`, not at the text's.
      for (const end of [start + value.length, Math.max(start, start + value.length - cut), padded.length]) {
        assert.equal(mayBeEntryPoint(padded, start, end), before(padded, start, end), JSON.stringify([padded, start, end]));
      }
    }),
    { numRuns: 5000, seed: 55 },
  );
});

test('python extractor: the test-marks answer from tokens is the pattern answer', () => {
  // The pieces the pattern looks for, at and off line starts, and what moves line starts around:
  // CR, U+2028, continuations, strings and comments that hide or show a line, form feeds.
  const piece = fc.constantFrom(
    'def test_a():\n', 'async def test_b(): pass\n', 'def\ttest', 'def  helper():\n', 'class TestX:\n', 'class A(Base, TestCase):\n',
    'class B(\n  Mixin,\n  Case):\n', 'class C(', 'test_x = 1\n', 'test: int = 2\n', 'test == 3\n', 'testing = 4\n', 'from a import *\n',
    'import  *', 'scenarios("f")\n', 'load_tests = None\n', 'x = 1\n', '    ', '\t', '\f', '\n', '\r\n', '\r', '\u2028', '\\\n', '"""',
    "'", '#', '(', ')', 'if x:\n', '\ufeff',
  );
  const text = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));
  assertProperty(
    fc.property(text, (value) => {
      const t = tokenize(value);
      assert.equal(holdsTestsIn(value, t), holdsTests(value), JSON.stringify(value));
    }),
    { numRuns: 5000, seed: 19 },
  );
});

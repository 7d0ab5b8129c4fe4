/**
 * The dotted strings the Python extractor records for test-dotted-strings: the fact must be what
 * the reader's own walk of the file's text gives (it reads the text only for a file without the fact).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { pythonExtractor } from '../../src/languages/python/extract.js';
import { dottedStringsIn, mayHoldDottedStrings, swapsOf } from '../../src/languages/python/dotted-strings.js';
import { tokenize, type PythonTokens } from '../../src/languages/python/tokenize.js';
import { isModuleName, isPlainString, stringTokenValue } from '../../src/languages/python/literals.js';
import { isOp, nameText } from '../../src/languages/python/ranges.js';
import { Kind, Op, StringFlag } from '../../src/languages/python/tokens.js';
import { BY_NAME_LOADS, OSLO_TRY_LOADS } from '../../src/languages/python/loader-names.js';
import type { DottedStringFact } from '../../src/model/facts.js';

/**
 * The walk as stop 51's reader wrote it (every string decoded, every callee built), kept as the
 * oracle for the extractor's, which skips statements without a candidate and builds callees on demand.
 */
const referenceWalk = (text: string, t: PythonTokens, swapped: ReadonlySet<string>): DottedStringFact[] => {
  if (!/(['"])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\1/.test(text)) return [];
  const LOADS = new Set<string>([...BY_NAME_LOADS, ...OSLO_TRY_LOADS, 'import_opt', 'import_group']);
  const OPTION_SETTERS = new Set(['flags', 'set_override', 'override_config', 'set_default']);
  type Frame = { op: Op; callee: string | null; arg: number; asserted: boolean };
  const lastName = (callee: string): string => callee.slice(callee.lastIndexOf('.') + 1);
  const calleeAt = (i: number): string => {
    let first = i;
    while (first >= 2 && isOp(t, first - 1, Op.Dot) && t.kind[first - 2] === Kind.Name) first -= 2;
    const names: string[] = [];
    for (let k = first; k <= i; k += 2) names.push(nameText(t, k));
    return (first >= 1 && isOp(t, first - 1, Op.Dot) ? '.' : '') + names.join('.');
  };
  const isPatch = (callee: string): boolean => {
    const last = lastName(callee);
    if (last === 'patch') return true;
    if (last === 'dict' || last === 'multiple') return callee.endsWith(`patch.${last}`);
    return (last === 'setattr' || last === 'delattr') && callee.includes('.');
  };
  const isAssertion = (callee: string): boolean => /^assert/i.test(lastName(callee)) || lastName(callee).startsWith('fail');
  const callOf = (stack: readonly Frame[], throughLists: boolean): Frame | null => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const f = stack[k];
      if (f.op === Op.LParen && f.callee !== null) return f;
      if (f.op === Op.LBrace || (f.op === Op.LBracket && !throughLists)) return null;
    }
    return null;
  };
  const out: DottedStringFact[] = [];
  let read = 0;
  for (let l = 0; l < t.lines && read < 2000; l++) {
    const a = t.lineFirst[l];
    const b = t.lineEnd[l];
    if (a >= b || t.kind[a] === Kind.String || (t.kind[a] === Kind.Name && nameText(t, a) === 'assert')) continue;
    const stack: Frame[] = [];
    for (let i = a; i < b && read < 2000; i++) {
      if (t.kind[i] === Kind.Op) {
        const op = t.value[i];
        if (op === Op.LParen || op === Op.LBracket || op === Op.LBrace) {
          const callee = op === Op.LParen && i > a && t.kind[i - 1] === Kind.Name ? calleeAt(i - 1) : null;
          const outer = stack.length > 0 && stack[stack.length - 1].asserted;
          stack.push({ op, callee, arg: 0, asserted: outer || (callee !== null && isAssertion(callee)) });
        } else if (op === Op.RParen || op === Op.RBracket || op === Op.RBrace) stack.pop();
        else if (op === Op.Comma && stack.length > 0) stack[stack.length - 1].arg++;
        continue;
      }
      if (!isPlainString(t, i)) continue;
      const value = stringTokenValue(t, i);
      if (!value.includes('.') || !isModuleName(value) || swapped.has(`${t.line[i]}\0${value}`)) continue;
      const top = stack.length > 0 ? stack[stack.length - 1] : null;
      if (top?.asserted || (top?.op === Op.LBrace && isOp(t, i + 1, Op.Colon))) continue;
      read++;
      const parts = value.split('.');
      const line = t.line[i];
      if (stack.length === 0 && i === a + 2 && b === a + 3 && isOp(t, a + 1, Op.Assign) && nameText(t, a) === 'urls') {
        out.push({ value, line, how: 'urls', via: 'urls' });
        continue;
      }
      const direct = callOf(stack, false);
      const last = direct?.callee ? lastName(direct.callee) : '';
      if (direct !== null && LOADS.has(last)) out.push({ value, line, how: 'load', via: direct.callee! });
      else if (direct !== null && isPatch(direct.callee!) && direct.arg === 0) {
        if (parts.length >= 3) out.push({ value, line, how: 'patch', via: direct.callee! });
      } else {
        const option = callOf(stack, true);
        if (option !== null && OPTION_SETTERS.has(lastName(option.callee!))) out.push({ value, line, how: 'option', via: option.callee! });
        else if (parts.length >= 3 && /^[A-Z]/.test(parts[parts.length - 1])) out.push({ value, line, how: 'class', via: '' });
      }
    }
  }
  return out;
};

/** What the reader computes from the text alone. */
const fromText = (text: string, path: string): unknown => {
  const facts = pythonExtractor.extract(path, text, false);
  return mayHoldDottedStrings(text) ? dottedStringsIn(text, tokenize(text), swapsOf(facts)) : [];
};

test('python dotted strings: what takes each string, and what is not kept', () => {
  const text = [
    'import sys, os',
    "sys.path.insert(0, os.path.join(os.path.dirname(__file__), 'lib'))",
    'from unittest import mock',
    "@mock.patch('app.tasks.send')",
    "@mock.patch('app.send')",
    'def test_a():',
    "    CONF.import_opt('answer', 'app.conf')",
    "    self.flags(driver=['app.drivers.Fake'])",
    "    ext = 'app.ext.Foxinsocks'",
    "    log = 'app.log'",
    "    self.assertEqual(x, 'app.mod.Name')",
    "    d = {'app.key.Name': 1}",
    '',
  ].join('\n');
  const facts = pythonExtractor.extract('app/tests/test_a.py', text, true);
  assert.deepEqual(facts.dottedStrings, [
    { value: 'app.tasks.send', line: 4, how: 'patch', via: 'mock.patch' },
    { value: 'app.conf', line: 7, how: 'load', via: 'CONF.import_opt' },
    { value: 'app.drivers.Fake', line: 8, how: 'option', via: 'self.flags' },
    { value: 'app.ext.Foxinsocks', line: 9, how: 'class', via: '' },
  ]);
  // The sys.path line is tokenized after the file, in the same buffers: the fact is still the file's.
  assert.deepEqual(facts.dottedStrings, fromText(text, 'app/tests/test_a.py'));
});

test('python dotted strings: only a test-like path decoded as read has the fact', () => {
  const text = "mock.patch('app.tasks.send')\n";
  for (const path of ['app/tests/helpers.py', 'app/test_a.py', 'app/a_test.py', 'app/tests.py', 'conftest.py', 'app/testing/base.py']) {
    assert.equal(pythonExtractor.extract(path, text, true).dottedStrings?.length, 1, path);
  }
  // A production module, a test-like file not read as UTF-8 as is: no fact, the reader reads the text.
  assert.equal(pythonExtractor.extract('app/tasks.py', text, true).dottedStrings, undefined);
  assert.equal(pythonExtractor.extract('app/tests/test_a.py', text, false).dottedStrings, undefined);
  // A name the tokens decode and the text does not spell between quotes: nothing, as the reader's text test gives.
  assert.deepEqual(pythonExtractor.extract('app/tests/test_a.py', "mock.patch('app\\x2etasks.send')\n", true).dottedStrings, []);
});

test('python dotted strings: the fact is the walk of the text, on random test modules', () => {
  const piece = fc.constantFrom(
    "mock.patch('app.mod.attr')", "patch.dict('app.mod.TABLE', {})", "import_module('app.mod')", "self.flags(x=['app.a.B'])",
    "'app.mod.Cls'", '"app.mod.Cls"', "'app\\x2emod.Cls'", "'app\\N{FULL STOP}mod.Cls'", "'\\x61pp.mod.Cls'", "r'app\\.mod'", "'app.mod Cls'", "'appé.mod.Cls'", "'a.b'", "'app.mod.'", "''", "r'app.mod.Cls'", "b'app.mod.Cls'", "f'app.mod.Cls'", "'''app.mod.Cls'''",
    "urls = 'app.urls'", "assert x == 'app.mod.Cls'", "self.assertIn('app.mod.Cls', y)", "{'app.mod.Cls': 1}", "{1: 'app.mod.Cls'}",
    "@override_settings(ROOT_URLCONF='app.urls.Cls')", 'from django.test import override_settings', 'import sys',
    "sys.path.insert(0, 'lib')", "sys.path.append(os.path.join(base, 'x'))", 'mock.patch(', 'patch.multiple(', 'x.setattr(', 'import_opt(', 'cfg.set_override(', 'self.assertTrue(', 'fail(', 'assert ', 'urls = ', 'f.', '.g(', ':',
    '(', ')', '[', ']', '{', '}', ',', ' ', '\n', '\r\n', '\r', '    ', '#', '"""', '\\\n',
  );
  const text = fc.array(piece, { maxLength: 18 }).map((parts) => parts.join(''));
  assertProperty(
    fc.property(text, (value) => {
      const facts = pythonExtractor.extract('app/tests/test_x.py', value, true);
      assert.deepEqual(facts.dottedStrings, fromText(value, 'app/tests/test_x.py'), JSON.stringify(value));
      assert.deepEqual(facts.dottedStrings, referenceWalk(value, tokenize(value), swapsOf(facts)), JSON.stringify(value));
    }),
    { numRuns: 3000 },
  );
});

test("python dotted strings: every string a candidate can be is among the scanner's notes, which the walk visits instead of every token", () => {
  // dottedStringsIn looks for candidates among the noted tokens alone: a str literal the scanner
  // stopped noting would silently lose its dotted string. Strings of every form, in code, in
  // brackets, after comments and continuations, in f-strings' fields.
  const piece = fc.constantFrom(
    "'app.mod.Cls'", '"app.mod"', "r'a.b'", "u'a.b'", "R'a.b'", "b'a.b'", "f'a.{x}'", `f'{"a.b"}'`, "rb'a.b'", "'''a.b'''", '"""a.b"""', "'a.b", "'a\\x2eb'",
    'x = ', 'f(', ')', '[', ']', '{', '}', ':', ',', ' ', '\n', '    ', '# c\n', '\\\n', 'import a.b\n', 'def f():\n', "ur'a'",
  );
  const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
  assertProperty(
    fc.property(text, (value) => {
      const t = tokenize(value);
      const noted = new Set(Array.from(t.notes.subarray(0, t.noteCount)));
      for (let i = 0; i < t.count; i++) {
        if (t.kind[i] !== Kind.String || (t.value[i] & (StringFlag.Formatted | StringFlag.Bytes | StringFlag.Unterminated)) !== 0) continue;
        assert.ok(noted.has(i), `${JSON.stringify(value)}: string token ${i} not noted`);
      }
    }),
    { numRuns: 3000 },
  );
});

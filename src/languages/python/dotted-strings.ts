/**
 * The dotted-name strings of a test module that something may load, each with what takes it
 * (frameworks/python/test-dotted-strings.ts reads them, and resolves them against the repo's
 * modules): a plain string literal (not an f-string, a byte string, a docstring) that is a dotted
 * name of two or more segments, outside an assertion and not a dict key, and not a value
 * django's override_settings swaps in (`swapped`: its reader says more), handed
 * - to a call that imports by name (`import_module`, `import_string`, oslo's `import_opt`): 'load';
 * - as the first argument of `mock.patch(…)`, `patch.dict(…)`, `monkeypatch.setattr(…)`: 'patch';
 * - as an option value to `flags`, `set_override`, `override_config`, `set_default`: 'option';
 * - as a Django test class's `urls = 'pkg.urls'`: 'urls';
 * - anywhere else, as `pkg.mod.Name` with a capitalised last segment: 'class' (a class path).
 * A string none of these can make an edge of (a two-segment patch target, a lower-case path
 * elsewhere) is counted against MAX_STRINGS but not kept.
 *
 * Stop 52: the extractor records them for a test-like path while it has the tokens (the reader
 * read and tokenized every such file again: 330–410 ms of saleor's scan); the reader walks the
 * text itself only for a file without the fact.
 */
import type { DottedStringFact, DottedStringHow, FileFacts } from '../../model/facts.js';
import { BY_NAME_LOADS, OSLO_TRY_LOADS } from './loader-names.js';
import { isTestLikeName, TEST_FOLDER } from './test-marks.js';
import { isModuleName, stringTokenValue } from './literals.js';
import { isOp, nameText } from './ranges.js';
import type { PythonTokens } from './tokenize.js';
import { Kind, Op, StringFlag } from './tokens.js';
import { BACKSLASH, DOT, IDENT } from './chars.js';

/** A quoted dotted name anywhere in the text: the cheap test before a file is tokenized. */
const QUOTED_DOTTED = /(['"])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\1/g;
/** Strings read per test file (a hostile file of thousands costs no more than this many module look-ups). */
const MAX_STRINGS = 2000;

/** Calls that import the module a string argument names (oslo.config's import_opt imports the option's module). */
const LOADS = new Set<string>([...BY_NAME_LOADS, ...OSLO_TRY_LOADS, 'import_opt', 'import_group']);
/** Calls that set an option for the code under test, which loads the option's value by name. */
const OPTION_SETTERS = new Set(['flags', 'set_override', 'override_config', 'set_default']);


/**
 * Paths whose facts carry the strings: a test folder's files, conftest.py and test-like names
 * (`test*.py`, `*test.py`, `tests.py`). A test root elsewhere (a pytest `python_files` pattern)
 * has no such fact and its reader reads the text.
 */
export const recordsDottedStrings = (path: string): boolean => {
  if (!path.endsWith('.py')) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return TEST_FOLDER.test(path) || isTestLikeName(name) || name.endsWith('tests.py') || name === 'conftest.py';
};

/** True when the text holds a quoted dotted name at all: without one no walk can find a string. */
export const mayHoldDottedStrings = (text: string): boolean => {
  QUOTED_DOTTED.lastIndex = 0;
  return QUOTED_DOTTED.test(text);
};

/** An open bracket on the walk of a statement: the call it opens, if any, and where its current argument stands. */
interface Frame {
  op: Op;
  /** The name token before a `(` (the callee's last name), or -1. */
  nameAt: number;
  /** The dotted callee ending there (`mock.patch`, `self.flags`, `.config` after a call), built when first asked. */
  callee: string | null;
  /** Index of the current argument among the positional ones (keywords count too; only 0 is asked). */
  arg: number;
  /** The bracket or an outer one is an assertion's call: its strings are data. */
  asserted: boolean;
}

/** The dotted callee ending at name token `i` (`mock.patch.dict`), as written. */
const calleeAt = (t: PythonTokens, i: number): string => {
  let first = i;
  while (first >= 2 && isOp(t, first - 1, Op.Dot) && t.kind[first - 2] === Kind.Name) first -= 2;
  const names: string[] = [];
  for (let k = first; k <= i; k += 2) names.push(nameText(t, k));
  return (first >= 1 && isOp(t, first - 1, Op.Dot) ? '.' : '') + names.join('.');
};

const calleeOf = (t: PythonTokens, f: Frame): string => (f.callee ??= calleeAt(t, f.nameAt));

const lastName = (callee: string): string => callee.slice(callee.lastIndexOf('.') + 1);

/** mock.patch and its kin, whose first argument is `module.attribute`: the module is imported, the attribute patched. */
const isPatch = (callee: string): boolean => {
  const last = lastName(callee);
  if (last === 'patch') return true;
  if (last === 'dict' || last === 'multiple') return callee.endsWith(`patch.${last}`);
  // pytest's monkeypatch.setattr('pkg.mod.name', value) imports pkg.mod; a bare setattr(obj, 'name', v) takes an object.
  return (last === 'setattr' || last === 'delattr') && callee.includes('.');
};

/** An assertion's call, by the callee's last name. */
const isAssertion = (last: string): boolean => /^assert/i.test(last) || last.startsWith('fail');

/** The call a string at the top of `stack` is handed to through grouping parentheses and, for option values, lists. */
const callOf = (stack: readonly Frame[], throughLists: boolean): Frame | null => {
  for (let k = stack.length - 1; k >= 0; k--) {
    const f = stack[k];
    if (f.op === Op.LParen && f.nameAt >= 0) return f;
    if (f.op === Op.LBrace || (f.op === Op.LBracket && !throughLists)) return null;
  }
  return null;
};

/** A class path as the reader takes one: three segments or more, the last capitalised. */
const classShaped = (value: string): boolean => {
  const last = value.slice(value.lastIndexOf('.') + 1);
  return /^[A-Z]/.test(last) && value.indexOf('.') !== value.lastIndexOf('.');
};

/** The override_settings values of a file's facts, as dottedStringsIn takes them. */
export const swapsOf = (facts: FileFacts | undefined): ReadonlySet<string> => new Set((facts?.settingSwaps ?? []).map((s) => `${s.line}\0${s.value}`));

/**
 * The strings of `t` (the tokens of `text`) in the order written. `swapped` holds `line\0value`
 * of the override_settings values (FileFacts settingSwaps).
 */
export const dottedStringsIn = (text: string, t: PythonTokens, swapped: ReadonlySet<string>): DottedStringFact[] => {
  const out: DottedStringFact[] = [];
  const keep = (i: number, value: string, how: DottedStringHow, via: string): void => {
    out.push({ value, line: t.line[i], how, via });
  };
  const { kind, value: tokenValue, text: tokenText, start: tStart, end: tEnd } = t;
  /** The value of string token `i` when it is a candidate (plain, a dotted name of two or more segments, not a swapped setting), else null. */
  const candidate = (i: number): string | null => {
    if ((tokenValue[i] & (StringFlag.Formatted | StringFlag.Bytes | StringFlag.Unterminated)) !== 0) return null;
    // Told from the text before any value is decoded: up to the first escape, each character is the value's own,
    // and a dotted name holds only ASCII word characters and dots (most strings stop at their first space).
    // stringContent(t, i) written out: an object per string otherwise (the scan compiles without inlining), and test modules hold many strings.
    const flags = tokenValue[i];
    const quote = flags & StringFlag.Triple ? 3 : 1;
    const start = tStart[i] + (flags >> StringFlag.PrefixShift) + quote;
    const end = Math.max(start, tEnd[i] - quote);
    const raw = (flags & StringFlag.Raw) !== 0;
    let dot = false;
    let k = start;
    for (; k < end; k++) {
      const c = tokenText.charCodeAt(k);
      if (c === DOT) dot = true;
      else if (c === BACKSLASH && !raw) break;
      // IDENT itself, not isIdentPart: a call per character (the scan compiles without inlining).
      else if (c >= 128 || IDENT[c] === 0) return null;
    }
    if (k === end && !dot) return null;
    const value = stringTokenValue(t, i);
    return !value.includes('.') || !isModuleName(value) || swapped.has(`${t.line[i]}\0${value}`) ? null : value;
  };
  let read = 0;
  const { lines, lineFirst, lineEnd, notes, noteCount } = t;
  // The lines are visited in order, but only those holding a candidate (most hold none): every
  // string token a candidate can be is among the scanner's notes (a constant str literal, the
  // same flags candidate() refuses), so the notes are walked, not every token of every line.
  let l = 0;
  let pretested = false;
  for (let j = 0; j < noteCount && read < MAX_STRINGS; j++) {
    const first = notes[j];
    if (kind[first] !== Kind.String || candidate(first) === null) continue;
    // The text test comes with the first candidate, not before the walk: most test modules hold
    // no candidate (1,181 of saleor's 1,727 no quoted dotted name at all), and the pattern went
    // over each whole text. It still decides: a name spelt with an escape (`'app\x2emod.Cls'`)
    // is a candidate the text test refuses, as the reader's own test does.
    if (!pretested) {
      if (!mayHoldDottedStrings(text)) return out;
      pretested = true;
    }
    while (l < lines && lineEnd[l] <= first) l++;
    if (l === lines) break;
    const a = lineFirst[l];
    // A token on no logical line (the scanner puts every token on one) was never walked.
    if (a > first) continue;
    const b = lineEnd[l];
    // Past this line's notes: the next candidate is on a later line.
    while (j + 1 < noteCount && notes[j + 1] < b) j++;
    l++;
    // A docstring or a bare string statement, and an assert statement, load nothing.
    if (kind[a] === Kind.String || (kind[a] === Kind.Name && t.end[a] - t.start[a] === 6 && nameText(t, a) === 'assert')) continue;
    // Brackets are followed only on a statement that holds a candidate, from its first: `first`.
    const stack: Frame[] = [];
    for (let i = a; i < b && read < MAX_STRINGS; i++) {
      if (t.kind[i] === Kind.Op) {
        const op = t.value[i];
        if (op === Op.LParen || op === Op.LBracket || op === Op.LBrace) {
          const nameAt = op === Op.LParen && i > a && t.kind[i - 1] === Kind.Name ? i - 1 : -1;
          const outer = stack.length > 0 && stack[stack.length - 1].asserted;
          stack.push({ op, nameAt, callee: null, arg: 0, asserted: outer || (nameAt >= 0 && isAssertion(nameText(t, nameAt))) });
        } else if (op === Op.RParen || op === Op.RBracket || op === Op.RBrace) stack.pop();
        // Commas inside a nested bracket are that bracket's: its own frame is on top then.
        else if (op === Op.Comma && stack.length > 0) stack[stack.length - 1].arg++;
        continue;
      }
      if (i < first || t.kind[i] !== Kind.String) continue;
      const value = candidate(i);
      if (value === null) continue;
      const top = stack.length > 0 ? stack[stack.length - 1] : null;
      if (top?.asserted || (top?.op === Op.LBrace && isOp(t, i + 1, Op.Colon))) continue;
      read++;
      // Django's test class attribute `urls = 'pkg.urls'` (before 1.10; horizon still hands it to ROOT_URLCONF).
      if (stack.length === 0 && i === a + 2 && b === a + 3 && isOp(t, a + 1, Op.Assign) && nameText(t, a) === 'urls') {
        keep(i, value, 'urls', 'urls');
        continue;
      }
      const direct = callOf(stack, false);
      if (direct !== null && LOADS.has(nameText(t, direct.nameAt))) keep(i, value, 'load', calleeOf(t, direct));
      else if (direct !== null && isPatch(calleeOf(t, direct)) && direct.arg === 0) {
        // The module is among the first n−1 segments, and a module is two or more.
        if (value.indexOf('.') !== value.lastIndexOf('.')) keep(i, value, 'patch', calleeOf(t, direct));
      } else {
        const option = callOf(stack, true);
        if (option !== null && OPTION_SETTERS.has(nameText(t, option.nameAt))) keep(i, value, 'option', calleeOf(t, option));
        else if (classShaped(value)) keep(i, value, 'class', '');
      }
    }
  }
  return out;
};

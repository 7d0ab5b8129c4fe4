/**
 * Stop 58 (review): the pair `"-m", "pkg.mod"` as two adjacent elements of a list, tuple or call, read
 * from the tokens (FileFacts.moduleArgs; frameworks/python/module-args.ts resolves the names). From the
 * tokens, a docstring that shows such a list is one string token and gives nothing, and each pair of a
 * list is seen (a text pattern's closing comma hid the next one). A `-m` belongs to Python only when
 * the list says so: when its first element is a literal program, one of the literals before `-m` must
 * be a Python interpreter or `coverage run` (`["mypy", "-m", "pkg.mod"]` checks the module,
 * `["git", "commit", "-m", "pkg.fix"]` is a message); a list that starts with `-m` (thonny's backend
 * argv, meson's `python_command + ["-m", …]`) or with a name (`sys.executable`) is taken.
 */
import { isModuleName, isPlainString, stringTokenValue } from './literals.js';
import { isOp } from './ranges.js';
import type { PythonTokens } from './tokenize.js';
import { Kind, Op } from './tokens.js';

/** A file holding thousands of pairs costs no more than this many. */
const MAX_PAIRS = 200;

/** How far back the list's opening bracket is looked for; past it the list's head is unknown, and the pair is taken. */
const HEAD_REACH = 64;

/** `python`, `python3.11`, `/usr/bin/python3`, `pypy3`, `python.exe`. */
const PYTHON = /^(?:.*[/\\])?(?:python|pypy)\d*(?:\.\d+)*(?:\.exe)?$/i;

/** The index of the opening bracket of the list the token at i is an element of; -1 when not found within reach. */
const openerOf = (t: PythonTokens, i: number): number => {
  let depth = 0;
  for (let j = i - 1; j >= Math.max(0, i - HEAD_REACH); j--) {
    if (t.kind[j] !== Kind.Op) continue;
    const op = t.value[j];
    if (op === Op.RParen || op === Op.RBracket || op === Op.RBrace) depth++;
    else if (op === Op.LParen || op === Op.LBracket || op === Op.LBrace) {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
};

/** False when the list opened at `open` starts with a literal program that is not Python and no literal before `at` is Python. */
const runsPython = (t: PythonTokens, open: number, at: number): boolean => {
  if (open + 1 === at || !isPlainString(t, open + 1)) return true;
  for (let j = open + 1; j < at; j++) {
    if (!isPlainString(t, j)) continue;
    const value = stringTokenValue(t, j);
    if (PYTHON.test(value)) return true;
    if (value === 'coverage' && isPlainString(t, j + 2) && stringTokenValue(t, j + 2) === 'run') return true;
  }
  return false;
};

/**
 * Notes the module of the pair whose `-m` is the string token at i (already known to read `-m`):
 * an element after `[`, `(` or `,`, followed by a dotted name and `,`, `]` or `)`.
 */
export const noteModuleArg = (t: PythonTokens, i: number, out: { name: string; line: number }[]): void => {
  if (out.length >= MAX_PAIRS || i + 3 >= t.count) return;
  if (!(isOp(t, i - 1, Op.LBracket) || isOp(t, i - 1, Op.LParen) || isOp(t, i - 1, Op.Comma))) return;
  if (!isOp(t, i + 1, Op.Comma) || !isPlainString(t, i + 2)) return;
  if (!(isOp(t, i + 3, Op.Comma) || isOp(t, i + 3, Op.RBracket) || isOp(t, i + 3, Op.RParen))) return;
  const name = stringTokenValue(t, i + 2);
  // A one-part name is most often another tool's value (`["pytest", "-m", "slow"]`, a marker).
  if (!name.includes('.') || !isModuleName(name)) return;
  const open = openerOf(t, i);
  if (open >= 0 && !runsPython(t, open, i)) return;
  out.push({ name, line: t.line[i] });
};

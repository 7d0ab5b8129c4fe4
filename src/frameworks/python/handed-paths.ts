/**
 * Stop 66: a script path handed to a function of the same file that reads the file it is given.
 * supervisor's tests/base.py:607 `return makeExecutable(os.path.join(here, 'fixtures/unkillable_spew.py'))`,
 * where `def makeExecutable(file, …)` (base.py:582) reads it (`data = open(file).read()` at :589),
 * copies it to an executable temp file and the test runs that: the script is the test's, not a
 * command of its own. package-data reads the path (a path built from `__file__`); this says who the
 * path is handed to (handedTo) and where that function's body reads its first parameter (defReading,
 * given the reading test package-data already has). A call to a function that only prints, compares
 * or tests the path (`os.path.exists(p)`, `print(p)`) is no read: the body must open the parameter.
 */
import { escapeRegExp } from '../../util/regexp.js';

/** Calls that only build a path from their arguments: the path passes through them to the call around. */
const PATH_BUILDERS: ReadonlySet<string> = new Set(['join', 'abspath', 'realpath', 'normpath', 'expanduser', 'str', 'Path', 'fspath', 'dirname']);

/** How many chars before a call's bracket its (dotted) name is looked for in. */
const CALLEE_REACH = 256;

/**
 * The plain name of the innermost call around offset `at` of `line` that is not a path builder, when
 * what is at `at` lies in that call's first argument (`makeExecutable(os.path.join(here, 'x.py'))`
 * gives `makeExecutable`); null when there is no such call, or it is a method or a module's
 * (`self.f(`, `os.remove(`: the function is not the file's own), or the path is not its first argument.
 */
export const handedTo = (line: string, at: number): string | null => {
  let depth = 0;
  let firstArgument = true;
  for (let k = at - 1; k >= 0; k--) {
    const c = line[k];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth-- === 0) return null;
    } else if (c === ',' && depth === 0) firstArgument = false;
    else if (c === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      // Only the text just before the bracket is asked: an `$`-anchored regex tried at every start of a
      // long line is quadratic (a 200 KB one-line file took minutes); a callee's name is far shorter.
      const head = line.slice(Math.max(0, k - CALLEE_REACH), k);
      const name = /(?<![\w.])([A-Za-z_]\w*)\s*$/.exec(head);
      const dotted = /([A-Za-z_][\w.]*)\s*$/.exec(head)?.[1] ?? '';
      const last = dotted.slice(dotted.lastIndexOf('.') + 1);
      if (PATH_BUILDERS.has(last)) {
        // The path built so far is the builder's value: whether it is the outer call's first argument is asked afresh.
        firstArgument = true;
        continue;
      }
      return name !== null && firstArgument ? name[1] : null;
    }
  }
  return null;
};

/** How many lines of a function's body are read for the read of its parameter. */
const MAX_BODY_LINES = 80;

/**
 * The first parameter of the module-level or nested function `name` defined in `text` (`def
 * makeExecutable(file, substitutions=None):`) and its body, with the 1-based line the body starts
 * at; null when the file defines no such function, or more than one.
 */
export const defReading = (text: string, name: string): { param: string; body: string; firstLine: number } | null => {
  const defs = [...text.matchAll(new RegExp(`^([ \\t]*)(?:async\\s+)?def\\s+${escapeRegExp(name)}\\s*\\(\\s*([A-Za-z_]\\w*)`, 'gm'))];
  if (defs.length !== 1) return null;
  const [m] = defs;
  if (m[2] === 'self' || m[2] === 'cls') return null;
  const indent = m[1].length;
  const lines = text.slice(m.index!).split('\n');
  let end = 1;
  for (; end < lines.length && end < MAX_BODY_LINES; end++) {
    const l = lines[end];
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (l.length - l.trimStart().length <= indent) break;
  }
  const firstLine = text.slice(0, m.index!).split('\n').length;
  return { param: m[2], body: lines.slice(0, end).join('\n'), firstLine };
};

/**
 * `shutil.which('ovs_agent.py', path=os.path.join(ROOTDIR, CMD_FOLDER))` (neutron's
 * tests/fullstack/resources/process.py:209): the program `which` finds in the folder its `path=`
 * names, when the folder's expression holds offset `at` of `view`; the literal name, or null. A
 * `which` with no `path=` looks on PATH (no repo folder), one whose name is not a literal names
 * nothing here, and (review s66-rv2) one whose value is only tested (`is None`, `if not which(…)`) runs nothing.
 */
const WHICH_IN_FOLDER = /(?<![\w])which\s*\(\s*(['"])([\w.-]{1,100})\1\s*,\s*path\s*=\s*/g;

export const whichNamed = (view: string, at: number): string | null => {
  for (const m of view.matchAll(WHICH_IN_FOLDER)) {
    const from = m.index! + m[0].length;
    if (from > at) break;
    // The literal lies in the path= argument: no bracket opened after it closes before the literal, and no comma at its depth.
    let depth = 0;
    let inside = true;
    for (let k = from; k < at && inside; k++) {
      const c = view[k];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') inside = depth-- > 0;
      else if (c === ',' && depth === 0) inside = false;
    }
    if (inside) return onlyTested(view, m.index!, from) ? null : m[2];
  }
  return null;
};

/** A test of a value's presence just before a call: `if `, `if not `, `assert…(`, `while `. */
const TESTED_BEFORE = /\b(?:if|elif|while|not|assert\w*)\b\s*\(?\s*(?:[A-Za-z_]\w*\.)*$/;
/** A comparison just after a call: `is None`, `is not None`, `==`, `!=`. */
const TESTED_AFTER = /^\s*(?:is\b|==|!=)/;

/**
 * Review s66-rv2: whether the `which(` call at `start` (its arguments from `from`) is only tested, not
 * kept: `if shutil.which('x', path=…) is None:` or `if not shutil.which(…):` asks whether the program is
 * there and runs nothing. The call's own text is read (a view of a few lines), its module left off.
 */
const onlyTested = (view: string, start: number, from: number): boolean => {
  if (TESTED_BEFORE.test(view.slice(Math.max(0, start - 128), start))) return true;
  let depth = 0;
  for (let k = from; k < view.length; k++) {
    const c = view[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth-- === 0) return TESTED_AFTER.test(view.slice(k + 1));
    }
  }
  return false;
};

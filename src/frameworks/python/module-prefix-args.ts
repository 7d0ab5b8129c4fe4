/**
 * Stop 66: a module run by `python -m` whose name the code completes from a package prefix. twisted's
 * test/test_stdio.py:107 builds `[sys.executable, b"-m", b"twisted.test." + sibling, …]` and runs it
 * with reactor.spawnProcess; its tests pass the module's last part as a literal
 * (`self._spawnProcess(p, b"stdio_test_loseconn", errorLogFile)` at :130). Those child programs
 * (twisted/test/stdio_test_*.py, each a main guard) are the test's, not commands of their own.
 *
 * Read in the files whose text marks say they write `"-m", "pkg.sub." + …` (text-marks.ts,
 * `module-prefix`), from their tokens: a `-m` element (str or bytes) followed by a literal ending
 * with a dot and `+`. The prefix must name a repo package (`twisted.test` → its `__init__.py`), and a
 * module of that package is run when the same file writes its last part as a whole literal in code
 * (`b"stdio_test_loseconn"`; a comment that names it is no token). A literal naming no module of the
 * package gives nothing, and so does a `-m` handed to `print(` or a logger (a message, not a command
 * line), and so does another program's `-m` (`git commit -m msg`, `ansible -m name`: a word that is no
 * option stands before it in its list). The name a parameter takes is not followed through calls: the same file must spell it.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths, sortedPaths } from '../../util/file-index.js';
import { dirname } from '../../util/path.js';
import { tokenize, type PythonTokens } from '../../languages/python/tokenize.js';
import { Kind, Op, StringFlag } from '../../languages/python/tokens.js';
import { stringTokenValue } from '../../languages/python/literals.js';
import { isOp, nameText } from '../../languages/python/ranges.js';
import { mayHoldPythonMark } from '../../languages/python/text-marks.js';
import { lookText } from './package-paths.js';

/** A prefix: a dotted name ending with a dot (`twisted.test.`). */
const PREFIX = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.$/;
/** A dotted module name (two parts or more: a one-part name is most often another tool's value). */
const MODULE = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
/** A module's last part. */
const IDENTIFIER = /^[A-Za-z_]\w*$/;
/** Calls whose arguments are a message, not a command line: `print(`, `log.debug(`, `sys.stderr.write(`. */
const MESSAGE_CALLS: ReadonlySet<string> = new Set(['print', 'debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log', 'write', 'format']);
/** How far back the opening bracket of the `-m` element's list is looked for. */
const HEAD_REACH = 64;
/** Prefixes read per file, and modules run per file (a hostile file of thousands gives no more work). */
const MAX_PREFIXES = 8;
const MAX_MODULES = 64;
/** `"-m", name` uses kept per file (each names the list an assignment reaches). */
const MAX_USES = 1024;

/** A str or bytes literal token that is not an f-string. */
const isLiteral = (t: PythonTokens, i: number): boolean =>
  i >= 0 && i < t.count && t.kind[i] === Kind.String && (t.value[i] & (StringFlag.Formatted | StringFlag.Unterminated)) === 0;

/** Whether the `-m` at token i is an argument of a message call (`print("-m", …)`, `log.info(…, ["-m", …])`). */
const inMessageCall = (t: PythonTokens, i: number): boolean => {
  let depth = 0;
  for (let j = i - 1; j >= Math.max(0, i - HEAD_REACH); j--) {
    if (t.kind[j] !== Kind.Op) continue;
    const op = t.value[j];
    if (op === Op.RParen || op === Op.RBracket || op === Op.RBrace) depth++;
    else if (op === Op.LParen || op === Op.LBracket || op === Op.LBrace) {
      if (depth > 0) {
        depth--;
        continue;
      }
      // The innermost call around the element; a list or tuple display is looked through to its own call.
      if (op === Op.LParen && j > 0 && t.kind[j - 1] === Kind.Name) return MESSAGE_CALLS.has(nameText(t, j - 1));
    }
  }
  return false;
};

/**
 * Review s66-rv2: whether the `-m` at token i is an option of the interpreter, read back through its
 * list or call to the head: the elements before it must be options (`b"-u"`) or names (`pyExe`,
 * `sys.executable`), and a literal head must name python. `[self.CMD, 'commit', '-m', message]`
 * (meld vc/git.py:154) and `['ansible', '-m', module_name]` (ansible-test host_profiles.py:1163) are
 * another program's `-m`: a word that is no option stands before it. A `-m` that heads its list
 * (twisted's `[b"-m", us] + args`) says nothing either way and counts.
 */
const interpreterOption = (t: PythonTokens, i: number): boolean => {
  for (let j = i - 1; j >= Math.max(0, i - HEAD_REACH); ) {
    if (isOp(t, j, Op.LBracket) || isOp(t, j, Op.LParen)) return true;
    if (!isOp(t, j, Op.Comma)) return true;
    j--;
    if (isLiteral(t, j)) {
      const v = stringTokenValue(t, j);
      if (v.startsWith('-')) {
        j--;
        continue;
      }
      // A word: the program itself when it heads the list and names python, else a subcommand (`commit`).
      return /python/i.test(v) && (isOp(t, j - 1, Op.LBracket) || isOp(t, j - 1, Op.LParen));
    }
    if (t.kind[j] !== Kind.Name) return true;
    // A name, dotted or not (`sys.executable`, `self.python`): the interpreter or a flag held in a name.
    while (j >= 2 && isOp(t, j - 1, Op.Dot) && t.kind[j - 2] === Kind.Name) j -= 2;
    j--;
  }
  return true;
};

/** The `"-m", name` elements of a file's tokens (the name a whole element), with their lines: every use of MAX_PREFIXES names at most. */
const namesOf = (t: PythonTokens): Array<{ name: string; line: number }> => {
  const out: Array<{ name: string; line: number }> = [];
  const distinct = new Set<string>();
  for (let i = 0; i + 3 < t.count && out.length < MAX_USES; i++) {
    if (!isLiteral(t, i) || !isOp(t, i + 1, Op.Comma) || t.kind[i + 2] !== Kind.Name) continue;
    if (!(isOp(t, i + 3, Op.Comma) || isOp(t, i + 3, Op.RBracket) || isOp(t, i + 3, Op.RParen))) continue;
    if (stringTokenValue(t, i) !== '-m' || inMessageCall(t, i) || !interpreterOption(t, i)) continue;
    const name = nameText(t, i + 2);
    // Review s66-rv2: the cap counts names, not uses: capping uses at 8 lost twisted test_process.py's
    // later lists (:931, :1044, :2140), and an assignment below them named the first list (:506) instead.
    if (!distinct.has(name)) {
      if (distinct.size >= MAX_PREFIXES) continue;
      distinct.add(name);
    }
    out.push({ name, line: t.line[i] });
  }
  return out;
};

/** The dotted module names a file assigns to `name` as a whole literal (`scriptPath = b"twisted.test.process_tester"`), with their lines. */
const assignedModules = (t: PythonTokens, name: string): Array<{ module: string; line: number }> => {
  const out: Array<{ module: string; line: number }> = [];
  for (let i = 0; i + 3 < t.count && out.length < MAX_MODULES; i++) {
    if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.Assign) || !isLiteral(t, i + 2) || nameText(t, i) !== name) continue;
    // The literal is the whole value: what follows starts another statement (a new line) or ends the file.
    if (i + 3 < t.count && t.line[i + 3] === t.line[i + 2] && !isOp(t, i + 3, Op.Semicolon)) continue;
    if (i > 0 && t.line[i - 1] === t.line[i] && !isOp(t, i - 1, Op.Semicolon)) continue;
    const module = stringTokenValue(t, i + 2);
    if (MODULE.test(module)) out.push({ module, line: t.line[i] });
  }
  return out;
};

/** The `"-m", "pkg.sub." + …` prefixes of a file's tokens, with their lines. */
const prefixesOf = (t: PythonTokens): Array<{ prefix: string; line: number }> => {
  const out: Array<{ prefix: string; line: number }> = [];
  for (let i = 0; i + 3 < t.count && out.length < MAX_PREFIXES; i++) {
    if (!isLiteral(t, i) || !isOp(t, i + 1, Op.Comma) || !isLiteral(t, i + 2)) continue;
    // `+` is one of the operators the tokenizer does not name: read from the text.
    if (t.kind[i + 3] !== Kind.Op || t.text.charCodeAt(t.start[i + 3]) !== 43 || t.end[i + 3] - t.start[i + 3] !== 1) continue;
    if (stringTokenValue(t, i) !== '-m') continue;
    const prefix = stringTokenValue(t, i + 2);
    if (!PREFIX.test(prefix) || inMessageCall(t, i) || !interpreterOption(t, i)) continue;
    out.push({ prefix, line: t.line[i] });
  }
  return out;
};

export const collectModulePrefixArgs = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py')) continue;
    const facts = ctx.facts(file);
    if (facts === undefined || !mayHoldPythonMark(facts.textMarks, 'module-prefix')) continue;
    const text = lookText(ctx, file);
    if (text === null) continue;
    const t = tokenize(text);
    const prefixes = prefixesOf(t);
    const names = namesOf(t);
    if (prefixes.length === 0 && names.length === 0) continue;
    let runs = 0;
    const seen = new Set<string>();
    // `"-m", name`: each dotted module the file assigns the name, as `python -m` finds it (a package: its __main__.py).
    for (const name of new Set(names.map((n) => n.name))) {
      const uses = names.filter((n) => n.name === name).map((n) => n.line);
      for (const { module, line: at } of assignedModules(t, name)) {
        // The use the assignment reaches: the first at or below it (the same test's), else the file's first.
        const line = uses.find((u) => u >= at) ?? uses[0];
        const found = ctx.module(module, dirname(file), file);
        if (found.length === 0) continue;
        const target = found[0].endsWith('/__init__.py') ? `${dirname(found[0])}/__main__.py` : found[0];
        if (!ctx.files.has(target) || target === file || seen.has(target) || ++runs > MAX_MODULES) continue;
        seen.add(target);
        out.references.push({ from: file, target, targetKind: 'file', line: at, label: `run as \`python -m ${module}\` by the argument list in ${file}:${line} ("-m", ${name}), ${name} = "${module}" at ${file}:${at}` });
      }
    }
    if (prefixes.length === 0) continue;
    // The whole literals of the file that may be a module's last part, first line each.
    const literals = new Map<string, number>();
    for (let i = 0; i < t.count; i++) {
      if (!isLiteral(t, i)) continue;
      const v = stringTokenValue(t, i);
      if (IDENTIFIER.test(v) && !literals.has(v)) literals.set(v, t.line[i]);
    }
    for (const { prefix, line } of prefixes) {
      const pkg = prefix.slice(0, -1);
      const found = ctx.module(pkg, dirname(file), file);
      if (found.length === 0 || !found[0].endsWith('/__init__.py')) continue;
      const folder = dirname(found[0]);
      for (const [stem, at] of literals) {
        const target = `${folder}/${stem}.py`;
        if (!ctx.files.has(target) || target === file || seen.has(target)) continue;
        if (++runs > MAX_MODULES) break;
        seen.add(target);
        out.references.push({
          from: file,
          target,
          targetKind: 'file',
          line: at,
          label: `run as \`python -m ${prefix}${stem}\` by the argument list in ${file}:${line} ("-m", "${prefix}" + a name), the name "${stem}" written at ${file}:${at}`,
        });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'python-module-prefix-args',
  title: 'Python modules run by `-m` with a name completed from a package prefix',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (f.endsWith('.py') && ctx.facts(f)?.textMarks?.includes('module-prefix') === true) return `${f} writes "-m" and a module prefix completed by +`;
    }
    return null;
  },
  collect: collectModulePrefixArgs,
};

export default reader;

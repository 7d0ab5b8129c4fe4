/**
 * Stop 53: Python source a module holds in a string constant and writes to a file, for a runner to
 * load later. buildbot-worker's `create-worker` joins `workerTACTemplate` (scripts/create_worker.py:22,
 * a list of triple-quoted strings whose first holds `from buildbot_worker.bot import Worker`) into
 * buildbot.tac and writes it (`f.write(tac_file_contents)`, :141); `start` then runs `twistd
 * --python=buildbot.tac`. Nothing else imports bot.py, and bot.py is the worker: 22 files hang on
 * that one line. gnocchi's setuptools.py writes the WSGI script `SCRIPT_TMPL` (`from gnocchi.cli
 * import api`) so too.
 *
 * Each absolute `import`/`from … import` line inside such a string that names a repo module is an
 * edge from the holding module, which writes it out. Where it stops:
 * - never in a test file or folder (a test writes a sample to parse it, not to run it);
 * - only a module-level `NAME = """…"""` (or a list/tuple of such strings): a docstring's example,
 *   a string passed inline, or one assigned inside a function is not a template;
 * - the string spans lines (a one-line string is a message, not a file);
 * - NAME is used in a function that writes a file, or that calls (by bare name) a function of the
 *   module that does; a file write is `.write_text(` or `R.write(`/`R.writelines(` on a handle R the
 *   same function binds by `open(` (review 3: `self.stdout.write(NOTICE)`, `sys.stderr.write(USAGE)`,
 *   or `print(EXAMPLE)` beside an unrelated `f.write(json)` gave false liveness). A usage text that is
 *   only shown gives nothing;
 * - an import line counts at the string's column 0 only, as a module's own imports stand (an example
 *   indented in a help text is none); a relative import names nothing (the written file lives
 *   elsewhere), nor does a commented line.
 */
import { listedPaths } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { testRoots } from '../test-roots.js';
import { fromName, moduleFile } from './python-files.js';
import { tokenize, stringContent, type PythonTokens } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { isOp, matchClose, nameText, splitTop } from '../../languages/python/ranges.js';
import { isPlainString } from '../../languages/python/literals.js';

/** A module-level assignment whose value opens with a triple-quoted string (maybe inside `[`/`(`): the cheap test before tokens. */
const TEMPLATE_ASSIGNMENT = /^[A-Za-z_]\w*[ \t]*=[ \t]*[[(]?\s*[rRuU]?(?:"""|''')/m;
/** A write call somewhere in the text (confirmed on tokens). */
const WRITE_CALL = /\.(?:write|write_text|writelines)\s*\(/;
const WRITE_NAMES: ReadonlySet<string> = new Set(['write', 'write_text', 'writelines']);
/**
 * A top-level import line of the template, at its column 0 as a module's own imports stand:
 * `from a.b import c, d` / `import a.b as c, d`, or `from a.b import (` whose names run to its `)`
 * (Stop 54, review 3 #5: parenthesisedNames). An example indented in a usage text is not one.
 * The lookahead caps the line at 500 characters, as doctest-imports' EXAMPLE_IMPORT: the lazy name
 * runs before `[ \t]*$` backtrack quadratically on a long line of blanks (60k: 6 s of CPU).
 */
export const IMPORT_LINE = /^(?=[^\n]{0,500}$)(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import[ \t]+(?:\(?([\w \t,]+?)\)?|\()|import[ \t]+([A-Za-z_][\w. \t,]*?))[ \t]*(?:#[^\n]*)?$/gm;
/** Templates read per file, lines per template: a hostile file costs no more. */
const MAX_TEMPLATES = 50;
/**
 * A test writes a code sample to parse or lint it, not to run it (review 3: a test that ast-counts
 * `from app.legacy import X` made app/legacy.py a test file): test files and folders hold no template.
 */
const TEST_FILE = /(?:^|\/)(?:tests?|testing)\/|(?:^|\/)(?:test_[^/]*|[^/]*_tests?|conftest)\.py$/;
const MAX_IMPORTS = 200;

interface TemplateImport {
  file: string;
  name: string;
  line: number;
  statement: string;
  writeLine: number;
  target: string;
}

/** The string tokens of a module-level value: one run of strings, or a list/tuple of them; null for anything else. */
const templateStrings = (t: PythonTokens, from: number, to: number): number[] | null => {
  const all = (a: number, b: number): number[] | null => {
    const out: number[] = [];
    for (let i = a; i < b; i++) {
      if (!isPlainString(t, i)) return null;
      out.push(i);
    }
    return out.length > 0 ? out : null;
  };
  if (isOp(t, from, Op.LBracket) || isOp(t, from, Op.LParen)) {
    const close = matchClose(t, from, to);
    if (close !== to - 1) return null;
    const out: number[] = [];
    for (const [a, b] of splitTop(t, from + 1, close)) {
      if (a === b) continue;
      const part = all(a, b);
      if (part === null) return null;
      out.push(...part);
    }
    return out.length > 0 ? out : null;
  }
  return all(from, to);
};

interface Def {
  name: string;
  /** Token range [from, to) of the def and its body. */
  from: number;
  to: number;
  /** Line of its first write to a file; 0 for none. */
  writes: number;
}

const nameAt = (t: PythonTokens, i: number, name: string): boolean =>
  t.kind[i] === Kind.Name && t.end[i] - t.start[i] === name.length && nameText(t, i) === name;

/** Some logical line of [lineFrom, lineTo) binds R by `open(`: `with open(…) as R` or `R = open(…)`. */
const handleBound = (t: PythonTokens, lineFrom: number, lineTo: number, r: string): boolean => {
  for (let l = lineFrom; l < lineTo; l++) {
    const a = t.lineFirst[l];
    const b = t.lineEnd[l];
    let opens = false;
    for (let i = a; i + 1 < b && !opens; i++) opens = nameAt(t, i, 'open') && isOp(t, i + 1, Op.LParen);
    if (!opens) continue;
    if (nameAt(t, a, r) && isOp(t, a + 1, Op.Assign)) return true;
    for (let i = a; i + 1 < b; i++) if (nameAt(t, i, 'as') && nameAt(t, i + 1, r)) return true;
  }
  return false;
};

/**
 * The module's functions, each with the line of its first write to a file: `.write_text(` (a Path), or
 * `R.write(`/`R.writelines(` on a handle R the same function binds by `open(`. A write to
 * sys.stdout, self.stdout or a stream passed in is none: that text is shown, not saved.
 */
const defs = (t: PythonTokens): Def[] => {
  const out: Def[] = [];
  for (let l = 0; l < t.lines; l++) {
    let a = t.lineFirst[l];
    if (nameAt(t, a, 'async')) a++;
    if (!nameAt(t, a, 'def') || t.kind[a + 1] !== Kind.Name) continue;
    let stop = l + 1;
    while (stop < t.lines && t.lineIndent[stop] > t.lineIndent[l]) stop++;
    const to = stop < t.lines ? t.lineFirst[stop] : t.count;
    let writes = 0;
    for (let i = a + 2; i + 1 < to && writes === 0; i++) {
      if (t.kind[i] !== Kind.Name || !isOp(t, i - 1, Op.Dot) || !isOp(t, i + 1, Op.LParen) || !WRITE_NAMES.has(nameText(t, i))) continue;
      const handle = t.kind[i - 2] === Kind.Name && !isOp(t, i - 3, Op.Dot) && handleBound(t, l, stop, nameText(t, i - 2));
      if (nameText(t, i) === 'write_text' || handle) writes = t.line[i];
    }
    out.push({ name: nameText(t, a + 1), from: t.lineFirst[l], to, writes });
  }
  return out;
};

/**
 * The write line a template NAME reaches: a function that uses NAME and writes a file, or that calls
 * (by bare name) a function of the module that does; 0 for none.
 */
const writtenBy = (t: PythonTokens, fns: readonly Def[], name: string): number => {
  const writers = new Map<string, number>();
  for (const f of fns) if (f.writes !== 0 && !writers.has(f.name)) writers.set(f.name, f.writes);
  if (writers.size === 0) return 0;
  for (const f of fns) {
    let uses = false;
    for (let i = f.from; i < f.to && !uses; i++) uses = nameAt(t, i, name);
    if (!uses) continue;
    if (f.writes !== 0) return f.writes;
    for (let i = f.from + 2; i + 1 < f.to; i++) {
      if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen) || isOp(t, i - 1, Op.Dot)) continue;
      const w = writers.get(nameText(t, i));
      if (w !== undefined) return w;
    }
  }
  return 0;
};

/** Names a parenthesised import holds from `at` (just past its `(`) to its `)`, comments dropped; null when it does not close within 2000 characters. */
const parenthesisedNames = (body: string, at: number): string | null => {
  const close = body.indexOf(')', at);
  if (close < 0 || close - at > 2000) return null;
  const names = body.slice(at, close).replace(/#[^\n]*/g, '').replace(/\s+/g, ' ');
  return /^[\w ,]*$/.test(names) ? names : null;
};

/** The repo modules an import line names, absolute names only; `names`: a `from` line's, when not on the line itself. */
const importTargets = (ctx: FrameworkContext, file: string, m: RegExpMatchArray, names = m[2]): string[] => {
  const out: string[] = [];
  const add = (dotted: string): boolean => {
    const target = moduleFile(ctx, file, dotted);
    if (target !== null && target !== file) out.push(target);
    return target !== null;
  };
  const firstName = (part: string): string => part.trim().split(/[ \t]+as[ \t]+/)[0];
  if (m[1] !== undefined) {
    const listed = (names ?? '').split(',').map(firstName).filter((n) => n !== '');
    // `from pkg import mod`: the module when it is one, else the module that defines the name.
    let missing = listed.length === 0;
    for (const n of listed) if (!add(fromName(m[1], n))) missing = true;
    if (missing) add(m[1]);
  } else {
    for (const part of m[3].split(',')) add(firstName(part));
  }
  return out;
};

const templateImports = perScan((ctx: FrameworkContext): TemplateImport[] => {
  const out: TemplateImport[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    // The extractor notes the triple-quoted strings with a column-0 import line; a file with none is not read.
    if (!file.endsWith('.py') || ctx.facts(file)?.codeTemplateLines === undefined) continue;
    if (TEST_FILE.test(file) || testRoots(ctx).has(file)) continue;
    const text = ctx.readText(file);
    if (text === null || !TEMPLATE_ASSIGNMENT.test(text) || !WRITE_CALL.test(text)) continue;
    const t = tokenize(text);
    const fns = defs(t);
    if (!fns.some((f) => f.writes !== 0)) continue;
    let templates = 0;
    for (let l = 0; l < t.lines && templates < MAX_TEMPLATES; l++) {
      const first = t.lineFirst[l];
      const end = t.lineEnd[l];
      if (t.lineIndent[l] !== 0 || end - first < 3 || t.kind[first] !== Kind.Name || !isOp(t, first + 1, Op.Assign)) continue;
      const strings = templateStrings(t, first + 2, end);
      if (strings === null) continue;
      const name = nameText(t, first);
      let imports = 0;
      const found: TemplateImport[] = [];
      for (const s of strings) {
        const { start, end: stop } = stringContent(t, s);
        // The tokens' own text: a CR makes it another string than the file's.
        const body = t.text.slice(start, stop);
        if (!body.includes('\n')) continue;
        for (const m of body.matchAll(IMPORT_LINE)) {
          if (++imports > MAX_IMPORTS) break;
          const line = lineAt(t.text, start + m.index!);
          const statement = m[0].replace(/#[^\n]*$/, '').trim();
          // A `(` left open on the line, whatever follows it (`( # noqa`, `(a,`), runs to its `)` (review rm3 #2).
          const open = m[1] !== undefined && statement.includes('(') && !statement.includes(')');
          const names = open ? parenthesisedNames(body, m.index! + m[0].indexOf('(') + 1) : m[2];
          if (names === null) continue;
          const shown = open ? `from ${m[1]} import (${names!.trim().replace(/,$/, '')})` : statement;
          for (const target of importTargets(ctx, file, m, names)) found.push({ file, name, line, statement: shown, writeLine: 0, target });
        }
      }
      if (found.length === 0) continue;
      templates++;
      const written = writtenBy(t, fns, name);
      if (written !== 0) out.push(...found.map((d) => ({ ...d, writeLine: written })));
    }
  }
  return out;
});

const reader: FrameworkReader = {
  id: 'code-templates',
  title: 'Python source a module holds in a string constant and writes to a file (a twistd .tac, a WSGI script)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = templateImports(ctx)[0];
    return first ? `${first.file}:${first.line} holds Python source in ${first.name} (${first.statement}) and writes a file at line ${first.writeLine}` : null;
  },
  collect: (ctx): FrameworkOutput => {
    const out = emptyFrameworkOutput();
    for (const d of templateImports(ctx)) {
      out.references.push({
        from: d.file,
        target: d.target,
        targetKind: 'file',
        line: d.line,
        label: `imported by the Python source ${d.file}:${d.line} holds in ${d.name} (${d.statement}), which that module writes to a file (.write at line ${d.writeLine})`,
      });
    }
    return out;
  },
};

export default reader;

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
 * - only a module-level `NAME = """…"""` (or a list/tuple of such strings): a docstring's example,
 *   a string passed inline, or one assigned inside a function is not a template;
 * - the string spans lines (a one-line string is a message, not a file);
 * - the module uses NAME again past its assignment, and makes a `.write(`/`.write_text(`/
 *   `.writelines(` call in code (a comment's or a string's is no token): a usage text that holds an
 *   example import and is only printed gives nothing;
 * - an import line counts at the string's column 0 only, as a module's own imports stand (an example
 *   indented in a help text is none); a relative import names nothing (the written file lives
 *   elsewhere), nor does a commented line.
 */
import { listedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
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
 * `from a.b import c, d` / `import a.b as c, d`. An example indented in a usage text is not one.
 * The lookahead caps the line at 500 characters, as doctest-imports' EXAMPLE_IMPORT: the lazy name
 * runs before `[ \t]*$` backtrack quadratically on a long line of blanks (60k: 6 s of CPU).
 */
export const IMPORT_LINE = /^(?=[^\n]{0,500}$)(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import[ \t]+\(?([\w \t,]+?)\)?|import[ \t]+([A-Za-z_][\w. \t,]*?))[ \t]*(?:#[^\n]*)?$/gm;
/** Templates read per file, lines per template: a hostile file costs no more. */
const MAX_TEMPLATES = 50;
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

/** The first `.write(`-like call in code, by line; 0 for none. */
const writeLine = (t: PythonTokens): number => {
  for (let i = 1; i + 1 < t.count; i++) {
    if (t.kind[i] === Kind.Name && isOp(t, i - 1, Op.Dot) && isOp(t, i + 1, Op.LParen) && WRITE_NAMES.has(nameText(t, i))) return t.line[i];
  }
  return 0;
};

/** NAME appears as a name token outside its own assignment [first, end). */
const usedElsewhere = (t: PythonTokens, name: string, first: number, end: number): boolean => {
  for (let i = 0; i < t.count; i++) {
    if (i === first) i = end;
    if (i < t.count && t.kind[i] === Kind.Name && t.end[i] - t.start[i] === name.length && nameText(t, i) === name) return true;
  }
  return false;
};

/** The repo modules an import line names, absolute names only. */
const importTargets = (ctx: FrameworkContext, file: string, m: RegExpMatchArray): string[] => {
  const out: string[] = [];
  const add = (dotted: string): boolean => {
    const target = moduleFile(ctx, file, dotted);
    if (target !== null && target !== file) out.push(target);
    return target !== null;
  };
  const firstName = (part: string): string => part.trim().split(/[ \t]+as[ \t]+/)[0];
  if (m[1] !== undefined) {
    const names = m[2].split(',').map(firstName).filter((n) => n !== '');
    // `from pkg import mod`: the module when it is one, else the module that defines the name.
    let missing = false;
    for (const n of names) if (!add(fromName(m[1], n))) missing = true;
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
    const text = ctx.readText(file);
    if (text === null || !TEMPLATE_ASSIGNMENT.test(text) || !WRITE_CALL.test(text)) continue;
    const t = tokenize(text);
    const written = writeLine(t);
    if (written === 0) continue;
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
          const line = t.line[s] + countNewlines(t.text, t.start[s], start + m.index!);
          for (const target of importTargets(ctx, file, m)) {
            found.push({ file, name, line, statement: m[0].replace(/#[^\n]*$/, '').trim(), writeLine: written, target });
          }
        }
      }
      if (found.length === 0) continue;
      templates++;
      if (usedElsewhere(t, name, first, end)) out.push(...found);
    }
  }
  return out;
});

const countNewlines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

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

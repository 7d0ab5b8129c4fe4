/**
 * Stop 59: import statements written out as literal source text and handed to something that runs
 * it — `exec("from pkg import mod")`, or an embedded interpreter's `runsource`/`runcode`/`push`
 * (code.InteractiveInterpreter and the REPLs built on it) or `compile(…)`. bpython's
 * curtsiesfrontend/repl.py:2060 `self.coderunner.interp.runsource("from
 * bpython.curtsiesfrontend._internal import _Helper\n")` and cli.py:1167 `self.push("from
 * bpython._internal import _help as help\n", False)` are the only importers of those two modules.
 *
 * Only a call whose first argument is a plain string literal (no f-string, no `%`/`.format`: those are
 * exec-imports' formatted ones) and whose every line is read: `import a.b[ as c][, d]` and `from X
 * import n[, m]` lines give X (and `X.n` when that is a module), other lines are skipped. An absolute
 * name must be a module of the repo; a relative one counts under `exec` only (it runs in the calling
 * module's namespace, so `.` is its package; an interpreter's has none). The calls are found by the
 * tokenizer, so such text in a docstring or comment is no call.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { listedPaths } from '../../util/file-index.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, isOp, nameText } from '../../languages/python/ranges.js';
import { stringValue } from '../../languages/python/literals.js';
import { fromName, moduleFile } from './python-files.js';
import { mayHoldPythonMark, RUNS_SOURCE_TEXT } from '../../languages/python/text-marks.js';

/** The calls that run a string of source: the builtin, and code.InteractiveInterpreter's and its REPLs' methods. */
const RUNNERS: ReadonlySet<string> = new Set(['exec', 'runsource', 'runcode', 'push', 'compile']);


/** At most this many runner calls are read in one file. */
const MAX_CALLS = 200;

const DOTTED = String.raw`\.*[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|\.+`;
const FROM_LINE = new RegExp(String.raw`^\s*from\s+(${DOTTED})\s+import\s+\(?\s*([\w\s,]+?)\s*\)?\s*(?:#.*)?$`);
const IMPORT_LINE = new RegExp(String.raw`^\s*import\s+([\w\s.,]+?)\s*(?:#.*)?$`);

/** The dotted names a source text imports: `from X import a, b` gives X, X.a and X.b; `import a.b as c` gives a.b. */
export const importedNames = (source: string): { name: string; also: string[] }[] => {
  const out: { name: string; also: string[] }[] = [];
  for (const line of source.split(/\r?\n|;/)) {
    const from = FROM_LINE.exec(line);
    if (from !== null) {
      const names = from[2].split(',').map((n) => n.trim().split(/\s+as\s+/)[0].trim()).filter((n) => /^[A-Za-z_]\w*$/.test(n));
      out.push({ name: from[1], also: names.map((n) => fromName(from[1], n)) });
      continue;
    }
    const plain = IMPORT_LINE.exec(line);
    if (plain === null) continue;
    for (const part of plain[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0].trim();
      if (/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(name)) out.push({ name, also: [] });
    }
  }
  return out;
};

/** The .py files whose text may hand an import statement to a runner, in the set's order: found once, for enabledBy and collect alike. */
const candidateFiles = perScan((ctx: FrameworkContext): string[] => {
  const found: string[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    // Issue 19: extraction recorded whether the text passes (text-marks.ts); only a file it could not answer for is read here.
    if (!file.endsWith('.py') || !mayHoldPythonMark(ctx.facts(file)?.textMarks, 'runs-source')) continue;
    const text = ctx.manifests.transientText(file);
    if (text !== null && RUNS_SOURCE_TEXT.test(text)) found.push(file);
  }
  return found;
});

export const collectSourceTextImports = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of candidateFiles(ctx)) {
    const t = tokenize(ctx.manifests.transientText(file) ?? '');
    const seen = new Set<string>();
    for (let i = 0, calls = 0; i + 2 < t.count && calls < MAX_CALLS; i++) {
      if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen) || t.kind[i + 2] !== Kind.String) continue;
      const runner = nameText(t, i);
      if (!RUNNERS.has(runner)) continue;
      // `def push(` defines one; `obj.exec(` of any object, a bare `exec(` or `interp.runsource(` all run source.
      if (i > 0 && t.kind[i - 1] === Kind.Name && nameText(t, i - 1) === 'def') continue;
      calls++;
      const args = callArgs(t, i + 1, t.count);
      if (args === null || args.positional.length === 0) continue;
      const [s, e] = args.positional[0];
      const source = stringValue(t, s, e);
      if (source === null) continue;
      const callee = i >= 2 && isOp(t, i - 1, Op.Dot) ? `${nameText(t, i - 2)}.${runner}` : runner;
      // Only the builtin compile( compiles Python source; `re.compile("import pkg.mod")` is a pattern that finds one.
      if (runner === 'compile' && callee !== runner) continue;
      for (const { name, also } of importedNames(source)) {
        if (name.startsWith('.') && callee !== 'exec') continue;
        const statement = source.trim().split('\n')[0].trim();
        const link = (target: string, why: string): void => {
          if (target === file || seen.has(target)) return;
          seen.add(target);
          out.references.push({ from: file, target, targetKind: 'file', line: t.line[i], label: `imported by ${file}:${t.line[i]}, which hands the source text "${statement}" to ${callee}(…) to run${why}` });
        };
        for (const dotted of [name, ...also]) {
          const target = moduleFile(ctx, file, dotted);
          if (target === null) continue;
          link(target, '');
          // `import shell.used` runs shell/__init__.py first: the packages above an absolute name it found.
          if (dotted.startsWith('.')) continue;
          const parts = dotted.split('.');
          for (let k = 1; k < parts.length; k++) {
            const init = moduleFile(ctx, file, parts.slice(0, k).join('.'));
            if (init !== null && init.endsWith('__init__.py')) link(init, ` (a package runs before its modules: ${dotted})`);
          }
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'source-text-imports',
  title: 'Python import statements handed as literal source text to exec or an interpreter',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = candidateFiles(ctx)[0];
    return first === undefined ? null : `${first} hands an import statement to a call that runs source text`;
  },
  collect: collectSourceTextImports,
};

export default reader;

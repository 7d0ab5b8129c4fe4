/**
 * A module that copies one folder of a family its package ships, the folder's name computed: the
 * scaffolder's "pick a template" step. netlify-cli's `functions:create` runs
 * `copyTemplateDir(pathToTemplate, functionPath, vars)` with
 * `pathToTemplate = path.join(templatesDir, lang, templateName)` (dist/commands/functions/functions-create.js:431-443,
 * `templatesDir` = `../../../functions-templates` off the module's folder), so every
 * `functions-templates/<lang>/<name>/{{name}}.js` is written into the user's project; nothing
 * imports them, and census called the 28 templates dead. A copied file is used as data and lives
 * by the copier, as folder-constants and path-wrappers read a copy of a literal path.
 *
 * Read: a copy call (a callee whose last name is `copy…`, `cp`, `cpSync` or `ncp`: `fs.copy`,
 * `fse.copySync`, a repo's own `copyTemplateDir`) whose first argument is a join, or a name the
 * same function declares once holding one (computed-join-loads' heldJoin), of a folder folder-expr.ts
 * settles and parts of which at least one is computed; each computed part stands for one folder
 * name. Every code file at or below a path the pattern allows is a reference from the module, with
 * the call's line. Where it stops: a computed part right under the module's own folder or a folder
 * above it (`join(__dirname, name)` would name the module's siblings), a base census cannot settle
 * (the user's cwd, a parameter), a copy's destination, a call with no destination (a clipboard's
 * `copy(text)`), a computed last part over a folder that holds code files itself or the source of a
 * `copyFile` (the part may name a file: a build script copying its assets out of src/ by name
 * names no source file), a call in a comment or a string, test files and the copier itself. A copy of a literal path is left to the readers of literal paths.
 */
import { compileRepoGlob } from '../../util/glob.js';
import { dirname, joinRepo } from '../../util/path.js';
import { lineCounter } from '../../util/lines.js';
import { folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { perScan } from '../per-scan.js';
import type { FrameworkReader } from '../types.js';
import { blankedText } from './blanked-texts.js';
import { declarationsOf, heldJoin, joinOf } from './computed-join-loads.js';
import { literalValue } from './parameter-values.js';
import { codeFilesMarked, labelledReferences, sortedFiles, type LabelledReference } from './support.js';

const CODE = /\.[cm]?[jt]sx?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)__tests__\//;
/**
 * A copy call's last name (`fs.copy(`, `copyTemplateDir(`, `cpSync(`); the object names before it are
 * read back by calleeStart. Not `(?:name\.)*copy(` in one pattern: tried at every name of a long
 * `a.a.a…` chain that is quadratic (a 32 KB chain took 7.5 s).
 */
export const COPY_CALLEE = String.raw`(?<![\w$])(?:copy[A-Za-z]*|cp|cpSync|ncp)`;
const COPY = new RegExp(String.raw`${COPY_CALLEE}\s*\(`, 'g');
/** The cheap check before a file's text is blanked and searched: a name starting `copy` (one try per word, so `copycopy…` is linear). */
const COPY_MARK = new RegExp(String.raw`${COPY_CALLEE}\s*\(`);
/** A copy of one file (`copyFile`, `copyFileSync`): its source is a file, never a folder with files below it. */
const FILE_COPY = /^copyFile/;
/** How far back a callee's object names are read (`this.fs.promises.` is far shorter). */
const CALLEE_LOOKBACK = 200;
const SPACE = /\s/;
const NAME_CHAR = /[\w$]/;
const NAME_START = /[A-Za-z_$]/;

/** Where a call's callee starts: the last name at `at`, with the `a.b.` object names before it (one backward pass). */
const calleeStart = (text: string, at: number): number => {
  const floor = Math.max(0, at - CALLEE_LOOKBACK);
  let start = at;
  for (;;) {
    let j = start - 1;
    while (j >= floor && SPACE.test(text[j])) j--;
    if (j < floor || text[j] !== '.') return start;
    j--;
    while (j >= floor && SPACE.test(text[j])) j--;
    const end = j + 1;
    while (j >= floor && NAME_CHAR.test(text[j])) j--;
    // No name before the dot (`x[0].copy(`, `).copy(`), one cut by the look-back's floor, or a number.
    if (end === j + 1 || (j >= 0 && NAME_CHAR.test(text[j])) || !NAME_START.test(text[j + 1])) return start;
    start = j + 1;
  }
};

const JOIN_CALL = /^(?:(?:path|nodePath|posix)\s*\.\s*)?(?:join|resolve)\s*\(([\s\S]*)\)$/;
const NAME = /^[A-Za-z_$][\w$]*$/;

/** The repo glob a join with computed parts names (`functions-templates/*\/*`), or null. */
const patternOf = (expr: string, file: string, text: string): string | null => {
  const call = JOIN_CALL.exec(expr.trim());
  if (call === null) return null;
  const [base, ...parts] = splitArgs(call[1]);
  if (base === undefined || parts.length === 0) return null;
  const root = folderOf(base, file, text);
  if (root === null) return null;
  const segments = parts.map((p) => literalValue(p) ?? '*');
  if (!segments.includes('*') || segments.some((s) => s !== '*' && (s.includes('*') || s.includes('{')))) return null;
  return joinRepo(root, ...segments);
};

/** Whether a file is one the pattern names itself, not one below a folder it names. */
const atPattern = (pattern: string): ((file: string) => boolean) => {
  const depth = pattern.split('/').length;
  return (file) => file.split('/').length === depth;
};

const copies = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const matched = new Map<string, string[]>();
  const filesMatching = (pattern: string): string[] => {
    let found = matched.get(pattern);
    if (found === undefined) {
      const exact = compileRepoGlob(pattern);
      const below = compileRepoGlob(`${pattern}/**`);
      found = sortedFiles(ctx).filter((f) => CODE.test(f) && !f.includes('node_modules/') && (exact(f) || below(f)));
      matched.set(pattern, found);
    }
    return found;
  };
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    if (TEST_FILE.test(file) || file.includes('node_modules/')) continue;
    const written = ctx.readText(file) ?? '';
    if (!COPY_MARK.test(written) || (!written.includes('join(') && !written.includes('resolve('))) continue;
    const text = blankedText(ctx, file, written);
    let declared: ReturnType<typeof declarationsOf> | undefined;
    const reassigned = new Map<string, number>();
    let spans: number[] | undefined;
    // The copies come in text order: each line is counted on from the last (lineAt per call was quadratic).
    const lineOf = lineCounter(text);
    for (const m of text.matchAll(COPY)) {
      const at = calleeStart(text, m.index ?? 0);
      if (insideQuoted(text, (spans ??= quotedSpans(text)), at)) continue;
      const open = (m.index ?? 0) + m[0].length - 1;
      const args = balancedText(text, open, 2_000);
      if (args === null) continue;
      // A method's definition (`copy(src, dest) {`) is no call.
      if (/^\s*\{/.test(text.slice(open + args.length, open + args.length + 20))) continue;
      // A copy of files has a source and a destination; `copy(text)` / `copy(text, { format })` is a clipboard's.
      const [source, destination] = splitArgs(args.slice(1, -1));
      if (source === undefined || destination === undefined || /^\s*(?:\{|$)/.test(destination)) continue;
      let expr = joinOf(source);
      if (expr === null) continue;
      let held = '';
      if (NAME.test(expr)) {
        const h = heldJoin(text, (declared ??= declarationsOf(text)), reassigned, expr, at, false);
        if (h === null) continue;
        held = `, ${h.steps.join(', ')}`;
        expr = h.expr;
      }
      const pattern = patternOf(expr, file, text);
      if (pattern === null) continue;
      const fixed = pattern.split('/').slice(0, pattern.split('/').indexOf('*')).join('/');
      // A computed part right under the module's folder, or any folder above it, ranges over the module's own siblings.
      const own = dirname(file);
      if (fixed === '' || own === fixed || own.startsWith(`${fixed}/`)) continue;
      // A computed last part may name a file: where the folder it ranges over holds code files (a build
      // script's `copyFileSync(join(SRC, file), join(DIST, file))` over its assets), census cannot tell
      // which it copies, and every source file there would live by the copier. A family of folders
      // (netlify-cli's functions-templates/<lang>/<name>/) holds none.
      const lastComputed = pattern.endsWith('/*');
      if (lastComputed && (FILE_COPY.test(m[0]) || filesMatching(pattern).some(atPattern(pattern)))) continue;
      const line = lineOf(at);
      const call = `${text.slice(at, open + 1)}${source.trim().replace(/\s+/g, ' ')}, …)`;
      for (const target of filesMatching(pattern)) {
        if (target === file) continue;
        out.push({ from: file, target, line, label: `${file}:${line}, which copies it by a computed path (${call}${held}), read as ${pattern}: every path its literal parts allow, and all below it` });
      }
    }
  }
  return out;
});

const computedJoinCopies: FrameworkReader = {
  id: 'computed-join-copies',
  title: 'files of a shipped folder family a module copies by a computed name (a scaffolder\'s templates)',
  ecosystem: 'javascript',
  ...labelledReferences(copies),
};

export default computedJoinCopies;

/**
 * A module that loads a file by a path joined from a folder it settles, computed whole parts and a
 * literal file name: netlify-cli's `getRecipe(name)` runs
 * `import(pathToFileURL(resolve(directoryPath, '../../recipes', name, 'index.js')).href)`, and its
 * `functions:create` imports `path.join(templatesDir, lang, name, '.netlify-function-template.mjs')`
 * for each template. Nothing names `recipes/vscode/index.js`; the join names every
 * `recipes/<one folder>/index.js`, as the same call would load.
 *
 * Read: a `require(…)` or `import(…)` whose argument is such a join, or `pathToFileURL(…)` (`.href`,
 * `.toString()`) of one, or a name the same function declares once (`const`/`let`/`var`) holding
 * one before the call and never assigns again, or such a name holding `pathToFileURL(…)` of a join or of
 * one such name (Stop 57, sitespeed.io's `pluginUrl`). The join's base is a folder folder-expr.ts settles
 * (`__dirname`, `import.meta.dirname`, `dirname(fileURLToPath(import.meta.url))`, a join of literals
 * onto one, a name holding one); each part it cannot read stands for one folder name
 * (folderPatternOf). Where it stops: the last part must be a literal code file name (`index.js`,
 * not a computed one: computed-specifier and anchored-paths read those); a computed part must come
 * below a literal folder or a base other than the module's own folder or a folder above it
 * (`join(__dirname, name, 'index.js')` would name every subfolder's index beside the loader, and
 * `join(__dirname, '..', name, 'index.js')` every one beside its folder); a join in a comment or a
 * string (a usage line, a code generator's template), another object's `import(…)` method, test
 * files and the loader itself name nothing (review s55-rm2). Stop 63: a required folder loads the
 * file its package.json's `main` names, when there is one, instead of its index (Node's
 * LOAD_AS_DIRECTORY).
 */
import { compileRepoGlob } from '../../util/glob.js';
import { dirname } from '../../util/path.js';
import { folderPatternOf } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { functionRegion } from './function-region.js';
import { emptyFrameworkOutput, type FrameworkReader } from '../types.js';
import { codeFilesMarked, fileReference, resolveToolPath, sortedFiles } from './support.js';
import { packageJsonObject } from '../../manifests/package-json.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { perScan } from '../per-scan.js';
import { blankedText } from './blanked-texts.js';

const CODE = /\.[cm]?[jt]sx?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)__tests__\//;
/** Node's loader, not another object's `import`/`require` method (`loader.import(…)`). */
const LOAD = /(?<![\w$.])(?:require|import)\s*\(/g;
/** `path.join(` / `resolve(` opening a join, with the path module's usual spellings. */
const JOIN_CALL = /^(?:(?:path|nodePath|posix)\s*\.\s*)?(?:join|resolve)\s*\(/;
/** `pathToFileURL(x)`, `url.pathToFileURL(x).href`, `.toString()`: the argument is the path. */
const FILE_URL = /^(?:url\s*\.\s*)?pathToFileURL\s*\(([\s\S]*)\)\s*(?:\.\s*href|\.\s*toString\s*\(\s*\))?$/;
const NAME = /^[A-Za-z_$][\w$]*$/;
/** A join whose last part is a literal ending in `/`: it names a folder. */
const FOLDER_END = /,\s*(["'`])[^"'`\n]*\/\1\s*\)$/;
const TS_FILE = /\.[cm]?tsx?$/;
/**
 * A load whose argument could be one this reader reads (a name, a join, `pathToFileURL(` of either):
 * most files' loads are literal specifiers, and their comments need not be blanked (payload: 22 → 12 ms CPU).
 */
const LOAD_CANDIDATE = /\b(?:require|import)\s*\(\s*(?:(?:url\s*\.\s*)?pathToFileURL\s*\(\s*)?(?:[A-Za-z_$][\w$]*\s*[).]|(?:[\w$]+\s*\.\s*)?(?:join|resolve)\s*\()/;

const NO_MAINS: ReadonlyMap<string, string> = new Map();

interface Loaded {
  from: string;
  target: string;
  line: number;
  label: string;
}

/** The join expression a load's argument is (`join(…)`, `pathToFileURL(join(…)).href`), else null. */
export const joinOf = (arg: string): string | null => {
  const a = arg.trim();
  const url = FILE_URL.exec(a);
  const inner = url ? url[1].trim() : a;
  if (!JOIN_CALL.test(inner)) return NAME.test(inner) ? inner : null;
  const open = inner.indexOf('(');
  return balancedText(inner, open) === inner.slice(open) ? inner : null;
};

/** Every `const`/`let`/`var` declaration of a name in a text, by name: one pass per file, not one per load. */
const DECLARATION = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*/g;
export const declarationsOf = (text: string): Map<string, { index: number; valueAt: number }[]> => {
  const byName = new Map<string, { index: number; valueAt: number }[]>();
  for (const m of text.matchAll(DECLARATION)) {
    const list = byName.get(m[1]) ?? [];
    list.push({ index: m.index ?? 0, valueAt: (m.index ?? 0) + m[0].length });
    byName.set(m[1], list);
  }
  return byName;
};

/** Where `name` is next assigned after `from` (Infinity if never), memoised per file: many loads of one name cost one search. */
const reassignedAfter = (text: string, memo: Map<string, number>, name: string, from: number): number => {
  const key = `${name}@${from}`;
  let at = memo.get(key);
  if (at === undefined) {
    const re = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*(?:=(?!=)|\+=)`, 'g');
    re.lastIndex = from;
    at = re.exec(text)?.index ?? Infinity;
    memo.set(key, at);
  }
  return at;
};

/** `pathToFileURL(` opening a declaration's value, as FILE_URL reads a load's argument. */
const FILE_URL_HEAD = /^(?:url\s*\.\s*)?pathToFileURL\s*\(/;
/** What may follow the URL call to end the value: `.href`, `.toString()`, then the statement's end. */
const URL_TAIL = /^\s*(?:\.\s*href|\.\s*toString\s*\(\s*\))?\s*(?:[;\n]|$)/;

export interface Held {
  expr: string;
  index: number;
  /** The names followed, outermost first, each with its value and line: the evidence's middle part. */
  steps: string[];
}

/**
 * The join a name holds at `at`: its one `const`/`let`/`var` declaration in the function around the
 * call (or the file's top level), before the call, with no later `name =` before it; else null.
 * A name may instead hold `pathToFileURL(X)` (`.href`, `.toString()`) of a join or of one more such
 * name (sitespeed.io's `pluginUrl = pathToFileURL(pluginPath).href` then `import(pluginUrl)`); one
 * URL step only, each name under the same rules.
 */
export const heldJoin = (text: string, declared: Map<string, { index: number; valueAt: number }[]>, memo: Map<string, number>, name: string, at: number, urlStep = true): Held | null => {
  const all = declared.get(name);
  if (all === undefined) return null;
  const start = functionRegion(text, at).start;
  const decls = all.filter((d) => d.index >= start && d.index < at);
  if (decls.length !== 1) return null;
  const { valueAt } = decls[0];
  if (reassignedAfter(text, memo, name, valueAt) < at) return null;
  const head = JOIN_CALL.exec(text.slice(valueAt, valueAt + 80));
  if (head) {
    const open = valueAt + head[0].length - 1;
    const args = balancedText(text, open);
    if (args === null) return null;
    const expr = text.slice(valueAt, open) + args;
    return { expr, index: valueAt, steps: [`${name} = ${expr.replace(/\s+/g, ' ')} at line ${lineAt(text, valueAt)}`] };
  }
  const url = urlStep ? FILE_URL_HEAD.exec(text.slice(valueAt, valueAt + 80)) : null;
  if (url === null) return null;
  const open = valueAt + url[0].length - 1;
  const args = balancedText(text, open);
  if (args === null) return null;
  // Only the URL of the path, whole: `pathToFileURL(p).pathname + x` or `… || other` is another value.
  const tail = URL_TAIL.exec(text.slice(open + args.length, open + args.length + 40));
  if (tail === null) return null;
  const value = text.slice(valueAt, open + args.length + tail[0].length).replace(/[;\s]+$/, '').replace(/\s+/g, ' ');
  const inner = joinOf(args.slice(1, -1));
  if (inner === null) return null;
  const step = `${name} = ${value} at line ${lineAt(text, valueAt)}`;
  if (!NAME.test(inner)) return { expr: inner, index: valueAt, steps: [step] };
  const deeper = heldJoin(text, declared, memo, inner, valueAt, false);
  return deeper === null ? null : { expr: deeper.expr, index: deeper.index, steps: [step, ...deeper.steps] };
};

const loads = perScan((ctx): Loaded[] => {
  const out: Loaded[] = [];
  // One walk of the file list per pattern, however many loads spell it.
  const matched = new Map<string, string[]>();
  const filesMatching = (pattern: string): string[] => {
    let found = matched.get(pattern);
    if (found === undefined) {
      const match = compileRepoGlob(pattern);
      found = sortedFiles(ctx).filter((f) => CODE.test(f) && !TEST_FILE.test(f) && !f.includes('node_modules/') && match(f));
      matched.set(pattern, found);
    }
    return found;
  };
  // A required folder loads its package.json's `main` when that names a file, else its index
  // (Node's LOAD_AS_DIRECTORY): the folders of `folder` (a pattern) that hold a package.json say which.
  // once per folder pattern, as filesMatching: a file of many loads of one held folder join walked the file list per load (review s63-rv2)
  const entriesOf = new Map<string, { files: string[]; mains: ReadonlyMap<string, string> }>();
  const folderEntries = (folder: string, indexes: string[]): { files: string[]; mains: ReadonlyMap<string, string> } => {
    const key = `${folder}\0${indexes.join('\0')}`;
    let found = entriesOf.get(key);
    if (found === undefined) entriesOf.set(key, (found = folderEntriesOnce(folder, indexes)));
    return found;
  };
  const folderEntriesOnce = (folder: string, indexes: string[]): { files: string[]; mains: ReadonlyMap<string, string> } => {
    const match = compileRepoGlob(`${folder}/package.json`);
    const mains = new Map<string, string>();
    for (const manifest of sortedFiles(ctx)) {
      if (!manifest.endsWith('/package.json') || manifest.includes('node_modules/') || !match(manifest)) continue;
      const main = packageJsonObject(ctx.manifests, manifest)?.main;
      const dir = dirname(manifest);
      const target = typeof main === 'string' && main !== '' ? resolveToolPath(ctx, dir, `./${main.replace(/^\.\//, '')}`) : null;
      if (target !== null) mains.set(dir, target);
    }
    return mains.size === 0 ? { files: indexes, mains } : { files: [...indexes.filter((f) => !mains.has(dirname(f))), ...mains.values()].sort(), mains };
  };
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    if (TEST_FILE.test(file)) continue;
    const written = ctx.readText(file) ?? '';
    if ((!written.includes('join(') && !written.includes('resolve(')) || !LOAD_CANDIDATE.test(written)) continue;
    const text = blankedText(ctx, file, written);
    let declared: Map<string, { index: number; valueAt: number }[]> | undefined;
    const reassigned = new Map<string, number>();
    let spans: number[] | undefined;
    for (const m of text.matchAll(LOAD)) {
      // A load spelled in a string (a usage line, a code generator's template) loads nothing here.
      if (insideQuoted(text, (spans ??= quotedSpans(text)), m.index ?? 0)) continue;
      const open = (m.index ?? 0) + m[0].length - 1;
      const arg = balancedText(text, open, 2_000);
      if (arg === null) continue;
      let expr = joinOf(arg.slice(1, -1));
      if (expr === null) continue;
      let held = '';
      if (NAME.test(expr)) {
        const h = heldJoin(text, (declared ??= declarationsOf(text)), reassigned, expr, m.index ?? 0);
        if (h === null) continue;
        held = `, ${h.steps.join(', ')}`;
        expr = h.expr;
      }
      const folder = folderPatternOf(expr, file, text);
      if (folder === null || !folder.includes('*')) continue;
      // `require(path.join(__dirname, '/lib/versioned/', range, '/'))` (gulp-cli's index.js:230): a
      // join ending in `/` is a folder, and Node's require loads its index file (import() loads no folder).
      const pattern = FOLDER_END.test(expr) && text.startsWith('require', m.index ?? 0) ? `${folder}/index${TS_FILE.test(file) ? '.ts' : '.js'}` : folder;
      const segments = pattern.split('/');
      const last = segments[segments.length - 1];
      if (last.includes('*') || !CODE.test(last)) continue;
      const fixed = segments.slice(0, segments.findIndex((s) => s.includes('*'))).join('/');
      // A computed part right under the module's folder, or any folder above it, ranges over every
      // folder there (the loader's own among them): `join(__dirname, '..', name, 'index.js')`.
      const own = dirname(file);
      if (fixed === '' || own === fixed || own.startsWith(`${fixed}/`)) continue;
      const line = lineAt(text, m.index ?? 0);
      const call = text.slice(m.index ?? 0, open + arg.length).replace(/\s+/g, ' ');
      const isFolderLoad = pattern !== folder;
      const { files: targets, mains } = isFolderLoad ? folderEntries(folder, filesMatching(pattern)) : { files: filesMatching(pattern), mains: NO_MAINS };
      // each main file back to the folder whose package.json names it
      const mainOf = new Map([...mains].map(([dir, main]) => [main, dir]));
      for (const target of targets) {
        if (target === file) continue;
        const manifestDir = mainOf.get(target);
        const main = manifestDir === undefined ? null : `${manifestDir}/package.json main, as Node loads the folder ${folder}/ names`;
        out.push({ from: file, target, line, label: `${file}:${line}, which loads it by a computed path (${call}${held}), read as ${main ?? `${pattern}: every file its literal parts allow`}` });
      }
    }
  }
  return out;
});

const computedJoinLoads: FrameworkReader = {
  id: 'computed-join-loads',
  title: 'code files a module loads by a path joined from computed folder names',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = loads(ctx)[0];
    return first ? `${first.from}:${first.line} loads ${first.target} by a computed path` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const l of loads(ctx)) out.references.push(fileReference(l.from, l.target, l.line, l.label));
    return out;
  },
};

export default computedJoinLoads;

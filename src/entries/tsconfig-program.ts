/**
 * Declaration files in a tsconfig's program: tsc reads every `.d.ts` its `files` and `include`
 * select (default: everything under the tsconfig's folder) minus `exclude`, all three through
 * relative `extends` and `${configDir}` (programListing: one program model for declaration files
 * and for the augmenting sources of tsconfig-augmentations.ts), so a `global.d.ts`
 * or `env.d.ts` that nothing imports is still used — by the compiler, hence tooling. That holds
 * for a declaration file that acts ambiently: one that exports nothing (a script's globals,
 * `declare module 'x'`, `export {}` with `declare global`, side-effect imports) or that augments
 * (`declare global`, `declare module '…'`) whatever else it exports. A `.d.ts` that only exports
 * (`export interface Widget`) is a module like any other: its types reach nothing unless a file
 * imports it, so being listed does not make it used (knip reports it unused too). Without the
 * file's facts it is kept. Other sources in the program are code: they must be reached by what
 * runs them, not by being listed — unless they augment (tsconfig-augmentations.ts, stop 49).
 */
import { sortedPaths } from '../util/file-index.js';
import { warning } from '../util/diagnostics.js';
import { parseJsonc } from '../util/jsonc.js';
import { programListing, type ProgramListing } from '../languages/javascript/resolution/tsconfig-program.js';
import { fileEntry } from './support/inputs.js';
import { lineOfKey } from './support/config-document.js';
import { isRecord } from '../manifests/json.js';
import { commentEnd, quotedEnd } from '../languages/javascript/text-skips.js';
import { lineAt } from '../util/lines.js';
import { emptyOutput, type DetectorContext, type EntryDetector } from './types.js';

export const DECLARATION = /\.d\.[cm]?ts$/;
export const TSCONFIG = /^[tj]sconfig(\.[\w.-]+)?\.json$/;
/**
 * `declare global` / `declare module '…'` with what it augments: the part from `declare` on of the
 * augmentation pattern `^([ \t]*(?:export[ \t]+)?)declare[ \t]+(global\b|module[ \t]*(['"])([^'"\n]+)\3)`
 * (multiline), tried where a `declare` stands once augmentationStart has found its line's start.
 */
const DECLARED = /declare[ \t]+(global\b|module[ \t]*(['"])([^'"\n]+)\2)/y;
/** Where a comment, string or template literal may start (commentEnd and quotedEnd say whether one does). */
const SKIP_START = /['"`/]/g;

/**
 * The first augmentation in a file's text (`declare module 'payload'`) outside comments and string or
 * template literals, with its line; null when it has none. The one reading of an augmentation for
 * both a program's declaration files (`nested`: also indented, inside an ambient block, or after
 * `export`) and its sources (tsconfig-augmentations.ts: at column 0 only, since in a source only a
 * top-level one applies). `applies` says whether a `declare module` of that name reaches any file
 * (a `declare global` always does).
 * One forward walk: `code` is where the text is code again after the comments and literals before
 * it, and the matches come in order, so each is tested from where the last one left off (a
 * template literal of 15,000 `declare module` lines in a codegen test is one skip, not 15,000 rescans).
 * The matches are the multiline pattern's, found from each `declare` (a substring search) and its
 * line start (stop 63): the pattern tried `^` at every line start of the text, which on payload's
 * 225 sources marked `declare` cost more than the walk past their strings.
 */
export const augmentationIn = (text: string, { applies = () => true, nested = false }: { applies?: (module: string) => boolean; nested?: boolean } = {}): { what: string; line: number } | null => {
  let code = 0;
  // Where the multiline pattern's next search would start: the end of its last match, or past a skip.
  let from = 0;
  for (let at = text.indexOf('declare'); at >= 0; at = text.indexOf('declare', at + 1)) {
    const start = augmentationStart(text, at);
    if (start < from) continue;
    DECLARED.lastIndex = at;
    const m = DECLARED.exec(text);
    if (m === null) continue;
    from = DECLARED.lastIndex;
    while (code < start) {
      // Plain code is stepped over whole: only a quote, a backtick or a slash can start a skip.
      SKIP_START.lastIndex = code;
      const next = SKIP_START.exec(text);
      if (next === null || next.index >= start) {
        code = start;
        break;
      }
      code = next.index;
      const c = text.charCodeAt(code);
      const end = c === 39 || c === 34 || c === 96 ? quotedEnd(text, code) : commentEnd(text, code);
      code = end < 0 ? code + 1 : end;
    }
    if (code === start) {
      if ((nested || start === at) && (m[3] === undefined || applies(m[3]))) return { what: `declare ${m[1].replace(/[ \t]+/g, ' ')}`, line: lineAt(text, start) };
      continue;
    }
    // Inside a comment or a literal that runs to `code`: the next match can only be code from there on.
    if (from < code) from = code;
  }
  return null;
};

/** A line terminator as `^` under the `m` flag reads one: \n, \r, U+2028, U+2029. */
const endsLine = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number): boolean => c === 32 || c === 9;

/**
 * Where the augmentation whose `declare` is at `at` starts: the start of its line, when only blanks
 * and an `export` followed by blanks stand before it there (the pattern's `^[ \t]*(?:export[ \t]+)?`);
 * else -1. The blanks are greedy and `export` starts with no blank, so a `declare` has one start at most.
 */
const augmentationStart = (text: string, at: number): number => {
  let p = at;
  while (p > 0 && isBlank(text.charCodeAt(p - 1))) p--;
  if (p === 0 || endsLine(text.charCodeAt(p - 1))) return p;
  if (p === at || p < 6 || !text.startsWith('export', p - 6)) return -1;
  p -= 6;
  while (p > 0 && isBlank(text.charCodeAt(p - 1))) p--;
  return p === 0 || endsLine(text.charCodeAt(p - 1)) ? p : -1;
};

/**
 * Whether a declaration file acts ambiently: the compiler uses it for being in the program,
 * without an import of it (it exports nothing, or it augments: augmentationIn, nested). Without
 * the file's facts it is kept.
 */
// Once per file and scan (keyed by the scan's manifests, as programListing is): a base config's
// `include` can list one declaration file for every config that extends it (payload: 41).
const ambientOf = new WeakMap<object, Map<string, boolean>>();
export const actsAmbiently = (ctx: DetectorContext, f: string): boolean => {
  let known = ambientOf.get(ctx.manifests);
  if (!known) ambientOf.set(ctx.manifests, (known = new Map()));
  let ambient = known.get(f);
  if (ambient === undefined) {
    const facts = ctx.facts?.(f);
    ambient = facts === undefined || (facts.exportedNames === undefined && facts.hasStarImport !== true) || augmentationIn(ctx.manifests.text(f) ?? '', { nested: true }) !== null;
    known.set(f, ambient);
  }
  return ambient;
};

/**
 * The repo's declaration files outside node_modules, sorted, found once per file set: each
 * tsconfig's program listing is then asked about those, not about every file (payload has 269
 * tsconfigs over 8,855 files, 28 of them declaration files).
 */
// Keyed by the file index's sorted list, which is rebuilt exactly when the index's is, so this
// memo needs no invalidation of its own.
const declarationsOf = new WeakMap<readonly string[], string[]>();
const declarationFiles = (files: ReadonlySet<string>): readonly string[] => {
  const sorted = sortedPaths(files);
  let paths = declarationsOf.get(sorted);
  if (!paths) {
    paths = sorted.filter((f) => DECLARATION.test(f) && !f.includes('node_modules/'));
    declarationsOf.set(sorted, paths);
  }
  return paths;
};

/**
 * Where the list of a tsconfig's program that took a file in is said, for the evidence of both
 * detectors on programListing (this one and tsconfig-augmentations.ts): `include at pkg/tsconfig.json:3`
 * with that line, `include at pkg/tsconfig.json (from tsconfig.base.json:3, which it extends)` for a
 * list the config inherits (no line: the entry's line is the config's own), or tsc's default
 * `include` (everything below the config's folder) when neither it nor a base says one.
 */
export const listingWhere = (ctx: DetectorContext, file: { path: string; text: string }, listed: ProgramListing): { where: string; line?: number } => {
  const own = listed.config === file.path;
  const line = lineOfKey(own ? file.text : (ctx.manifests.text(listed.config) ?? ''), listed.key);
  if (own) return line === undefined ? { where: `the default include of ${file.path} (every file below its folder)` } : { where: `${listed.key} at ${file.path}:${line}`, line };
  return { where: `${listed.key} at ${file.path} (from ${listed.config}${line === undefined ? '' : `:${line}`}, which it extends)` };
};

/**
 * listingWhere for one tsconfig's files, answered once per list that took them in: the answer
 * depends on the config and the list alone, and each ask blanked the config's comments and split
 * its lines again (payload: 535 augmenting sources from 269 configs, a handful of lists).
 */
export const listingsWhere = (ctx: DetectorContext, file: { path: string; text: string }): ((listed: ProgramListing) => { where: string; line?: number }) => {
  const known = new Map<string, { where: string; line?: number }>();
  return (listed) => {
    const key = `${listed.key}\0${listed.config}`;
    let where = known.get(key);
    if (where === undefined) known.set(key, (where = listingWhere(ctx, file, listed)));
    return where;
  };
};

const tsconfigProgram: EntryDetector = {
  id: 'tsconfig-program',
  title: 'declaration files in a tsconfig program (files, include, exclude)',
  matches: (path, name) => TSCONFIG.test(name) && !path.includes('node_modules/'),
  candidates: { extensions: ['json'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const parsed = parseJsonc(file.text);
    if (!('value' in parsed)) {
      out.diagnostics.push(warning('tsconfig-program/invalid', `not valid JSON: ${parsed.error}`, file.path, parsed.line));
      return out;
    }
    if (!isRecord(parsed.value)) return out;
    // The program as tsc builds it: files/include/exclude through `extends`, `${configDir}` (programListing, as for sources).
    const listing = programListing(ctx.manifests, file.path);
    const whereOf = listingsWhere(ctx, file);
    for (const f of declarationFiles(ctx.files)) {
      const listed = listing(f);
      if (listed === null || !actsAmbiently(ctx, f)) continue;
      const { where, line } = whereOf(listed);
      out.entries.push(fileEntry(f, 'tooling', `${where}: in the TypeScript program`, line));
    }
    return out;
  },
};

export default tsconfigProgram;

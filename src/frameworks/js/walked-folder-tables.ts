/**
 * A table of folder names, each folder walked by a recursive reader that hands every file to a
 * loader: nightwatch's `lib/api/index.js` lists its built-in command folders in a table
 * (`protocolActions: {dirPath: 'protocol', …}`, `clientCommands: 'client-commands'`), joins each
 * onto its own folder (`dirPath = path.join(__dirname, commands.dirPath)`), walks it with
 * `Utils.readFolderRecursively(dirPath, [], (dirPath, fileName, namespace) => …)` and, down the
 * callback's chain, calls `loader.loadModule(dirPath, fileName)`, which requires
 * `path.join(dirPath, fileName)`. Nothing imports those ~265 command files by name. The hops run
 * through option objects and classes no reader follows, so this reads the four ends, each needed:
 *
 * - a walker: a function whose first parameter it lists (`readdirSync(P)`/`readdir(P)`), that
 *   calls itself (it recurses into subfolders) and calls one of its other parameters back;
 * - a name loader: a function `L(A, B, …)` that requires (`require`, `import()`, or a function
 *   named `…require…`) `path.join(A, B)`, directly or through a local holding it;
 * - the caller: a file that calls the walker with a name `N` and a callback `(d, f, …) =>` whose
 *   two first parameters it hands, by those names, to a name loader (`L(d, f)`), and that assigns
 *   `N = path.join(__dirname, V.prop)` (or `…, V)`);
 * - the table, in the caller: each `prop: '<folder>'` entry, and (when the caller also joins `V`
 *   bare) each `key: '<folder>'` beside the objects holding those entries, naming a folder next
 *   to the caller.
 *
 * Every code file under such a folder, subfolders too (the walker recurses), test files left out,
 * is a reference from the caller at the table's line, the evidence naming the join, the walk and
 * the loader. A folder named in a table that is only copied, read or listed adds nothing: without
 * a name loader reached from the callback's names there is no require.
 */
import { pathsWithPrefix, isFolder } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { walkBraces, paramListBefore } from './function-region.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { codeFilesMarked, fileReference } from './support.js';
import { lineAt, lineCounter, lineOfOffset, lineStarts } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import { escapeRegExp } from '../../util/regexp.js';
import { callArgsText } from './parameter-values.js';

const CODE = /\.[cm]?[jt]sx?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const NAME = String.raw`[A-Za-z_$][\w$]*`;
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'with']);

interface Defined {
  file: string;
  name: string;
  line: number;
  params: string[];
  body: string;
  /** Where the body lies in its file's text. */
  start: number;
  end: number;
}

/** The name before a function body's `{`: `function n(…)`, a method `static n(…)`, `n = (…) =>`. */
const NAMED = new RegExp(String.raw`(?:function\s+|(?:^|[\s;{}])(?:static\s+|async\s+)*)(${NAME})\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$|(${NAME})\s*=\s*(?:async\s*)?(?:function\s*)?\([^()]*\)\s*=>\s*$`);
/** What loads: `require`, `import()`, or a function named for requiring (`requireModule`, `safeRequire`), not a check (`isRequired`, `checkRequirements`). */
const REQUIRER = String.raw`(?:require|import|(?![\w$]*[rR]equire(?:d|ment))[\w$]*[rR]equire[\w$]*)`;
/** A require of a computed argument (a name first): a file without one defines no name loader. */
const COMPUTED_REQUIRE = new RegExp(String.raw`(?<![\w$])${REQUIRER}\(\s*[A-Za-z_$]`);

/** Each named function body of a text: `function n(…) {`, `n(…) {` (a method), `n = (…) => {`. */
const functionsIn = (file: string, text: string): Defined[] => {
  const out: Defined[] = [];
  const lineOf = lineCounter(text); // walkBraces gives the bodies in order of their `{`
  for (const f of walkBraces(text)) {
    if (f.close === -1) continue;
    const before = text.slice(Math.max(0, f.at - 400), f.at);
    const named = NAMED.exec(before);
    const name = named?.[1] ?? named?.[2];
    if (name === undefined || KEYWORDS.has(name)) continue;
    const params = splitArgs(paramListBefore(text, f.at)).map((p) => /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(p)?.[1] ?? '');
    out.push({ file, name, line: lineOf(f.at), params, body: text.slice(f.at + 1, f.close), start: f.at, end: f.close });
  }
  return out;
};

/** Functions that list their first parameter, recurse, and call another parameter back (found once per scan). */
const walkers = perScan((ctx: FrameworkContext): Defined[] => {
  const out: Defined[] = [];
  for (const file of codeFilesMarked(ctx, ['readdir'])) {
    const text = ctx.readText(file) ?? '';
    if (!text.includes('readdir')) continue;
    for (const fn of functionsIn(file, text)) {
      const [first, ...rest] = fn.params;
      if (!first) continue;
      const lists = new RegExp(String.raw`\breaddir(?:Sync)?\(\s*${escapeRegExp(first)}\s*[,)]`).test(fn.body);
      const recurses = new RegExp(String.raw`(?<![\w$])${escapeRegExp(fn.name)}\(`).test(fn.body);
      const callsBack = rest.some((p) => p !== '' && new RegExp(String.raw`(?<![\w$.])${escapeRegExp(p)}\(`).test(fn.body));
      if (lists && recurses && callsBack) out.push(fn);
    }
  }
  return out;
});

/** Functions `L(A, B)` that require `path.join(A, B)` (found once per scan). */
const nameLoaders = perScan((ctx: FrameworkContext): Defined[] => {
  const out: Defined[] = [];
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    const text = ctx.readText(file) ?? '';
    if (!/(?:join|resolve)\(/.test(text) || !COMPUTED_REQUIRE.test(text)) continue;
    for (const fn of functionsIn(file, text)) {
      const [a, b] = fn.params;
      if (!a || !b) continue;
      const join = String.raw`(?:path\s*\.\s*)?(?:join|resolve)\(\s*${escapeRegExp(a)}\s*,\s*${escapeRegExp(b)}\s*\)`;
      const held = new RegExp(String.raw`\b(?:const|let|var)\s+(${NAME})\s*=\s*${join}`).exec(fn.body)?.[1];
      const loaded = String.raw`(?:${join}${held === undefined ? '' : `|${escapeRegExp(held)}\\b`})`;
      if (new RegExp(String.raw`(?<![\w$])${REQUIRER}\(\s*${loaded}`).test(fn.body)) out.push(fn);
    }
  }
  return out;
});

const CALLBACK = new RegExp(String.raw`^(?:async\s+)?(?:function\s*${NAME}?\s*)?\(\s*(${NAME})\s*,\s*(${NAME})[^)]*\)\s*(?:=>|\{)`);
/** A call in a callback: its callee, dotted (`loadAction.call`, `fs.copyFileSync`). */
const CALLEE = new RegExp(String.raw`(?<![\w$.])(${NAME}(?:\s*\.\s*${NAME})*)\s*\(`, 'g');
/** A callee that touches the file rather than loading it: `fs.*`, `path.*`, or a copy/stat/read/write of its own. */
const FILE_CALLEE = /^(?:fs\w*|path|fse)\s*\.|(?:^|\.)\s*(?:copy|stat|lstat|read|write|unlink|rm|rename|exists|access|open|link|mkdir)\w*$/i;
/** A path call on the names (`path.join(d, f)`): the names inside it are a path being built, not handed on. */
const PATH_CALL = /(?:[\w$]+\s*\.\s*)?(?:join|resolve|relative|basename|extname|dirname)\([^()]*\)/g;

/**
 * Whether a walk's callback hands its two names on to something that may load (a call, or an object
 * passed to one, holding both: nightwatch's `loadAction.call(this, {dirPath, fileName, …})`), not only
 * to the file system or a path join: a callback that copies or stats each file loads nothing, even
 * when another function of the same file calls a loader with names spelled the same.
 */
const handsNamesOn = (callback: string, d: string, f: string): boolean => {
  const body = callback.slice(CALLBACK.exec(callback)?.[0].length ?? 0);
  const has = (text: string, name: string): boolean => new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}(?![\w$])`).test(text);
  for (const c of body.matchAll(CALLEE)) {
    const callee = c[1].replace(/\s+/g, '');
    if (FILE_CALLEE.test(callee) || /^(?:[\w$]+\.)?(?:join|resolve|relative)$/.test(callee)) continue;
    const args = (callArgsText(body, (c.index ?? 0) + c[0].length - 1) ?? '').replace(PATH_CALL, ' ');
    if (has(args, d) && has(args, f)) return true;
  }
  return false;
};
const STRING = /^(["'])([^"'\n\\]+)\1$/;

/** How far back an entry's enclosing `{` is looked for: a hostile file of many entries costs no more per entry. */
const BRACE_WINDOW = 20_000;
/** How many entries outside every table read so far may look for their table (nightwatch: 2 entries, 1 table). */
const MAX_TABLE_SEARCHES = 32;

/** The `{` of the object literal around `at`, or -1 (none within the window). Braces inside strings are counted too (a backward walk cannot tell a quote's side): an unbalanced one in a table misplaces it, bounded by the window. */
const openingBrace = (text: string, at: number): number => {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - BRACE_WINDOW); i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{' && depth-- === 0) return i;
  }
  return -1;
};

/** The `key: 'string'` entries directly in the object whose `{` is at `open` (nested objects skipped), and where its `}` is. */
const topLevelStrings = (text: string, open: number): { strings: { value: string; index: number }[]; end: number } => {
  const strings: { value: string; index: number }[] = [];
  const entry = new RegExp(String.raw`[{,]\s*${NAME}\s*:\s*(["'])([^"'\n\\]+)\1\s*(?=[,}])`, 'y');
  let depth = 0;
  const last = Math.min(text.length, open + BRACE_WINDOW);
  for (let i = open; i < last; i++) {
    const c = text[i];
    if ((depth === 1 && c === ',') || i === open) {
      entry.lastIndex = i;
      const hit = entry.exec(text);
      if (hit) strings.push({ value: hit[2], index: i + hit[0].search(/[A-Za-z_$]/) });
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { strings, end: i };
  }
  return { strings, end: last };
};

interface TableFolder {
  folder: string;
  line: number;
  how: string;
  /** Named by a string entry of the table itself, joined by the bare `V` join. */
  bare: boolean;
}

/**
 * The folders a caller's table names for a join onto `V.prop` (and `V` bare when `bare`), each once, at
 * its first entry. A table's `{` is looked for only from an entry outside every table already read, and
 * lines are counted only for the entries kept: a file of thousands of entries is read in one pass.
 */
const tableFolders = (text: string, prop: string, bare: boolean): TableFolder[] => {
  const found = new Map<string, { index: number; how: string; bare: boolean }>();
  const tables: { start: number; end: number }[] = [];
  let searches = 0;
  const entry = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(prop)}\s*:\s*(["'])([^"'\n\\]+)\1`, 'g');
  for (const m of text.matchAll(entry)) {
    const at = m.index ?? 0;
    if (!found.has(m[2])) found.set(m[2], { index: at, how: `${prop}: '${m[2]}'`, bare: false });
    if (!bare || searches >= MAX_TABLE_SEARCHES || tables.some((t) => at > t.start && at < t.end)) continue;
    searches++;
    const inner = openingBrace(text, at);
    const table = inner < 0 ? -1 : openingBrace(text, inner);
    if (table < 0) continue;
    const { strings, end } = topLevelStrings(text, table);
    tables.push({ start: table, end });
    for (const s of strings) if (!found.has(s.value)) found.set(s.value, { index: s.index, how: `'${s.value}'`, bare: true });
  }
  const out: TableFolder[] = [];
  for (const [folder, f] of found) if (STRING.test(`'${folder}'`) && !folder.startsWith('/')) out.push({ folder, line: lineAt(text, f.index), how: f.how, bare: f.bare });
  return out;
};

interface Walk {
  caller: string;
  table: TableFolder;
  folder: string;
  joinLine: number;
  join: string;
  callLine: number;
  walker: Defined;
  loadLine: number;
  loader: Defined;
  loadCall: string;
}

const walks = perScan((ctx: FrameworkContext): Walk[] => {
  const byWalker = new Map<string, Defined>();
  for (const w of walkers(ctx)) if (!byWalker.has(w.name)) byWalker.set(w.name, w);
  if (byWalker.size === 0) return [];
  const byLoader = new Map<string, Defined>();
  for (const l of nameLoaders(ctx)) if (!byLoader.has(l.name)) byLoader.set(l.name, l);
  if (byLoader.size === 0) return [];
  const walkCall = new RegExp(String.raw`(?<![\w$])(${[...byWalker.keys()].map(escapeRegExp).join('|')})\(`, 'g');
  const loaderCall = new RegExp(String.raw`(?<![\w$])(${[...byLoader.keys()].map(escapeRegExp).join('|')})\(\s*(${NAME})\s*,\s*(${NAME})\s*[,)]`, 'g');
  const out: Walk[] = [];
  for (const caller of codeFilesMarked(ctx, ['dirname'])) {
    const text = ctx.readText(caller) ?? '';
    if (![...byWalker.keys()].some((n) => text.includes(`${n}(`))) continue;
    // Each file is read once for its loader calls, its joins and its tables, however many walks it holds.
    let loads: Map<string, RegExpMatchArray> | undefined;
    const joinsOf = new Map<string, RegExpMatchArray[]>();
    const tablesOf = new Map<string, TableFolder[]>();
    const seen = new Set<string>();
    let starts: number[] | undefined;
    const lineOf = (offset: number): number => lineOfOffset((starts ??= lineStarts(text)), offset);
    for (const m of text.matchAll(walkCall)) {
      const walker = byWalker.get(m[1])!;
      if (walker.file === caller && (m.index ?? 0) > walker.start && (m.index ?? 0) < walker.end) continue;
      const args = splitArgs(callArgsText(text, (m.index ?? 0) + m[0].length - 1) ?? '').map((a) => a.trim());
      const folderName = /^[A-Za-z_$][\w$]*$/.exec(args[0] ?? '')?.[0];
      const cbText = args.find((a) => CALLBACK.test(a));
      const cb = cbText === undefined ? null : CALLBACK.exec(cbText);
      if (folderName === undefined || cbText === undefined || !cb || !handsNamesOn(cbText, cb[1], cb[2])) continue;
      const key = `${m[1]}\0${folderName}\0${cb[1]}\0${cb[2]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (loads === undefined) {
        loads = new Map();
        for (const l of text.matchAll(loaderCall)) if (!loads.has(`${l[2]}\0${l[3]}`)) loads.set(`${l[2]}\0${l[3]}`, l);
      }
      const load = loads.get(`${cb[1]}\0${cb[2]}`);
      if (!load) continue;
      let joins = joinsOf.get(folderName);
      if (joins === undefined) {
        const joinRe = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(folderName)}\s*=\s*(?:path\s*\.\s*)?(?:join|resolve)\(\s*__dirname\s*,\s*(${NAME})(?:\s*\.\s*(${NAME}))?\s*\)`, 'g');
        joins = [...text.matchAll(joinRe)];
        joinsOf.set(folderName, joins);
      }
      for (const j of joins) {
        if (j[2] === undefined) continue;
        const bareJoin = joins.find((o) => o[1] === j[1] && o[2] === undefined);
        const tableKey = `${j[2]}\0${bareJoin !== undefined}`;
        const tables = tablesOf.get(tableKey) ?? tableFolders(text, j[2], bareJoin !== undefined);
        tablesOf.set(tableKey, tables);
        for (const table of tables) {
          const folder = joinRepo(dirname(caller), table.folder);
          if (folder === null || folder === '' || folder.startsWith('..') || !isFolder(ctx.files, folder)) continue;
          const used = table.bare && bareJoin !== undefined ? bareJoin : j;
          out.push({
            caller,
            table,
            folder,
            joinLine: lineOf(used.index ?? 0),
            join: used[0].replace(/\s+/g, ' '),
            callLine: lineOf(m.index ?? 0),
            walker,
            loadLine: lineOf(load.index ?? 0),
            loader: byLoader.get(load[1])!,
            loadCall: `${load[1]}(${cb[1]}, ${cb[2]})`,
          });
        }
      }
    }
  }
  return out;
});

const walkedFolderTables: FrameworkReader = {
  id: 'walked-folder-tables',
  title: 'folders named in a table, walked by a recursive reader whose callback requires each file (nightwatch command folders)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = walks(ctx)[0];
    return first ? `${first.caller}:${first.table.line} names folder ${first.folder} in a table walked by ${first.walker.name}() (line ${first.callLine})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const done = new Set<string>();
    for (const w of walks(ctx)) {
      for (const target of pathsWithPrefix(ctx.files, `${w.folder}/`)) {
        if (!CODE.test(target) || TEST_FILE.test(target) || target === w.caller || done.has(`${w.caller}\0${target}`)) continue;
        done.add(`${w.caller}\0${target}`);
        const label =
          `${w.caller}:${w.table.line} names folder ${w.folder} in a table (${w.table.how}), joined at line ${w.joinLine} (${w.join}), ` +
          `walked at line ${w.callLine} by ${w.walker.name}() (${w.walker.file}:${w.walker.line}, lists each folder recursively and calls back with each file), ` +
          `whose callback's names reach ${w.loadCall} at line ${w.loadLine} (${w.loader.file}:${w.loader.line} requires the joined path)`;
        out.references.push(fileReference(w.caller, target, w.table.line, label));
      }
    }
    return out;
  },
};

export default walkedFolderTables;

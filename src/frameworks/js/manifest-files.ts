/**
 * A host that keeps a manifest file of its own in each plugin folder and loads the code files it
 * names: ungit lists components/ (server.js:245), keeps each folder holding `ungit-plugin.json`,
 * and ungit-plugin.js parses it (`path.join(this.path, 'ungit-plugin.json')`, :18) and serves
 * `manifest.exports.javascript` as a `<script>` of the plugin's folder (:70-80). No module imports
 * the 19 `NAME.bundle.js` files, so they looked dead.
 *
 * manifest-fields.ts reads such fields in package.json; this reader reads them in a JSON file of
 * another name. A code file that spells the manifest's bare file name as a string literal
 * (`'ungit-plugin.json'`: a name joined onto a folder the code computes) and spells the whole key
 * path to a value as property accesses references the code file the value names in the manifest's
 * folder or below. The path may be spelled in one chain (`manifest.server`) or through one
 * variable (`const exports = this.manifest.exports` … `exports.javascript`). Where it stops: a
 * literal holding a folder (`'./config.json'`, a require of one file) or a name no JSON file of the
 * repo has; package.json (manifest-fields.ts) and TypeScript's configs; a key path the naming file
 * does not spell in full, or spells in a comment or off Node's own objects (`require.main`,
 * `module.exports`, `process.env`: stop 58's review); values that are not code files of the manifest's folder.
 */
import { folderOf } from '../../languages/javascript/folder-expr.js';
import { quotedJsonNames } from '../../languages/javascript/json-names.js';
import { commentsBlanked } from '../../languages/javascript/text-skips.js';
import { isRecord, JSON_MANIFEST } from '../../manifests/json.js';
import { lineStarts, lineOfOffset } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { enclosingCall } from './enclosing-call.js';
import { accessSource, chainPattern, namedFiles, type NamedFile } from './manifest-fields.js';
import { fileReference, jsCodeFiles } from './support.js';
import { pathsNamedLike } from '../../util/file-index.js';

/** Manifests other readers own: npm's, and the configs TypeScript reads (`files`/`include` name sources for the compiler, not a host). */
const OWNED = /^(?:package|package-lock|npm-shrinkwrap|composer)\.json$|^[tj]sconfig(?:\.[\w-]+)*\.json$/;
/** A quoted bare `.json` file name: no folder, no interpolation. */
const BARE_JSON_NAME = /(['"`])([\w@+-][\w.@+-]*\.json)\1/g;
/**
 * Calls that take a field's value as a file (Node's `require`, `import()`, the path joins and
 * resolves, a worker or child process, a file read or served): a one-key read (`cfg.main`) counts
 * only as an argument of one, as any object may have such a key.
 */
const FILE_CALLEE = /(?:^|\.)(?:require|import|resolve|join|pathToFileURL|fork|Worker|readFileSync|readFile|createReadStream|existsSync|sendFile|loadFile)$/;
const IDENT = String.raw`[A-Za-z_$][\w$]*`;

interface ManifestLoad extends NamedFile {
  from: string;
  nameLine: number;
  readLine: number;
  manifestLine: number;
}

/**
 * Not a read of a manifest: a key spelled off one of Node's or the browser's own objects
 * (`require.main`, `module.exports`, `process.env`), which nearly every file holds whatever JSON it
 * names. Tested on the few characters before the access, not as a lookbehind the engine would try at
 * every offset of the text.
 */
const GLOBAL_RECEIVER = /(?:^|[^\w$.])(?:require|module|exports|process|global|globalThis|window|self|document)\s*$/;
const offGlobal = (text: string, at: number): boolean => GLOBAL_RECEIVER.test(text.slice(Math.max(0, at - 24), at));
/** How far an initializer is searched for the key path's first part: a bound, so a long line is not searched again from each declaration on it. */
const MAX_INITIALIZER = 200;
/** How many distinct folder expressions a name is joined onto are read in one file (manifestsMeant). */
const MAX_FOLDER_EXPRS = 64;

/** Whether the property read at `at` is an argument of a call that takes it as a file (FILE_CALLEE). */
const readAsFile = (text: string, at: number): boolean => {
  const call = enclosingCall(text, at);
  return call !== null && FILE_CALLEE.test(call.callee);
};

/** A declaration whose whole initializer is the read that follows, up to its receiver (`const entry = this.manifest`), its name in group 1. */
const DECLARED_BEFORE = new RegExp(String.raw`\b(?:const|let|var)\s+(${IDENT})\s*=\s*${IDENT}(?:\s*\??\.\s*${IDENT})*\s*$`);
/** The end of such a declaration: the read alone, or with a literal default (`const main = m.main || 'index.js';`). */
const HELD_END = /^\s*(?:(?:\|\||\?\?)\s*(?:"[^"\n]*"|'[^'\n]*'))?\s*(?:[;,\n]|$)/;
/** How many uses of a name holding a one-key read are looked at for a call that takes it as a file. */
const MAX_USES = 32;
/** How many names holding a one-key read are followed in one file: each is looked for in the rest of the text (60,000 `var e = m.main` lines: 7 s). */
const MAX_HELD = 16;

/**
 * Where a one-key read at `at`..`end` held by a variable (`const entry = manifest.main;`) is taken
 * as a file through it (`require(path.join(dir, entry))`): the end of that use, else null.
 */
const readAsFileThrough = (text: string, at: number, end: number, held: Set<string>): number | null => {
  const declared = DECLARED_BEFORE.exec(text.slice(Math.max(0, at - 80), at));
  if (declared === null || !HELD_END.test(text.slice(end, end + 80))) return null;
  if (held.has(declared[1]) || held.size >= MAX_HELD) return null;
  held.add(declared[1]);
  const use = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(declared[1])}(?![\w$])`, 'g');
  use.lastIndex = end;
  for (let n = 0, u = use.exec(text); u !== null && n < MAX_USES; n++, u = use.exec(text)) {
    if (readAsFile(text, u.index)) return u.index + u[0].length - 1;
  }
  return null;
};

/**
 * Where `text` spells the whole key path: as one chain, or a prefix assigned to a variable and the
 * rest off that variable. A path of one key (`manifest.server`) only where a call takes it as a
 * file (`require(path.join(dir, manifest.server))`, or a variable holding it: `const entry =
 * manifest.main` … `require(path.join(dir, entry))`), not a test or a log of it.
 */
const readAt = (text: string, keys: string[]): number | null => {
  const held = new Set<string>();
  for (const whole of text.matchAll(new RegExp(chainPattern(keys).source, 'g'))) {
    const at = whole.index ?? 0;
    const end = at + whole[0].length;
    if (offGlobal(text, at)) continue;
    if (keys.length > 1 || readAsFile(text, at)) return end - 1;
    const through = readAsFileThrough(text, at, end, held);
    if (through !== null) return through;
  }
  for (let split = 1; split < keys.length; split++) {
    // The variable is group 1 and the prefix group 2, so the prefix's quote groups count from 3.
    const prefix = keys.slice(0, split).map((k, i) => accessSource(k, i + 3)).join(String.raw`\s*`);
    const declared = new RegExp(String.raw`\b(?:const|let|var)\s+(${IDENT})\s*=\s*[^;\n]{0,${MAX_INITIALIZER}}?(${prefix})(?![\w$])`, 'gd');
    // A name is followed once (its first declaration's search covers the text after any later one), and only so many names (MAX_HELD: 60,000 `var xN = m.exports` lines took 7 s).
    const names = new Set<string>();
    for (const d of text.matchAll(declared)) {
      if (names.has(d[1]) || offGlobal(text, d.indices?.[2]?.[0] ?? 0)) continue;
      if (names.size >= MAX_HELD) break;
      names.add(d[1]);
      const rest = chainPattern(keys.slice(split)).source;
      const use = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(d[1])}\s*${rest}`, 'g');
      use.lastIndex = (d.index ?? 0) + d[0].length;
      const at = use.exec(text);
      if (at !== null) return at.index;
    }
  }
  return null;
};

/**
 * A code file's text when it may quote a bare name some manifest has, else null: by the names extraction recorded
 * (facts jsonNames, set with textMarks: a file with marks and no names quotes none), else by those
 * its text as written quotes. Either is a superset of what BARE_JSON_NAME finds in the text with its
 * comments blanked, so a file passed by here would have given nothing (#19: payload's 7,062 code
 * files were read again, ~75 ms, most for `'package.json'` alone).
 */
const namingText = (ctx: FrameworkContext, file: string, byName: ReadonlyMap<string, string[]>): string | null => {
  const facts = ctx.facts(file);
  if (facts?.textMarks !== undefined) return facts.jsonNames?.some((n) => byName.has(n)) === true ? ctx.manifests.transientText(file) : null;
  const text = ctx.manifests.transientText(file);
  return text !== null && quotedJsonNames(text).some((n) => byName.has(n)) ? text : null;
};

/**
 * The manifests a quoted name at `at` (`length` characters with its quotes) means: when it is an
 * argument after others that name a folder census settles (`path.join(__dirname, 'jobs',
 * 'worker.json')`, `read(__dirname, 'config.json')`), only the one in that folder; a folder the
 * code computes (`path.join(this.path, 'ungit-plugin.json')`, a plugin's) may be any of them.
 */
const manifestsMeant = (text: string, file: string, at: number, length: number, all: string[], folders: Map<string, string | null>): string[] => {
  const call = enclosingCall(text, at);
  if (call === null || call.current !== '' || call.before.length === 0 || !/^\s*[,)]/.test(text.slice(at + length))) return all;
  // One argument before the name is the folder itself (`read(path.join(__dirname, 'jobs'), 'worker.json')`); more are a join's parts.
  const expr = call.before.length === 1 ? call.before[0] : `path.join(${call.before.join(', ')})`;
  let folder: string | null | undefined = folders.get(expr);
  if (folder === undefined) {
    // Each folder expression is read once a file, and only so many: a file quoting a name thousands of times must not read each (a file past that takes every manifest of the name).
    folder = folders.size < MAX_FOLDER_EXPRS ? folderOf(expr, file, text) : null;
    folders.set(expr, folder);
  }
  if (folder === null) return all;
  const meant = joinRepo(folder, basename(all[0]));
  // A folder holding no manifest of the name is misread (a parameter `dir` read as a module's `const dir` of another scope) or made at run time: any may be meant.
  return meant !== null && all.includes(meant) ? [meant] : all;
};

const manifestLoads = perScan((ctx: FrameworkContext): ManifestLoad[] => {
  const byName = new Map<string, string[]>();
  for (const f of pathsNamedLike(ctx.files, { extensions: ['json'] }, 'sorted')) {
    if (!f.endsWith('.json') || f.includes('node_modules/')) continue;
    const name = basename(f);
    if (OWNED.test(name)) continue;
    const list = byName.get(name);
    if (list) list.push(f);
    else byName.set(name, [f]);
  }
  if (byName.size === 0) return [];
  const namedIn = new Map<string, NamedFile[]>();
  const filesNamedIn = (manifest: string): NamedFile[] => {
    let named = namedIn.get(manifest);
    if (named) return named;
    named = [];
    const value = ctx.manifests.get(manifest, JSON_MANIFEST)?.value;
    if (isRecord(value)) {
      const dir = dirname(manifest);
      for (const [key, inner] of Object.entries(value)) namedFiles(ctx, dir, manifest, [key], false, inner, named);
      // The plugin's own files: a value that climbs out of its folder names another plugin's, or the host's.
      named = named.filter((n) => dir === '' || n.target.startsWith(`${dir}/`));
    }
    namedIn.set(manifest, named);
    return named;
  };
  const out: ManifestLoad[] = [];
  for (const file of jsCodeFiles(ctx)) {
    const written = namingText(ctx, file, byName);
    if (written === null) continue;
    // A comment that names a manifest or spells a key path (a plan, a note on another host) reads nothing.
    const text = commentsBlanked(written);
    let starts: number[] | null = null;
    const seen = new Set<string>();
    const folders = new Map<string, string | null>();
    // readAt depends on the text and the keys alone: many plugins' manifests share a key (`"main"`).
    const reads = new Map<string, number | null>();
    const readOf = (keys: string[]): number | null => {
      const key = JSON.stringify(keys);
      let at = reads.get(key);
      if (at === undefined) reads.set(key, (at = readAt(text, keys)));
      return at;
    };
    for (const m of text.matchAll(BARE_JSON_NAME)) {
      const all = byName.get(m[2]);
      // A name each of whose manifests is taken already gives nothing new (a file may quote it thousands of times).
      if (!all || all.every((a) => seen.has(a))) continue;
      for (const manifest of manifestsMeant(text, file, m.index ?? 0, m[0].length, all, folders)) {
        if (seen.has(manifest)) continue;
        seen.add(manifest);
        for (const n of filesNamedIn(manifest)) {
          if (n.target === file) continue;
          const at = readOf(n.keys);
          if (at === null) continue;
          starts ??= lineStarts(text);
          const manifestLine = ctx.manifests.get(manifest, JSON_MANIFEST)?.lineOf(n.keys) ?? 1;
          out.push({ ...n, from: file, nameLine: lineOfOffset(starts, m.index ?? 0), readLine: lineOfOffset(starts, at), manifestLine });
        }
      }
    }
  }
  return out;
});

const manifestFiles: FrameworkReader = {
  id: 'manifest-files',
  title: 'Code files a plugin folder\'s own manifest names in a field its host reads (ungit-plugin.json "exports"."javascript")',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = manifestLoads(ctx)[0];
    return first ? `${first.from}:${first.nameLine} names ${basename(first.manifest)} and reads ${first.keys.map((k) => `"${k}"`).join('.')} (:${first.readLine})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const l of manifestLoads(ctx)) {
      const path = l.keys.map((k) => `"${k}"`).join('.');
      out.references.push(
        fileReference(l.from, l.target, l.readLine, `named by ${l.manifest}:${l.manifestLine} ${path}: "${l.value}", a manifest ${l.from}:${l.nameLine} names ('${basename(l.manifest)}') and reads at :${l.readLine}`),
      );
    }
    return out;
  },
};

export default manifestFiles;

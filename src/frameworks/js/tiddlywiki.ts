/**
 * TiddlyWiki loads its code as tiddlers, never by import: boot.js reads whole folders into the
 * wiki, and a JavaScript tiddler with a `module-type` runs as a module (`require()` between them
 * goes by tiddler title, `$:/core/modules/…`, not by path). Two kinds of folder are read:
 *
 * - a plugin folder, marked by its `plugin.info` (`$:/core` is `core/`, which boot always loads
 *   with `core-server/`; the others are loaded when a wiki's tiddlywiki.info names them,
 *   `"plugins": ["tiddlywiki/codemirror"]`, or when they sit in a wiki's own `plugins/`,
 *   `themes/` or `languages/` folder). A plugin folder is a manifest of its own, as a package is:
 *   its files are what a wiki that names it runs.
 * - a wiki folder, marked by its `tiddlywiki.info`: its `tiddlers/` folder.
 *
 * Each folder is read as boot's loadTiddlersFromPath reads it: every file at any depth (names that
 * start with `.` and `*.meta` files aside), unless the folder holds a `tiddlywiki.files`, which
 * then says which files are read instead: `tiddlers[].file` and `directories[]` (a path read the
 * same way, or `{ path, filesRegExp, searchSubdirectories }`), relative to that folder. Each JS file
 * so read is a root. Its kind: test for a tiddler tagged `$:/tags/test-spec` in its header (the
 * jasmine plugin runs every JavaScript tiddler with that tag) and for every file of a wiki that
 * holds such specs (their helpers, the plugins in its folder); production for the rest, which any
 * wiki that names the plugin runs.
 */
import { isRecord } from '../../manifests/json.js';
import type { EntryKind } from '../../model/verdict.js';
import { warning } from '../../util/diagnostics.js';
import { pathsInDir, pathsWithPrefix, pathsNamedLike } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { parseJsonc } from '../../util/jsonc.js';
import { lineHolding } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';

const CODE = /\.[cm]?js$/;
/** What boot's excludeRegExp leaves out that could hold code: dot names (`.git`, `._x`) and `.meta` files. */
const EXCLUDED = /(^|\/)\.|\.meta$/;
const TEST_SPEC = /^\s*tags:.*\$:\/tags\/test-spec\b/m;

interface Folder {
  /** The folder boot reads. */
  dir: string;
  /** plugin.info or tiddlywiki.info: the marker, and the entries' source. */
  marker: string;
  what: string;
}

const markerFiles = perScan((ctx): { plugins: string[]; wikis: string[] } => {
  const plugins: string[] = [];
  const wikis: string[] = [];
  for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['info'] }); at < listed.length; at++) {
    const f = listed[at];
    const name = basename(f);
    if (name === 'plugin.info') plugins.push(f);
    else if (name === 'tiddlywiki.info') wikis.push(f);
  }
  return { plugins: plugins.sort(), wikis: wikis.sort() };
});

const readJson = (ctx: FrameworkContext, file: string, out: FrameworkOutput | null): Record<string, unknown> | null => {
  const text = ctx.readText(file);
  if (text === null) return null;
  const parsed = parseJsonc(text);
  if (!('value' in parsed)) {
    out?.diagnostics.push(warning('tiddlywiki/invalid-json', `not valid JSON: ${parsed.error}`, file, parsed.line));
    return null;
  }
  return isRecord(parsed.value) ? parsed.value : null;
};

/** A plugin.info is TiddlyWiki's when its title is a system tiddler (`$:/plugins/x/y`, `$:/core`). */
const isTiddlyWikiPlugin = (ctx: FrameworkContext, info: string): boolean => {
  const title = readJson(ctx, info, null)?.title;
  return typeof title === 'string' && title.startsWith('$:/');
};

interface Loaded {
  file: string;
  /** The tiddlywiki.files that listed it, with the line. */
  via?: string;
}

/** The files boot's loadTiddlersFromPath reads from `dir`, honouring each tiddlywiki.files on the way. */
const loadFolder = (ctx: FrameworkContext, dir: string, out: FrameworkOutput, seen: Set<string>): Loaded[] => {
  if (seen.has(dir)) return [];
  seen.add(dir);
  const spec = joinRepo(dir, 'tiddlywiki.files') ?? 'tiddlywiki.files';
  if (ctx.files.has(spec)) return loadSpecification(ctx, dir, spec, out, seen);
  const loaded: Loaded[] = [];
  const specFolders: string[] = [];
  for (const file of pathsWithPrefix(ctx.files, dir === '' ? '' : `${dir}/`)) {
    const rel = dir === '' ? file : file.slice(dir.length + 1);
    if (EXCLUDED.test(rel)) continue;
    // a subfolder with its own tiddlywiki.files is read by it, not whole
    const specFolder = specFolders.find((s) => file.startsWith(`${s}/`));
    if (specFolder !== undefined) continue;
    if (basename(file) === 'tiddlywiki.files' && dirname(file) !== dir) {
      specFolders.push(dirname(file));
      loaded.push(...loadFolder(ctx, dirname(file), out, seen));
      continue;
    }
    if (CODE.test(file)) loaded.push({ file });
  }
  // files sorted before their folder's tiddlywiki.files were taken whole: drop them
  return loaded.filter((l) => l.via !== undefined || !specFolders.some((s) => l.file.startsWith(`${s}/`)));
};

const loadSpecification = (ctx: FrameworkContext, dir: string, spec: string, out: FrameworkOutput, seen: Set<string>): Loaded[] => {
  const info = readJson(ctx, spec, out);
  const text = ctx.readText(spec) ?? '';
  if (info === null) return [];
  const loaded: Loaded[] = [];
  const at = (needle: string) => {
    const line = lineHolding(text, JSON.stringify(needle));
    return line === undefined ? spec : `${spec}:${line}`;
  };
  for (const t of Array.isArray(info.tiddlers) ? info.tiddlers : []) {
    const file = isRecord(t) && typeof t.file === 'string' ? joinRepo(dir, t.file) : null;
    if (file !== null && CODE.test(file) && ctx.files.has(file)) loaded.push({ file, via: at(t.file as string) });
  }
  for (const d of Array.isArray(info.directories) ? info.directories : []) {
    if (typeof d === 'string') {
      const folder = joinRepo(dir, d);
      if (folder !== null) for (const l of loadFolder(ctx, folder, out, seen)) loaded.push({ file: l.file, via: l.via ?? at(d) });
      continue;
    }
    if (!isRecord(d) || typeof d.path !== 'string') continue;
    const folder = joinRepo(dir, d.path);
    if (folder === null) continue;
    let filesRegExp: RegExp;
    try {
      filesRegExp = new RegExp(typeof d.filesRegExp === 'string' ? d.filesRegExp : '^.*$');
    } catch {
      out.diagnostics.push(warning('tiddlywiki/files-regexp', `filesRegExp is not a regular expression: ${String(d.filesRegExp)}`, spec, lineHolding(text, '"filesRegExp"')));
      continue;
    }
    const files = d.searchSubdirectories === true ? pathsWithPrefix(ctx.files, folder === '' ? '' : `${folder}/`) : pathsInDir(ctx.files, folder);
    for (const file of files) {
      const name = basename(file);
      if (CODE.test(file) && name !== 'tiddlywiki.files' && filesRegExp.test(name)) loaded.push({ file, via: at(d.path) });
    }
  }
  return loaded;
};

/** A JavaScript tiddler the jasmine plugin runs: `tags: [[$:/tags/test-spec]]` in its header comment. */
const isTestSpec = (ctx: FrameworkContext, file: string): boolean => TEST_SPEC.test((ctx.readText(file) ?? '').slice(0, 2000));

const folders = (ctx: FrameworkContext): Folder[] => {
  const { plugins, wikis } = markerFiles(ctx);
  const out: Folder[] = [];
  for (const info of plugins) {
    if (!isTiddlyWikiPlugin(ctx, info)) continue;
    const title = readJson(ctx, info, null)?.title as string;
    out.push({ dir: dirname(info), marker: info, what: `TiddlyWiki plugin ${title}` });
  }
  for (const info of wikis) out.push({ dir: joinRepo(dirname(info), 'tiddlers') ?? 'tiddlers', marker: info, what: 'TiddlyWiki wiki folder' });
  return out;
};

/** The wiki folder a file is read for: the nearest tiddlywiki.info above it. */
const wikiOf = (wikis: readonly string[], file: string): string | null => {
  let best: string | null = null;
  for (const info of wikis) {
    const dir = dirname(info);
    if ((dir === '' || file.startsWith(`${dir}/`)) && (best === null || dir.length > best.length)) best = dir;
  }
  return best;
};

const tiddlywiki: FrameworkReader = {
  id: 'tiddlywiki',
  title: 'TiddlyWiki (plugin folders by plugin.info, wiki folders by tiddlywiki.info, tiddlywiki.files)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = folders(ctx)[0];
    return first ? `${first.marker} (${first.what})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const { wikis } = markerFiles(ctx);
    const read = folders(ctx).map((folder) => ({ folder, wiki: wikiOf(wikis, folder.marker), files: loadFolder(ctx, folder.dir, out, new Set()) }));
    // a wiki that holds test specs is a test wiki: its helpers and plugins serve the specs
    const testWikis = new Set<string>();
    for (const r of read) if (r.wiki !== null && r.files.some((l) => isTestSpec(ctx, l.file))) testWikis.add(r.wiki);
    const added = new Set<string>();
    for (const { folder, wiki, files } of read) {
      for (const l of files) {
        const spec = isTestSpec(ctx, l.file);
        const kind: EntryKind = spec || (wiki !== null && testWikis.has(wiki)) ? 'test' : 'production';
        if (added.has(`${kind} ${l.file}`)) continue;
        added.add(`${kind} ${l.file}`);
        const via = l.via ? `, listed in ${l.via}` : '';
        const why = spec ? ': a $:/tags/test-spec tiddler, which the jasmine plugin runs' : kind === 'test' ? `, in a wiki of test specs (${wiki}/)` : '';
        out.entries.push({ source: folder.marker, target: l.file, targetKind: 'file', kind, evidence: `${folder.what} (${folder.marker}) reads it as a tiddler${via}${why}` });
      }
    }
    return out;
  },
};

export default tiddlywiki;

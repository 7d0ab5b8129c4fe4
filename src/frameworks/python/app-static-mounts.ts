/**
 * Stop 63: a web app that serves each of its plugin apps' `static/` folder under the static URL, at
 * a prefix an attribute of the app's class names. FreedomBox's plinth/web_server.py:62-69:
 *
 *     for app in app_module.App.list():
 *         module = sys.modules[app.__module__]
 *         module_path = os.path.dirname(module.__file__)
 *         static_dir = os.path.join(module_path, 'static')
 *         urlprefix = "%s%s" % (web_framework.get_static_url(), app.app_id)
 *         _mount_static_directory(static_dir, urlprefix)
 *
 * so a template's `{% static 'dynamicdns/dynamicdns.js' %}` is modules/dynamicdns/static/dynamicdns.js,
 * the App class of modules/dynamicdns/__init__.py setting `app_id = 'dynamicdns'`. (Django's
 * AppDirectoriesFinder is the same shape with no prefix: each app's `static/`; template-static reads
 * that one for the template's own app.)
 *
 * The rule, read from the code and never run: in a file that names `__file__`, a folder assigned
 * `S = os.path.join(D, 'static')` where D is `os.path.dirname(M.__file__)` and M is
 * `sys.modules[OBJ.__module__]` (the module that defines OBJ's class), within the few lines above;
 * and, within the few lines below, one call handed S and a URL variable assigned an expression that
 * names the static URL (`static_url` or `STATIC_URL`: a prefix outside it is not where `{% static %}`
 * points) and `OBJ.ATTR`. Then every `static/` folder of the tree beside a module whose class body
 * sets `ATTR = 'literal'` is served at `<static URL>literal/`. A folder no module beside it names
 * that way, or an attribute set to no literal, gives nothing.
 */
import { foldersWithPaths, isFolder, pathsInDir } from '../../util/file-index.js';
import { lineAt, splitLines } from '../../util/lines.js';
import { joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';
import { pythonFiles } from './python-files.js';
import { insideSpans, tripleQuotedSpans } from './triple-quoted.js';

/** A plugin app's `static/` folder served under the static URL at `<prefix>/`, and why. */
export interface AppStaticMount {
  folder: string;
  prefix: string;
  /** `plinth/web_server.py:69` — the call that mounts it. */
  mountedAt: string;
  /** `app.app_id` — the attribute the prefix is read from, as the mount names it. */
  attribute: string;
  /** `plinth/modules/dynamicdns/__init__.py:51` — where the class sets it. */
  setAt: string;
}

/** A mount site: the attribute its prefix is read from, and the call's place. */
interface MountSite {
  object: string;
  attribute: string;
  at: string;
}

/** How many lines above the `static` join its module's folder, and below it the mount call, may be. */
const WINDOW = 8;
const JOIN_STATIC = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*os\.path\.join\([ \t]*([A-Za-z_]\w*)[ \t]*,[ \t]*(['"])static\3[ \t]*\)[ \t]*$/;
const MODULE_OF = /^sys\.modules\[[ \t]*([A-Za-z_]\w*)\.__module__[ \t]*\]$/;
// The value is trimmed after the match: a lazy `(.+?)[ \t]*$` retried the blank run at each step, so one
// line of a long run of spaces before its last word took quadratic time (40,000 spaces: 3.5 s).
const ASSIGNED = /^[ \t]*([A-Za-z_]\w*)[ \t]*=(.*)$/;

/** The value assigned to `name` on one of the lines `from`..`to` (the last such), or null. */
const assignedIn = (lines: readonly string[], from: number, to: number, name: string): string | null => {
  for (let i = Math.min(to, lines.length - 1); i >= Math.max(0, from); i--) {
    const m = ASSIGNED.exec(lines[i]);
    if (m !== null && m[1] === name && m[2] !== '') return blanksTrimmed(m[2]);
  }
  return null;
};

/** `s` without its leading and trailing spaces and tabs, by index (a `[ \t]+$` regex is quadratic too). */
const blanksTrimmed = (s: string): string => {
  let from = 0;
  let to = s.length;
  while (from < to && (s[from] === ' ' || s[from] === '\t')) from++;
  while (to > from && (s[to - 1] === ' ' || s[to - 1] === '\t')) to--;
  return s.slice(from, to);
};

/** The mount sites of one file's text. */
export const mountSitesOf = (path: string, text: string): MountSite[] => {
  const out: MountSite[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('static')) continue;
    const join = JOIN_STATIC.exec(lines[i]);
    if (join === null) continue;
    const [, staticVar, dirVar] = join;
    // D = os.path.dirname(M.__file__), M = sys.modules[OBJ.__module__] (or the two in one line).
    const dir = assignedIn(lines, i - WINDOW, i - 1, dirVar);
    const file = dir === null ? null : /^os\.path\.dirname\((.+)\.__file__\)$/.exec(dir);
    if (file === null) continue;
    const moduleExpr = /^[A-Za-z_]\w*$/.test(file[1]) ? assignedIn(lines, i - WINDOW, i - 1, file[1]) : file[1];
    const owner = moduleExpr === null ? null : MODULE_OF.exec(moduleExpr);
    if (owner === null) continue;
    const object = owner[1];
    // One call below handed the folder and a URL variable: `f(static_dir, urlprefix)` either way round.
    for (let j = i + 1; j <= Math.min(lines.length - 1, i + WINDOW); j++) {
      const call = new RegExp(`\\w\\([ \\t]*(?:${staticVar}[ \\t]*,[ \\t]*([A-Za-z_]\\w*)|([A-Za-z_]\\w*)[ \\t]*,[ \\t]*${staticVar})[ \\t]*[,)]`).exec(lines[j]);
      if (call === null) continue;
      const urlVar = call[1] ?? call[2];
      const url = assignedIn(lines, i - WINDOW, j - 1, urlVar);
      if (url === null || !/static_url/i.test(url)) break;
      const attr = new RegExp(`\\b${object}\\.([A-Za-z_]\\w*)\\b(?![ \\t]*\\()`).exec(url);
      if (attr !== null && attr[1] !== '__module__') out.push({ object, attribute: attr[1], at: `${path}:${j + 1}` });
      break;
    }
  }
  return out;
};

/** Each `static/` folder a mount site serves, by the attribute literal a class beside it sets. */
const foldersOf = (ctx: FrameworkContext, site: MountSite): AppStaticMount[] => {
  const out: AppStaticMount[] = [];
  for (const dir of foldersWithPaths(ctx.files)) {
    const folder = joinRepo(dir, 'static');
    if (folder === null || !isFolder(ctx.files, folder)) continue;
    for (const file of pathsInDir(ctx.files, dir)) {
      if (!file.endsWith('.py')) continue;
      const text = ctx.readText(file);
      const set = text === null || !text.includes(site.attribute) ? null : classAttributeLiteral(text, site.attribute);
      if (set === null) continue;
      out.push({ folder, prefix: set.value, mountedAt: site.at, attribute: `${site.object}.${site.attribute}`, setAt: `${file}:${set.line}` });
    }
  }
  return out;
};

/**
 * The first literal a class body of `text` sets `attribute` to, and its line: the indented
 * assignment's block must open with `class` (the nearest less indented code line above it), since
 * the mount reads the attribute of the app object. A local of a function (`app_id = 'x'` in a def)
 * or a line of a docstring is no class attribute.
 */
export const classAttributeLiteral = (text: string, attribute: string): { value: string; line: number } | null => {
  const setting = new RegExp(`^([ \\t]+)${attribute}[ \\t]*=[ \\t]*(['"])([\\w.-]+)\\2[ \\t]*(?:#.*)?$`, 'gm');
  let strings: [number, number][] | null = null;
  // Each earlier assignment's line start -> its indent and block header: a walk up stops at one of the
  // same indent (same block), so a long run of such lines in a def is walked once, not once per line.
  const seen = new Map<number, { indent: number; header: string | null }>();
  for (const m of text.matchAll(setting)) {
    const at = m.index ?? 0;
    strings ??= tripleQuotedSpans(text);
    if (insideSpans(strings, at)) continue;
    const header = blockHeader(text, at, m[1].length, strings, seen);
    seen.set(at, { indent: m[1].length, header });
    if (header?.startsWith('class ') === true) return { value: m[3], line: lineAt(text, at) };
  }
  return null;
};

/**
 * The code line (outside strings and comments) nearest above offset `at` indented less than `indent`,
 * trimmed, or null; an earlier assignment of the same indent (`seen`) answers for its block.
 */
const blockHeader = (text: string, at: number, indent: number, strings: readonly [number, number][], seen: ReadonlyMap<number, { indent: number; header: string | null }>): string | null => {
  let end = at - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const known = seen.get(start);
    if (known !== undefined && known.indent === indent) return known.header;
    const body = line.trim();
    if (body === '' || body.startsWith('#') || insideSpans(strings, start)) continue;
    if (line.length - line.trimStart().length < indent) return body;
  }
  return null;
};

/** The plugin apps' static folders served under the static URL, once per scan; gated on the `__file__` fact. */
export const appStaticMounts = perScan((ctx: FrameworkContext): AppStaticMount[] => {
  const sites: MountSite[] = [];
  for (const path of pythonFiles(ctx)) {
    const facts = ctx.facts(path);
    if (facts !== undefined && facts.mentionsFile !== true) continue;
    const text = ctx.readText(path);
    if (text === null || !text.includes('__module__') || !text.includes('static')) continue;
    sites.push(...mountSitesOf(path, text));
  }
  return sites.flatMap((site) => foldersOf(ctx, site));
});

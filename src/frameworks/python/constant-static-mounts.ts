/**
 * Stop 64: a web app that serves one installed data folder, named by a module constant, at the
 * static URL itself. FreedomBox's plinth/web_server.py:48-49:
 *
 *     static_dir = os.path.join(cfg.file_root, 'static')
 *     _mount_static_directory(static_dir, web_framework.get_static_url())
 *
 * with plinth/cfg.py:14 `file_root = '/usr/share/plinth'`, so base.html's `{% static
 * 'theme/js/main.js' %}` is usr/share/plinth/static/theme/js/main.js (`theme` a link to
 * `themes/default`, followed by template-static as for any static root). Nothing else names that
 * folder: it was dead.
 *
 * The rule, read from the code and never run: a line `S = os.path.join(E, 'static')` where E is a
 * module-level string constant of the file (`NAME`) or of a repo module the file imports (`M.NAME`),
 * its literal an absolute path; within a few lines below, one call handed S and, as the other
 * argument, an expression naming the static URL (`get_static_url()`, `STATIC_URL`) or a variable
 * assigned one just above. Then `<E>/static` is a static root when the tree holds that folder.
 * A constant set inside a def or class, a relative path, a folder the tree does not hold, or a
 * mount at another URL (`custom_static_url = '/plinth/custom/static'`) gives nothing.
 */
import { isFolder } from '../../util/file-index.js';
import { lineAt, splitLines } from '../../util/lines.js';
import { joinRepo } from '../../util/path.js';
import { throughFolderLinks } from '../../util/folder-links.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';
import { fromName, moduleFile, pythonFiles } from './python-files.js';

/** A data folder served at the static URL's root, and why (for the evidence). */
export interface ConstantStaticRoot {
  folder: string;
  why: string;
}

/** How many lines below the `static` join the mount call may be. */
const WINDOW = 8;
const JOIN_STATIC = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*os\.path\.join\([ \t]*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)[ \t]*,[ \t]*(['"])static\3[ \t]*\)[ \t]*(?:#.*)?$/;
/** An expression naming the static URL: Django's `STATIC_URL` or an app's `get_static_url()`/`static_url`. */
const STATIC_URL = /\bstatic_url\b|\bget_static_url\(\)|\bSTATIC_URL\b/;

/** The absolute path a module-level `name = '/…'` of `text` sets (the first such line), and its line. */
const moduleConstant = (text: string, name: string): { value: string; line: number } | null => {
  const m = new RegExp(`^${name}[ \\t]*=[ \\t]*(['"])(/[^'"\\n]*)\\1[ \\t]*(?:#.*)?$`, 'm').exec(text);
  return m === null ? null : { value: m[2], line: lineAt(text, m.index) };
};

/** The repo module file `local` is bound to by the file's imports (`from plinth import cfg`, `import plinth.cfg as cfg`), or null. */
const importedModule = (ctx: FrameworkContext, path: string, local: string): string | null => {
  for (const i of ctx.facts(path)?.imports ?? []) {
    if (i.syntax === 'from') {
      for (const n of i.names) if ((n.alias ?? n.name) === local) return moduleFile(ctx, path, fromName(i.specifier, n.name));
    } else if (i.syntax === 'import' && (i.alias ?? i.specifier) === local) return moduleFile(ctx, path, i.specifier);
  }
  return null;
};

/** The static URL argument of the mount call on `line` handed `staticVar`: the other argument, when it (or the variable it is) names the static URL. */
const mountsAtStaticUrl = (lines: readonly string[], at: number, staticVar: string, joinAt: number): boolean => {
  const line = lines[at];
  const open = line.indexOf('(');
  if (open < 0 || !new RegExp(`\\(\\s*${staticVar}\\s*,|,\\s*${staticVar}\\s*\\)`).test(line)) return false;
  const args = line.slice(open + 1, line.lastIndexOf(')')).split(',').map((a) => a.trim()).filter((a) => a !== staticVar);
  if (args.length !== 1) return false;
  const other = args[0];
  if (STATIC_URL.test(other)) return true;
  if (!/^[A-Za-z_]\w*$/.test(other)) return false;
  for (let k = at - 1; k > joinAt - WINDOW && k >= 0; k--) {
    const m = new RegExp(`^[ \\t]*${other}[ \\t]*=(?!=)(.*)$`).exec(lines[k]);
    if (m !== null) return STATIC_URL.test(m[1]);
  }
  return false;
};

/** The static roots one file mounts. */
const rootsOf = (ctx: FrameworkContext, path: string, text: string): ConstantStaticRoot[] => {
  const out: ConstantStaticRoot[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('static')) continue;
    const join = JOIN_STATIC.exec(lines[i]);
    if (join === null) continue;
    const [, staticVar, expr] = join;
    let mountedAt = -1;
    for (let j = i + 1; j <= Math.min(lines.length - 1, i + WINDOW); j++) {
      if (lines[j].includes(staticVar) && mountsAtStaticUrl(lines, j, staticVar, i)) {
        mountedAt = j;
        break;
      }
    }
    if (mountedAt < 0) continue;
    const dot = expr.indexOf('.');
    const owner = dot < 0 ? path : importedModule(ctx, path, expr.slice(0, dot));
    const ownerText = owner === null ? null : owner === path ? text : ctx.readText(owner);
    const constant = ownerText === null ? null : moduleConstant(ownerText, expr.slice(dot + 1));
    if (constant === null) continue;
    const folder = joinRepo(constant.value.slice(1), 'static');
    if (folder === null || folder === '' || !isFolder(ctx.files, throughFolderLinks(ctx.folderLinks, folder).path)) continue;
    out.push({ folder, why: `${folder}, served at the static URL by ${path}:${mountedAt + 1}, ${expr} being '${constant.value}' at ${owner}:${constant.line}` });
  }
  return out;
};

/** The data folders served at the static URL by a module constant's path, once per scan; gated on the text naming both a `static` join and the static URL. */
export const constantStaticRoots = perScan((ctx: FrameworkContext): ConstantStaticRoot[] => {
  const out: ConstantStaticRoot[] = [];
  for (const path of pythonFiles(ctx)) {
    const text = ctx.readText(path);
    if (text === null || !text.includes("'static')") && !text.includes('"static")')) continue;
    if (!STATIC_URL.test(text)) continue;
    out.push(...rootsOf(ctx, path, text));
  }
  return out;
});

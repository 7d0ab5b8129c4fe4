/**
 * Stop 46: a Python HTTP server built on the standard library's request handlers serves a folder
 * of web files as they are. xpra's `class HTTPRequestHandler(BaseHTTPRequestHandler)` takes
 * `web_root="/usr/share/xpra/www/"` and maps each URL below it in `translate_path`; its HTML5
 * client's pages (`index.html`, `connect.html`) and the scripts they name are fetched by browsers
 * from there, and nothing in the tree imports them (they were a person's pages, manual).
 * `SimpleHTTPRequestHandler(…, directory="/srv/app/www")` (Python 3.7+) names its folder the same way.
 *
 * A module that imports the standard library's HTTP server (`http.server`, Python 2's
 * `BaseHTTPServer`/`SimpleHTTPServer`/`CGIHTTPServer`) and defines a request handler class (a
 * base whose name ends in `HTTPRequestHandler`: `BaseHTTPRequestHandler`, `SimpleHTTPRequestHandler`,
 * `CGIHTTPRequestHandler`) or makes a `SimpleHTTPRequestHandler` with a `directory=` serves its web
 * root: the absolute folder it gives as `web_root=`/`directory=` (a keyword argument or an
 * assignment), or an absolute folder it spells as a string literal that holds an `index.html` of its
 * own (a server's `/usr/share` data-dirs list names no web root). The folder must lie in the
 * filesystem tree the module is part of (its path up to its first FHS folder, as
 * util/filesystem-tree.ts places one for apache-wsgi: the tree's `usr/…` below the repo's root, as a
 * Debian package unpacks). Each page (`.html`, `.htm`) below the folder is a reference from the
 * module, with the literal's line: a page is then reached from the server, and html-pages'
 * `<script src>` references carry the scripts the pages name (a script no page names is not
 * followed). An absolute folder outside such a tree is the machine's, and a relative one depends on
 * where the process starts: neither is followed.
 */
import { byString } from '../../util/compare.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { inFilesystemTree } from '../../util/filesystem-tree.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { labelledReferences, type LabelledReference } from '../js/support.js';
import { importIndex } from './python-files.js';

/** A handler class (`class H(BaseHTTPRequestHandler):`, a repo subclass `class W(HTTPRequestHandler):`) or a stdlib handler made or bound with a folder. */
const HANDLER = /^[ \t]*class\s+\w+\s*\([^)]*\b\w*HTTPRequestHandler\b[^)]*\)\s*:|\bSimpleHTTPRequestHandler\b[^\n]*\bdirectory\s*=/m;
/** An absolute folder as a string literal: `"/usr/share/xpra/www/"`. */
const ABSOLUTE = /(['"])(\/(?:[\w.+-]+\/)*[\w.+-]+\/?)\1/g;
const PAGE = /\.html?$/;
/** The literal is the value of `web_root=` / `directory=` (a keyword argument or an assignment, `self.web_root = "…"`). */
const ROOT_SETTING = /\b(?:web_root|directory)\s*=\s*$/;
/** Where an absolute folder lies in the filesystem tree `file` is part of, or null (no such tree, or it leaves it). */
const placedInTree = (file: string, absolute: string): string | null => inFilesystemTree(file, absolute)?.path ?? null;

/** The standard library's HTTP server modules (Python 3, and Python 2's names). */
const HTTP_SERVER = new Set(['http.server', 'BaseHTTPServer', 'SimpleHTTPServer', 'CGIHTTPServer']);

/**
 * The .py files that import one of them, in byString order: the scan's import index lists them by
 * specifier, where a walk of every file asked each file's imports (issue 19).
 */
const httpServerImporters = (ctx: FrameworkContext): string[] => {
  const index = importIndex(ctx).bySpecifier;
  const out = new Set<string>();
  for (const specifier of HTTP_SERVER) for (const file of index.get(specifier) ?? []) out.add(file);
  return [...out].sort(byString);
};

const webRootLoads = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const out: LabelledReference[] = [];
  for (const file of httpServerImporters(ctx)) {
    const text = ctx.readText(file);
    if (text === null || !text.includes('HTTPRequestHandler')) continue;
    const handler = HANDLER.exec(text);
    if (handler === null) continue;
    const done = new Set<string>();
    for (const m of text.matchAll(ABSOLUTE)) {
      const placed = placedInTree(file, m[2].replace(/\/+$/, ''));
      if (placed === null || placed === '' || done.has(placed)) continue;
      const setting = ROOT_SETTING.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0));
      if (!setting && !ctx.files.has(`${placed}/index.html`) && !ctx.files.has(`${placed}/index.htm`)) continue;
      const below = pathsWithPrefix(ctx.files, `${placed}/`);
      if (!below.some((p) => PAGE.test(p))) continue;
      done.add(placed);
      const line = lineAt(text, m.index ?? 0);
      const handlerLine = lineAt(text, handler.index);
      for (const target of below) {
        if (!PAGE.test(target) || target.includes('/node_modules/')) continue;
        out.push({
          from: file,
          target,
          line,
          label: `${file}:${line} '${m[2]}' (${placed}/ in this filesystem tree), the web root of the HTTP request handler at ${file}:${handlerLine}, which serves it to browsers`,
        });
      }
    }
  }
  return out;
});

const httpWebRoots: FrameworkReader = {
  id: 'http-web-roots',
  title: "Python HTTP request handlers' web roots (pages and scripts served to browsers)",
  ecosystem: 'python',
  ...labelledReferences(webRootLoads),
};

export default httpWebRoots;

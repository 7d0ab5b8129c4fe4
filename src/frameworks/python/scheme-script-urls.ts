/**
 * Stop 66: a page of a Python app that loads a script by a URL of the app's own scheme. qutebrowser's
 * html/history.html:55 `<script src="qute://javascript/history.js">`: the browser asks the app for
 * qute://javascript/history.js, and the handler the app registers for the host `javascript`
 * (browser/qutescheme.py:266 `@add_handler('javascript')`, which reads `"javascript" + path` from its
 * package, utils/resources.py) serves javascript/history.js of the qutebrowser package. No Python file
 * names the script, so it looked dead.
 *
 * Read: each `<script src="S://HOST/PATH">` in an HTML page inside a Python package, S not a web
 * scheme (http, https, file, data, …), where `HOST/PATH` is a script below one of the packages holding
 * the page (the nearest first) and a Python file of the top package holds HOST as a string literal
 * and names the scheme S (the handler's registration): an edge from the `__init__.py` of the nearest
 * package holding the page (census has no link from the view that renders a page to it; the page's
 * app stands in for it, as template-static does) to the script. A URL of a web scheme, a host no
 * Python file of the package names, a path the package lacks give nothing.
 */
import { pathsNamedLike, pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { htmlCommentsBlanked } from '../js/script-tags.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';

/** `<script … src="scheme://host/path">`: the scheme, the host and the path. */
const SCHEME_SCRIPT = /<script\b[^<>]*?\bsrc\s*=\s*(["'])([a-z][a-z0-9+.-]*):\/\/([A-Za-z0-9_.-]+)\/([^"'?#\s<>]+)\1/gi;
/** Schemes the web (or the browser itself) serves: never the app's own. */
const WEB_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ftp', 'file', 'ws', 'wss', 'data', 'blob', 'about', 'chrome', 'chrome-extension', 'moz-extension', 'resource', 'javascript']);
const SCRIPT = /\.m?js$/;

/** The packages holding `dir`, nearest first: each folder up from it with an `__init__.py`, while there is one. */
const packagesHolding = (files: ReadonlySet<string>, dir: string): string[] => {
  const out: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    if (!files.has(d === '' ? '__init__.py' : `${d}/__init__.py`)) {
      if (out.length > 0) break;
    } else out.push(d);
    if (d === '') break;
  }
  return out;
};

/** Where a Python file of the package names the host as a string and the scheme: `file:line` of the host's literal, or null. */
const handlerOf = (ctx: FrameworkContext, top: string, scheme: string, host: string, cache: Map<string, string | null>): string | null => {
  const key = `${top}\0${scheme}\0${host}`;
  if (cache.has(key)) return cache.get(key)!;
  let found: string | null = null;
  const literal = new RegExp(String.raw`(["'])${escapeRegExp(host)}\1`);
  const named = new RegExp(String.raw`\b${escapeRegExp(scheme)}\b`);
  for (const file of pathsWithPrefix(ctx.files, top === '' ? '' : `${top}/`)) {
    if (!file.endsWith('.py')) continue;
    const text = ctx.readText(file);
    if (text === null || !text.includes(host) || !named.test(text)) continue;
    const m = literal.exec(text);
    if (m === null) continue;
    found = `${file}:${lineAt(text, m.index)}`;
    break;
  }
  cache.set(key, found);
  return found;
};

const scan = perScan((ctx: FrameworkContext): { references: ReferenceInput[]; first: string | null } => {
  const references: ReferenceInput[] = [];
  let first: string | null = null;
  const cache = new Map<string, string | null>();
  for (const page of pathsNamedLike(ctx.files, { extensions: ['html', 'htm'] }, 'sorted')) {
    if (page.includes('node_modules/')) continue;
    const packages = packagesHolding(ctx.files, dirname(page));
    if (packages.length === 0) continue;
    const read = ctx.readText(page);
    if (read === null || !read.includes('://') || !read.includes('<script')) continue;
    // A tag commented out loads nothing; lines and offsets are kept.
    const text = htmlCommentsBlanked(read);
    for (const m of text.matchAll(SCHEME_SCRIPT)) {
      const [, quote, schemeRaw, host, path] = m;
      const spelled = `src=${quote}${schemeRaw}://${host}/${path}${quote}`;
      const scheme = schemeRaw.toLowerCase();
      if (WEB_SCHEMES.has(scheme) || !SCRIPT.test(path) || path.split('/').some((s) => s === '..' || s === '.' || s === '')) continue;
      const under = (p: string): string => (p === '' ? `${host}/${path}` : `${p}/${host}/${path}`);
      const base = packages.find((p) => ctx.files.has(under(p)));
      if (base === undefined) continue;
      const handler = handlerOf(ctx, packages[packages.length - 1], scheme, host, cache);
      if (handler === null) continue;
      const line = lineAt(text, m.index ?? 0);
      const pkg = packages[0];
      first ??= `${page}:${line} ${spelled}`;
      references.push({
        from: pkg === '' ? '__init__.py' : `${pkg}/__init__.py`,
        target: under(base),
        targetKind: 'file',
        label: `named by ${spelled} in ${page}:${line}, a URL of the app's own ${scheme}:// scheme whose host and path name ${host}/${path} below ${base === '' ? 'the top folder' : `${base}/`} (the host '${host}' is a string of ${handler}, a file naming the scheme), a page of the ${pkg || 'top'} package`,
      });
    }
  }
  return { references, first };
});

const reader: FrameworkReader = {
  id: 'scheme-script-urls',
  title: "scripts a Python app's pages load by a URL of the app's own scheme (qute://javascript/x.js)",
  ecosystem: 'python',
  enabledBy: (ctx) => scan(ctx).first,
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    out.references.push(...scan(ctx).references);
    return out;
  },
};

export default reader;

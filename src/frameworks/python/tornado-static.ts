/**
 * Tornado serves an application's `static_path` folder to browsers at `static_url_prefix`
 * (`/static/` unless given), and its templates, under `template_path`, name the scripts a page
 * loads: `<script src="/static/app.js">` or `{{ static_url("app.js") }}`. No Python file imports
 * those scripts: mitmproxy's web UI (tools/web/app.py makes `Application(template_path=
 * os.path.join(os.path.dirname(__file__), "templates"), static_path=…"static")`, and
 * templates/index.html loads `/static/app.js`) looked dead.
 *
 * In a module that imports tornado, each `static_path=` keyword or `"static_path":` settings key
 * whose value is a path census settles (a literal relative to nothing is not one: package-paths'
 * `__file__` expressions, the module's path constants) is a served folder; the `template_path` and
 * `static_url_prefix` of the same module go with it (the first of each). Each script (`.js`,
 * `.mjs`) that a template below template_path names, as a literal `src` under the prefix or a
 * literal `static_url(…)` argument, and that is in the served folder, is an edge from the module
 * that sets static_path, with the template's line and the setting's. Without a template_path the
 * pages are unknown and nothing is added.
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { shownHops, throughFolderLinks } from '../../util/folder-links.js';
import { lineAt } from '../../util/lines.js';
import { pathValue, repoPathOf } from '../../languages/python/sys-path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { pathConstants } from './package-paths.js';
import { staticTargets } from './template-static.js';
import { packageImporters } from './python-files.js';

/** `static_path=`, `template_path=`, `static_url_prefix=` as keywords, or as settings dict keys. */
const SETTING = /(?:\b(static_path|template_path|static_url_prefix)\s*=(?!=)|(["'])(static_path|template_path|static_url_prefix)\2\s*:)\s*/g;
const TEMPLATE_PAGE = /\.(?:html?|jinja2?|j2|tmpl)$/;
/** `static_url("app.js")` in a template. */
const STATIC_URL = /\bstatic_url\(\s*(["'])([^"'\n]+)\1/g;
/** A `<script … src="…">` literal. */
const SCRIPT_SRC = /<script\b[^>]*?\bsrc\s*=\s*(["'])([^"'\n]+)\1/gi;
/** The longest setting value read: a path expression spans one call, not a page. */
const MAX_VALUE = 400;

/** The expression after `at` up to the first `,`, `)` or `}` outside brackets (or a newline outside brackets). */
const valueAt = (text: string, at: number): string => {
  let depth = 0;
  let quote: string | null = null;
  const end = Math.min(text.length, at + MAX_VALUE);
  for (let i = at; i < end; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return text.slice(at, i).trim();
      depth--;
    } else if ((c === ',' || c === '\n') && depth === 0) return text.slice(at, i).trim();
  }
  return text.slice(at, end).trim();
};

interface App {
  file: string;
  line: number;
  folder: string;
  templates: string;
  prefix: string;
}

/** The Tornado apps whose static_path and template_path census can settle. */
const apps = perScan((ctx: FrameworkContext): App[] => {
  const out: App[] = [];
  for (const file of packageImporters(ctx, 'tornado', 'sorted')) {
    const text = ctx.readText(file);
    if (text === null || !text.includes('static_path')) continue;
    let vars: ReadonlyMap<string, string> | undefined;
    const settle = (expr: string): string | null => repoPathOf(pathValue(expr, file, (vars ??= pathConstants(ctx, file, text))));
    const found: { key: string; value: string; index: number }[] = [];
    for (const m of text.matchAll(SETTING)) found.push({ key: m[1] ?? m[3], value: valueAt(text, (m.index ?? 0) + m[0].length), index: m.index ?? 0 });
    const templates = found.filter((f) => f.key === 'template_path').map((f) => settle(f.value)).find((f): f is string => f !== null);
    const prefixValue = found.find((f) => f.key === 'static_url_prefix')?.value;
    const prefix = prefixValue === undefined ? '/static/' : /^(["'])([^"'\n]*)\1$/.exec(prefixValue)?.[2];
    if (templates === undefined || prefix === undefined || prefix === '') continue;
    for (const f of found) {
      if (f.key !== 'static_path') continue;
      const folder = settle(f.value);
      if (folder !== null) out.push({ file, line: lineAt(text, f.index), folder, templates, prefix: prefix.endsWith('/') ? prefix : `${prefix}/` });
    }
  }
  return out;
});

const references = perScan((ctx: FrameworkContext): ReferenceInput[] => {
  const out: ReferenceInput[] = [];
  for (const app of apps(ctx)) {
    // Listed where the templates are: a template_path that is a folder link (or lies below one) is looked up at its target.
    const { path: templates, hops: templateHops } = throughFolderLinks(ctx.folderLinks, app.templates);
    const under = templates === '' ? '' : `${templates}/`;
    const templateVia = templateHops.length > 0 ? ` (its template_path ${app.templates} ${shownHops(templateHops)})` : '';
    for (const template of pathsWithPrefix(ctx.files, under)) {
      if (!TEMPLATE_PAGE.test(template)) continue;
      const text = ctx.readText(template);
      if (text === null || !(text.includes('static_url') || text.includes(app.prefix))) continue;
      const named: { name: string; index: number; spelled: string }[] = [];
      for (const m of text.matchAll(STATIC_URL)) named.push({ name: m[2], index: m.index ?? 0, spelled: `static_url("${m[2]}")` });
      for (const m of text.matchAll(SCRIPT_SRC)) if (m[2].startsWith(app.prefix)) named.push({ name: m[2].slice(app.prefix.length), index: m.index ?? 0, spelled: `<script src="${m[2]}">` });
      for (const use of named) {
        const line = lineAt(text, use.index);
        // Looked up as template-static looks a static name up: in the served folder, through the folder links.
        for (const { target, hops } of staticTargets(ctx.files, [app.folder], use.name.replace(/[?#].*$/, ''), null, ctx.folderLinks)) {
          out.push({
            from: app.file,
            target,
            targetKind: 'file',
            line: app.line,
            label: `named by ${use.spelled} in ${template}:${line}, a template of the Tornado app${templateVia} whose static_path (${app.file}:${app.line}) serves ${app.folder}/ at ${app.prefix}${hops.length > 0 ? ` (${shownHops(hops)})` : ''}`,
          });
        }
      }
    }
  }
  return out;
});

const reader: FrameworkReader = {
  id: 'tornado-static',
  title: 'scripts Tornado templates load from the static_path folder',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = references(ctx)[0];
    return first ? `${first.from}:${first.line} serves ${first.target}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    out.references.push(...references(ctx));
    return out;
  },
};

export default reader;

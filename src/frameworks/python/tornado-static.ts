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
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { staticTargets } from './template-static.js';
import { tornadoApps as apps } from './tornado-apps.js';

const TEMPLATE_PAGE = /\.(?:html?|jinja2?|j2|tmpl)$/;
/** `static_url("app.js")` in a template. */
const STATIC_URL = /\bstatic_url\(\s*(["'])([^"'\n]+)\1/g;
/** A `<script … src="…">` literal. */
const SCRIPT_SRC = /<script\b[^>]*?\bsrc\s*=\s*(["'])([^"'\n]+)\1/gi;

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

/**
 * A Python web app's templates name the scripts browsers load: Django's `{% static "js/dashboard.js" %}`
 * and Flask's `url_for('static', filename='js/app.js')`. No Python file imports those scripts, so a
 * script in a static folder the readers of the app's static folders do not know (Django's
 * STATIC_ROOT or STATICFILES_DIRS, Debian's `/usr/share/<pkg>/static`) looked dead. Each literal
 * name in a template (a file below a `templates/` folder) is looked up in the static folders the
 * template can see: `static/` beside any folder above it (an app's `static/`, searx's
 * `/usr/share/python3-searx/static` beside its templates), the folders Flask apps serve
 * (flask-static), and a STATIC_ROOT or STATICFILES_DIRS literal in a settings module whose
 * absolute path the tree holds (graphite-web: `STATIC_ROOT = '/usr/share/graphite-web/static'`
 * maps to `usr/share/graphite-web/static`). A `static/` that is a link to a folder of the tree
 * (Debian's `hyperkitty/static -> ../../../../share/python3-django-hyperkitty/static`; discovery
 * does not enter it), or a link below such a folder, is looked up where it leads (util/folder-links.ts). A name a theme prefix completes (`themes/<theme>/…`, the
 * theme being the template's folder below `templates/`, as searx's `url_for_theme` does) counts when
 * the plain one is not there.
 *
 * census has no link from a view to the template it renders, so the template's app stands in for
 * it: the edge is from the `__init__.py` of the nearest Python package holding the template (Python
 * runs it whenever any module of the package is imported, so the scripts take the kind of the app);
 * for a template outside any package and a Flask `url_for`, from the repo's one Flask app when there
 * is exactly one; else from the template itself, a page that hands on what reaches it (and is a
 * manual root when nothing does).
 */
import { isFolder, sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { htmlComment, spansBlanked, type BlankedSpan } from '../js/script-tags.js';
import { lineAt } from '../../util/lines.js';
import { shownHops, throughFolderLinks, type FolderHop } from '../../util/folder-links.js';
import { dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { staticFolders as flaskStaticFolders } from './flask-static.js';
import { tornadoApps } from './tornado-apps.js';
import { appStaticMounts, type AppStaticMount } from './app-static-mounts.js';
import { constantStaticRoots } from './constant-static-mounts.js';

/** A template: an HTML or Jinja file below a `templates/` folder. */
export const TEMPLATE = /(?:^|\/)templates\/(?:[^/]+\/)*[^/]+\.(?:html?|jinja2?|j2)$/;
const PAGE = /\.html?$/;
/** `{% static "js/x.js" %}` (also `{%- static`), the whole name a literal. */
const DJANGO_STATIC = /\{%-?\s*static\s+(["'])([^"'\n{}%]+)\1/g;
/** `url_for('static', filename='js/x.js')`, the filename a literal and the whole argument (not `'css/' + x`). */
const FLASK_STATIC = /url_for\(\s*(["'])static\1\s*,\s*filename\s*=\s*(["'])([^"'\n]+)\2\s*[,)]/g;
/**
 * Stop 61: Tornado's `{{ static_url("js/x.js") }}`, the name a literal and the whole first argument
 * (jupyterhub's templates/admin.html:9 `<script src={{ static_url("js/admin-react.js") }}>`, its
 * static folder beside its templates in /usr/share/jupyterhub).
 */
const TORNADO_STATIC = /\{\{-?\s*static_url\(\s*(["'])([^"'\n{}%]+)\1\s*[,)]/g;
/**
 * Stop 62: a static URL prefix the view hands the template as a variable, the name written after it:
 * onionshare's templates/send.html:67 `<script src="{{ static_url_path }}/js/send.js">` (Flask's
 * `app.static_url_path`, passed to render_template), Django's context variable
 * `{{ STATIC_URL }}horizon/js/horizon.js`. The variable's name must say static; the name is a literal
 * up to the quote or space that ends the attribute.
 */
const STATIC_PREFIX_VARIABLE = /\{\{-?[ \t]*([A-Za-z_]+)[ \t]*-?\}\}\/?([\w.\/-]+)/g;

/**
 * The names written after a static prefix variable, with the variable and where. The variable is
 * matched as any identifier and its name checked after (a pattern that looked for `static` inside
 * it backtracked over a long identifier of repeated `static`s: quadratic).
 */
export const staticPrefixUses = (text: string): { variable: string; name: string; written: string; index: number }[] => {
  const out: { variable: string; name: string; written: string; index: number }[] = [];
  for (const m of text.matchAll(STATIC_PREFIX_VARIABLE)) {
    if (/static/i.test(m[1])) out.push({ variable: m[1], name: m[2], written: m[0].slice(m[0].indexOf('}}') + 2), index: m.index ?? 0 });
  }
  return out;
};

const SCRIPT = /\.m?js$/;
/** HTML and template comments, but not a downlevel-hidden conditional one (`<!--[if lt IE 9]>`), whose scripts old Internet Explorer loads. */
const MARKUP_COMMENTS: readonly BlankedSpan[] = [htmlComment(true), { open: '{#', close: '#}' }];
const SETTINGS_FILE = /(?:^|\/)(?:[\w-]*settings[\w-]*\.py|settings\/[^/]+\.py)$/;
/** A module-level STATIC_ROOT or STATICFILES_DIRS assignment (a commented one is not). */
const STATIC_SETTING = /^[ \t]*(STATIC_ROOT|STATICFILES_DIRS)[ \t]*=[ \t]*([^\n]*)/gm;
const ABSOLUTE_LITERAL = /(["'])(\/[^"'\n]+)\1/g;

interface StaticRoot {
  folder: string;
  why: string;
}

/** STATIC_ROOT / STATICFILES_DIRS absolute literals of settings modules that name a folder of the tree; once per scan. */
const settingRoots = perScan((ctx: FrameworkContext): StaticRoot[] => {
  const out: StaticRoot[] = [];
  for (const file of sortedPaths(ctx.files)) {
    if (!SETTINGS_FILE.test(file)) continue;
    const text = ctx.readText(file);
    if (text === null || !text.includes('STATIC')) continue;
    for (const m of text.matchAll(STATIC_SETTING)) {
      // A STATICFILES_DIRS tuple may go on over lines: up to its closing bracket.
      let value = m[2];
      const start = (m.index ?? 0) + m[0].length - m[2].length;
      if (/^[([]/.test(value.trim())) {
        const close = text.slice(start, start + 2000).search(/[)\]]/);
        if (close >= 0) value = text.slice(start, start + close);
      }
      for (const lit of value.matchAll(ABSOLUTE_LITERAL)) {
        const folder = joinRepo(lit[2].slice(1));
        if (folder !== null && folder !== '' && isFolder(ctx.files, folder)) out.push({ folder, why: `${m[1]} '${lit[2]}' in ${file}:${lineAt(text, m.index ?? 0)}` });
      }
    }
  }
  return out;
});

/** The nearest folder above `dir` (itself included) that is a Python package, or null. */
const packageOf = (ctx: FrameworkContext, dir: string): string | null => {
  for (let d = dir; ; d = dirname(d)) {
    if (ctx.files.has(d === '' ? '__init__.py' : `${d}/__init__.py`)) return d;
    if (d === '') return null;
  }
};

/** The theme a template belongs to: its folder right below `templates/` (`templates/simple/base.html` → simple). */
const themeOf = (template: string): string | null => {
  const at = template.lastIndexOf('templates/');
  const rest = template.slice(at + 'templates/'.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? null : rest.slice(0, slash);
};

/** A script a static name stands for, and the folder links followed to it (util/folder-links.ts). */
export interface StaticTarget {
  target: string;
  hops: FolderHop[];
}

/**
 * The repo scripts a static name stands for under the roots: `<root>/<name>`, else
 * `<root>/themes/<theme>/<name>`, each looked up through the folder links (a root that is a link,
 * or a link below it, as Django's finders and storage follow them).
 */
export const staticTargets = (files: ReadonlySet<string>, roots: readonly string[], name: string, theme: string | null, links?: ReadonlyMap<string, string>): StaticTarget[] => {
  const clean = name.replace(/^\/+/, '');
  if (!SCRIPT.test(clean)) return [];
  const under = (parts: string[]): StaticTarget[] => {
    const found = new Map<string, StaticTarget>();
    for (const r of roots) {
      const named = joinRepo(r, ...parts);
      const linked = named === null ? null : throughFolderLinks(links, named);
      if (linked !== null && files.has(linked.path) && !found.has(linked.path)) found.set(linked.path, { target: linked.path, hops: linked.hops });
    }
    return [...found.values()];
  };
  const direct = under([clean]);
  return direct.length > 0 || theme === null ? direct : under(['themes', theme, clean]);
};

/**
 * The static folders a template can see: `static/` beside each folder above it, by the name the app
 * uses (a link to a folder of the tree is looked up where it leads), the settings' static roots and
 * the folders Flask apps serve.
 */
const templateRoots = (ctx: FrameworkContext, template: string, settings: readonly StaticRoot[]): string[] => {
  const roots: string[] = [];
  for (let d = dirname(template); ; d = dirname(d)) {
    const named = joinRepo(d, 'static');
    if (named !== null && isFolder(ctx.files, throughFolderLinks(ctx.folderLinks, named).path)) roots.push(named);
    if (d === '') break;
  }
  roots.push(...settings.map((s) => s.folder), ...flaskStaticFolders(ctx).folders.map((f) => f.folder));
  return roots;
};

/** The settings' static roots and (stop 64) the data folders a module constant names served at the static URL, once per scan. */
const staticRoots = perScan((ctx: FrameworkContext): StaticRoot[] => [...settingRoots(ctx), ...constantStaticRoots(ctx)]);

/** The static folders a template can see (templateRoots), for readers that resolve static names of their own (amd-modules). */
export const templateStaticRoots = (ctx: FrameworkContext, template: string): string[] => templateRoots(ctx, template, staticRoots(ctx));

/** `url_for('static', filename=name)` or `{% static name %}` with a variable for the whole name: the page serves whatever the view hands it. */
const FLASK_DYNAMIC = /url_for\(\s*(["'])static\1\s*,\s*filename\s*=\s*([A-Za-z_]\w*)\s*\)/g;
const DJANGO_DYNAMIC = /\{%-?\s*static\s+([A-Za-z_]\w*)\s*-?%\}/g;

/** A template naming a static file by a variable, and the static folders it looks it up under. */
export interface DynamicStatic {
  template: string;
  line: number;
  spelled: string;
  roots: string[];
  /** The collection the tag's variable loops over (`{% for script in scripts %}` → `scripts`), the last name of a dotted one. */
  collection: string;
}

/** The collection a template loop over `name` reads, from the last `{% for … name … in COLL %}` before `index`; null when none. */
const loopCollection = (text: string, index: number, name: string): string | null => {
  let found: string | null = null;
  for (const m of text.slice(Math.max(0, index - 20_000), index).matchAll(/\{%-?\s*for\s+([\w\s,()]+?)\s+in\s+([A-Za-z_][\w.]*)/g)) {
    if (m[1].split(/[\s,()]+/).includes(name)) found = m[2].slice(m[2].lastIndexOf('.') + 1);
  }
  return found;
};

/** The sites of one template that name static files by a variable, one per collection (Stop 50). */
const dynamicSitesOf = (template: string, text: string, roots: () => string[]): DynamicStatic[] => {
  // Each use inside a loop, with the collection the loop reads; a variable tag outside a loop names one file, not a list.
  const found: { index: number; spelled: string; collection: string }[] = [];
  const add = (index: number, name: string, spelled: string): void => {
    const collection = loopCollection(text, index, name);
    if (collection !== null) found.push({ index, spelled, collection });
  };
  for (const m of text.matchAll(FLASK_DYNAMIC)) add(m.index ?? 0, m[2], `url_for('static', filename=${m[2]})`);
  for (const m of text.matchAll(DJANGO_DYNAMIC)) add(m.index ?? 0, m[1], `{% static ${m[1]} %}`);
  if (found.length === 0 || roots().length === 0) return [];
  found.sort((a, b) => a.index - b.index);
  // One site per collection; the evidence names a use in a `<script` tag when there is one (searx's `filename=script`, not `filename=css`).
  const onScriptLine = (index: number): boolean => text.slice(text.lastIndexOf('\n', index) + 1, index).includes('<script');
  const out: DynamicStatic[] = [];
  for (const collection of new Set(found.map((f) => f.collection))) {
    const mine = found.filter((f) => f.collection === collection);
    const shown = mine.find((f) => onScriptLine(f.index)) ?? mine[0];
    out.push({ template, line: lineAt(text, shown.index), spelled: shown.spelled, roots: roots(), collection });
  }
  return out;
};

/**
 * The scripts a static name stands for in the plugin apps' static folders served at a prefix
 * (app-static-mounts: `dynamicdns/dynamicdns.js` is `<the dynamicdns app>/static/dynamicdns.js`),
 * but not one the template's own static roots already found.
 */
const mountedTargets = (ctx: FrameworkContext, name: string, plain: readonly StaticTarget[]): (StaticTarget & { mount: AppStaticMount })[] => {
  const clean = name.replace(/^\/+/, '');
  const out: (StaticTarget & { mount: AppStaticMount })[] = [];
  for (const mount of appStaticMounts(ctx)) {
    if (!clean.startsWith(`${mount.prefix}/`)) continue;
    for (const t of staticTargets(ctx.files, [mount.folder], clean.slice(mount.prefix.length + 1), null, ctx.folderLinks)) {
      if (!plain.some((p) => p.target === t.target) && !out.some((o) => o.target === t.target)) out.push({ ...t, mount });
    }
  }
  return out;
};

/** The edges from the literal script names of one template to the scripts, from the template's package, Flask app or page. */
const literalReferencesOf = (ctx: FrameworkContext, template: string, text: string, roots: () => string[], found: { first: string | null }, tornado: boolean): ReferenceInput[] => {
  const uses: { name: string; index: number; spelled: string; flask: boolean }[] = [];
  for (const m of text.matchAll(DJANGO_STATIC)) uses.push({ name: m[2], index: m.index ?? 0, spelled: `{% static ${m[1]}${m[2]}${m[1]} %}`, flask: false });
  for (const m of text.matchAll(FLASK_STATIC)) uses.push({ name: m[3], index: m.index ?? 0, spelled: `url_for('static', filename='${m[3]}')`, flask: true });
  for (const u of staticPrefixUses(text)) uses.push({ name: u.name, index: u.index, spelled: `{{ ${u.variable} }}${u.written}`, flask: u.variable === 'static_url_path' });
  if (tornado) for (const m of text.matchAll(TORNADO_STATIC)) uses.push({ name: m[2], index: m.index ?? 0, spelled: `{{ static_url(${m[1]}${m[2]}${m[1]}) }}`, flask: false });
  if (!uses.some((u) => SCRIPT.test(u.name))) return [];
  const out: ReferenceInput[] = [];
  const settings = staticRoots(ctx);
  const flask = flaskStaticFolders(ctx);
  const pkg = packageOf(ctx, dirname(template));
  const theme = themeOf(template);
  for (const use of uses) {
    const line = lineAt(text, use.index);
    const plain = staticTargets(ctx.files, roots(), use.name, theme, ctx.folderLinks);
    const targets: (StaticTarget & { mount?: AppStaticMount })[] = [...plain, ...mountedTargets(ctx, use.name, plain)];
    for (const { target, hops, mount } of targets) {
      // flask-static already links every script of a folder a Flask app serves, from the app.
      if (flask.folders.some((f) => target.startsWith(`${f.folder}/`))) continue;
      const setting = settings.find((s) => target.startsWith(`${s.folder}/`));
      const via = mount
        ? ` (${mount.folder} served at the static URL's ${mount.prefix}/ by ${mount.mountedAt}, ${mount.attribute} being '${mount.prefix}' at ${mount.setAt}${hops.length > 0 ? `, ${shownHops(hops)}` : ''})`
        : setting
          ? ` (the static folder ${setting.why}${hops.length > 0 ? `, ${shownHops(hops)}` : ''})`
          : hops.length > 0
            ? ` (${shownHops(hops)})`
            : '';
      const named = `named by ${use.spelled} in ${template}:${line}${via}`;
      found.first ??= `${template}:${line} ${use.spelled}`;
      if (pkg !== null) {
        out.push({ from: pkg === '' ? '__init__.py' : `${pkg}/__init__.py`, target, targetKind: 'file', label: `${named}, a template of the ${pkg || 'top'} package` });
      } else if (use.flask && flask.apps.length === 1) {
        const app = flask.apps[0];
        out.push({ from: app.file, target, targetKind: 'file', line: app.line, label: `${named}, a template of the Flask app made at ${app.file}:${app.line} (the repo's only Flask app)` });
      } else if (PAGE.test(template)) {
        out.push({ from: template, target, targetKind: 'file', line, label: named });
      }
    }
  }
  return out;
};

/**
 * One pass over the templates: the edges from literal script names, the first such name (what
 * enables the reader), and (Stop 50) the templates that name a static file by a variable (searx's
 * `{% for script in scripts %} <script src="{{ url_for('static', filename=script) }}">`), with the
 * static folders each can see, for static-attributes. A template's roots are found once, when either needs them.
 */
const templateScan = perScan((ctx: FrameworkContext): { references: ReferenceInput[]; first: string | null; dynamic: DynamicStatic[] } => {
  const references: ReferenceInput[] = [];
  const dynamic: DynamicStatic[] = [];
  const found = { first: null as string | null };
  // A template of a Tornado app whose folders census settles is tornado-static's: its edge names the
  // app and the static_path that serves the file. Here only the others (jupyterhub's, found at run time).
  let tornadoTemplates: string[] | null = null;
  const settledTornadoTemplate = (template: string): boolean =>
    (tornadoTemplates ??= tornadoApps(ctx).map((app) => throughFolderLinks(ctx.folderLinks, app.templates).path)).some((folder) => folder === '' || template.startsWith(`${folder}/`));
  for (const template of pathsNamedLike(ctx.files, { extensions: ['html', 'htm', 'jinja', 'jinja2', 'j2'] }, 'sorted')) {
    if (!TEMPLATE.test(template) || template.includes('node_modules/')) continue;
    const text = ctx.readText(template);
    if (text === null || !(text.includes('url_for(') || text.includes('static_url(') || ((text.includes('{%') || text.includes('{{')) && (text.includes('static') || text.includes('STATIC'))))) continue;
    let roots: string[] | null = null;
    const rootsOf = (): string[] => (roots ??= templateRoots(ctx, template, staticRoots(ctx)));
    dynamic.push(...dynamicSitesOf(template, text, rootsOf));
    // a tag commented out loads nothing (`<!-- <script src="{% static 'js/old.js' %}"> -->`, `{# … #}`); lines and offsets are kept
    const named = text.includes('<!--') || text.includes('{#') ? spansBlanked(text, MARKUP_COMMENTS) : text;
    references.push(...literalReferencesOf(ctx, template, named, rootsOf, found, text.includes('static_url(') && !settledTornadoTemplate(template)));
  }
  return { references, first: found.first, dynamic };
});

/** Templates that name a static file by a variable, with the static folders each can see. */
export const dynamicStaticSites = (ctx: FrameworkContext): DynamicStatic[] => templateScan(ctx).dynamic;

const reader: FrameworkReader = {
  id: 'template-static',
  title: "scripts Django, Flask and Tornado templates name ({% static %}, url_for('static', filename=…), static_url(…))",
  ecosystem: 'python',
  enabledBy: (ctx) => templateScan(ctx).first,
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    out.references.push(...templateScan(ctx).references);
    return out;
  },
};

export default reader;

/**
 * Stop 66: the HTML templates a Python server renders by name. A page below a `templates/` folder
 * that nothing was seen to load was a root of the manual tier (languages/web), and so were the
 * scripts it loads: notebook's auth/login.py:26 `self.render_template('login.html')` (jinja2's
 * `Environment(loader=FileSystemLoader(template_path))`, notebookapp.py:206) renders
 * notebook/templates/login.html, whose `require(["auth/js/main"])` loads static/auth/js/main.min.js;
 * jupyterhub's handlers/pages.py:455 `self.render_template('admin.html')` renders
 * /usr/share/jupyterhub/templates/admin.html (a data folder the app computes from sys.prefix);
 * mapproxy's service/demo.py:131 `self._render_tms_template('demo/tms_demo.html', req)` renders
 * service/templates/demo/tms_demo.html through a `templates` link to /usr/share/python3-mapproxy.
 *
 * Where it reads: the top-level packages one of whose modules imports a template engine (jinja2,
 * tornado, flask, mako, tempita, chameleon, genshi; Django's own loaders are not read here). In
 * each module of such a package, a literal `.html`/`.htm` name is rendered when it is an argument
 * of a call whose name says render or template (`render_template(`, `self.render(`,
 * `env.get_template(`, `_render_tms_template(`), or the literal value of a name (`page =
 * "spawn_pending.html"`) that such a call takes. The name is looked up below each `templates/`
 * folder the package owns: one inside its folder, one a folder link inside it leads to, or one in
 * the package's data folder (`share/<package>/`, Debian's `share/python3-<package>/`); a module in
 * no package (a Flask `app.py`) renders from the `templates/` beside it. Each page found is an edge
 * from the rendering module, so a page a test renders is a test's and its scripts take the kind of
 * what renders it (classify walks through pages); each page reached hands on to the pages of its
 * folder it `{% extends %}`, `{% include %}` or imports. The folder a loader is handed is not settled
 * (built from `__file__`, a setting, sys.prefix): the scope's own template folders stand for it, and
 * a name matches a page there exactly. A page nothing renders stays a manual root.
 */
import { pathsInDir, pathsNamedLike, pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { importIndex, topPackageFolder } from './python-files.js';

/** The template engines whose import marks a package as one that renders templates by name. */
const ENGINES = new Set(['jinja2', 'tornado', 'flask', 'mako', 'tempita', 'chameleon', 'genshi']);
/** A page below a `templates/` folder (its name below the folder is what a render call names). */
const TEMPLATE_PAGE = /(?:^|\/)templates\/.+\.html?$/;
/** A quoted page name: letters, digits, `_ . / -`, ending `.html` or `.htm`. */
const PAGE_LITERAL = /(["'])([\w][\w./-]*\.html?)\1/g;
/** A callee whose name says it renders or loads a template. */
const RENDERING_CALLEE = /render|template/i;
/** How far back from a literal the call holding it is looked for. */
const CALL_REACH = 400;

/** A page and the `templates/` folder its name is read below. */
interface TemplatePage {
  page: string;
  folder: string;
}

/** The pages below `templates/` folders by their name below each such folder (`demo/x.html` and `x.html` for `templates/demo/x.html`). */
const templatePages = perScan((ctx: FrameworkContext): Map<string, TemplatePage[]> => {
  const out = new Map<string, TemplatePage[]>();
  for (const page of pathsNamedLike(ctx.files, { extensions: ['html', 'htm'] }, 'sorted')) {
    if (!TEMPLATE_PAGE.test(page) || page.includes('node_modules/')) continue;
    for (let at = page.indexOf('templates/'); at >= 0; at = page.indexOf('templates/', at + 1)) {
      if (at > 0 && page[at - 1] !== '/') continue;
      const folder = page.slice(0, at + 'templates'.length);
      const name = page.slice(at + 'templates/'.length);
      const list = out.get(name) ?? [];
      list.push({ page, folder });
      out.set(name, list);
    }
  }
  return out;
});

/** Why a `templates/` folder is a scope's, and the folder of the scope it sits in (null for a data folder outside it). */
interface Owned {
  why: string;
  home: string | null;
}

/**
 * Where a template engine's importer renders from: its top-level package (every module of it, the
 * templates folders it owns by ownership()), or for a module in no package its own folder (the
 * modules there, and the `templates/` beside them: a Flask app's `app.py` and `templates/`).
 */
interface Scope {
  files: readonly string[];
  /** Why a `templates/` folder is the scope's, or null. */
  owns: (folder: string) => Owned | null;
  engine: string;
}

/** The scopes one of whose modules imports a template engine, with one such import. */
const engineScopes = perScan((ctx: FrameworkContext): Scope[] => {
  const byKey = new Map<string, Scope>();
  if (templatePages(ctx).size === 0) return [];
  for (const [specifier, files] of importIndex(ctx).bySpecifier) {
    if (!specifier.split('.').some((part) => ENGINES.has(part))) continue;
    for (const file of files) {
      const top = topPackageFolder(ctx.files, file);
      const engine = `${file} imports ${specifier}`;
      if (top !== null && top !== '') {
        if (!byKey.has(`p:${top}`)) byKey.set(`p:${top}`, { files: pathsWithPrefix(ctx.files, `${top}/`), owns: (folder) => ownership(ctx, top, folder), engine });
      } else if (top === null) {
        const dir = dirname(file);
        const beside = joinRepo(dir, 'templates');
        if (!byKey.has(`d:${dir}`)) byKey.set(`d:${dir}`, { files: pathsInDir(ctx.files, dir), owns: (folder) => (folder === beside ? { why: `, beside ${file}`, home: dir } : null), engine });
      }
    }
  }
  return [...byKey.values()];
});

/**
 * Why a `templates/` folder is the package's, or null: inside it, reached by a folder link inside
 * it, or in its data folder (`…/share/<name>/`, `…/share/python3-<name>/`); its home is the package
 * folder holding it (or the link), which nearest() compares with the rendering module's.
 */
const ownership = (ctx: FrameworkContext, pkg: string, folder: string): Owned | null => {
  if (folder.startsWith(`${pkg}/`)) return { why: `, in the package ${pkg}`, home: dirname(folder) };
  for (const [link, target] of ctx.folderLinks ?? []) {
    if (link.startsWith(`${pkg}/`) && (folder === target || folder.startsWith(`${target}/`))) return { why: `, which the link ${link} in the package ${pkg} leads to`, home: dirname(link) };
  }
  const name = basename(pkg);
  for (const data of [`share/${name}/`, `share/python3-${name}/`]) {
    const at = folder.indexOf(data);
    if (at === 0 || (at > 0 && folder[at - 1] === '/')) return { why: `, in the data folder ${folder.slice(0, at + data.length - 1)} of the package ${pkg}`, home: null };
  }
  return null;
};

/** The name of the call whose arguments hold offset `at`, or null (a literal outside any call, or in a list or dict first). */
const enclosingCallee = (text: string, at: number): string | null => {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - CALL_REACH); i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) continue;
      depth--;
    } else if (c === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const m = /([A-Za-z_]\w*)\s*$/.exec(text.slice(Math.max(0, i - 80), i));
      return m === null ? null : m[1];
    }
  }
  return null;
};

/** Whether the module hands `name` to a rendering call (`self.render_template(\n page,`). */
const handedToRendering = (text: string, name: string): boolean =>
  new RegExp(`\\b\\w*(?:render|template)\\w*\\s*\\(\\s*(?:[\\w.]+\\s*,\\s*)*${name}\\s*[,)]`, 'i').test(text);

/** One module's rendered page names: the literal, its line and how it is rendered. */
const renderedNames = (text: string): { name: string; line: number; how: string }[] => {
  const out: { name: string; line: number; how: string }[] = [];
  for (const m of text.matchAll(PAGE_LITERAL)) {
    const at = m.index ?? 0;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const before = text.slice(lineStart, at);
    if (/^\s*#/.test(before)) continue;
    const callee = enclosingCallee(text, at);
    if (callee !== null && RENDERING_CALLEE.test(callee)) {
      out.push({ name: m[2], line: lineAt(text, at), how: `${callee}(${m[0]})` });
      continue;
    }
    const assigned = /^\s*([A-Za-z_]\w*)\s*=\s*$/.exec(before);
    if (assigned !== null && handedToRendering(text, assigned[1])) out.push({ name: m[2], line: lineAt(text, at), how: `${assigned[1]} = ${m[0]}, handed to a render call` });
  }
  return out;
};

/** `{% extends "base.html" %}`, `{% include 'x.html' %}`, `{% import "m.html" as m %}`, `{% from "m.html" import x %}`: a template another one loads by name. */
const LOADS_TEMPLATE = /\{%-?\s*(extends|include|import|from)\s+(["'])([\w][\w./-]*\.html?)\2/g;

/** The edges from each page reached to the pages of the same template folder it extends, includes or imports, page by page. */
const loadedTemplates = (ctx: FrameworkContext, reached: readonly TemplatePage[]): ReferenceInput[] => {
  const out: ReferenceInput[] = [];
  const seen = new Set(reached.map((r) => r.page));
  const queue = [...reached];
  while (queue.length > 0) {
    const { page, folder } = queue.shift()!;
    const text = ctx.readText(page);
    if (text === null || !text.includes('{%')) continue;
    for (const m of text.matchAll(LOADS_TEMPLATE)) {
      const target = joinRepo(folder, m[3]);
      if (target === null || target === page || !ctx.files.has(target)) continue;
      const line = lineAt(text, m.index ?? 0);
      out.push({ from: page, target, targetKind: 'file', line, label: `loaded by ${page}:${line} with {% ${m[1]} ${m[2]}${m[3]}${m[2]} %} from the template folder ${folder}` });
      if (!seen.has(target)) {
        seen.add(target);
        queue.push({ page: target, folder });
      }
    }
  }
  return out;
};

/**
 * Of the pages a name finds, those of the template folder nearest the rendering module: the one
 * whose home is the deepest folder above it (mitmproxy's tools/web/app.py renders tools/web/templates/
 * index.html, not addons/onboardingapp/templates/index.html). When no home is above the module (a
 * data folder, a sibling app's folder), every page found stands.
 */
const nearest = <T extends { owned: Owned }>(candidates: readonly T[], dir: string): readonly T[] => {
  if (candidates.length < 2) return candidates;
  const above = (home: string | null): boolean => home !== null && (home === '' || dir === home || dir.startsWith(`${home}/`));
  let depth = -1;
  for (const c of candidates) if (above(c.owned.home)) depth = Math.max(depth, c.owned.home!.length);
  return depth < 0 ? candidates : candidates.filter((c) => above(c.owned.home) && c.owned.home!.length === depth);
};

const references = perScan((ctx: FrameworkContext): ReferenceInput[] => {
  const out: ReferenceInput[] = [];
  const pages = templatePages(ctx);
  const reached: TemplatePage[] = [];
  for (const scope of engineScopes(ctx)) {
    for (const file of scope.files) {
      if (!file.endsWith('.py')) continue;
      const text = ctx.readText(file);
      if (text === null || !text.includes('.htm')) continue;
      for (const use of renderedNames(text)) {
        const candidates: { found: TemplatePage; owned: Owned }[] = [];
        for (const found of pages.get(use.name.replace(/^\.?\//, '')) ?? []) {
          const owned = scope.owns(found.folder);
          if (owned !== null) candidates.push({ found, owned });
        }
        for (const { found, owned } of nearest(candidates, dirname(file))) {
          reached.push(found);
          out.push({
            from: file,
            target: found.page,
            targetKind: 'file',
            line: use.line,
            label: `loaded by ${file}:${use.line}, which renders it with ${use.how} from the template folder ${found.folder}${owned.why} (${scope.engine})`,
          });
        }
      }
    }
  }
  out.push(...loadedTemplates(ctx, reached));
  return out;
});

const reader: FrameworkReader = {
  id: 'rendered-templates',
  title: 'HTML templates a Python server renders by name (render_template, self.render, get_template)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = references(ctx)[0];
    return first === undefined ? null : first.label;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    out.references.push(...references(ctx));
    return out;
  },
};

export default reader;

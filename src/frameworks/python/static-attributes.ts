/**
 * Stop 50: a module attribute that lists static files the web app serves. searx's plugins say
 * which scripts their page needs with a module-level tuple (plugins/vim_hotkeys.py:
 * `js_dependencies = ('plugins/js/vim_hotkeys.js',)`); the app reads the attribute of each
 * registered plugin (webapp.py:434 `for script in plugin.js_dependencies: kwargs['scripts'].add(script)`)
 * and its base template serves each name from the static folder (`{% for script in scripts %}
 * <script src="{{ url_for('static', filename=script) }}">`). Nothing imports the scripts, so census
 * saw them dead.
 *
 * The rule, each link read in the repo's own code and tied to the next: a module-level `NAME = (…)` or `[…]` of
 * string literals, at least one a relative script path (`.js`/`.mjs`); a template of the repo names a static
 * file by a loop variable (`{% for script in scripts %}` … `url_for('static', filename=script)`, `{% static s %}`);
 * another Python file of the repo feeds the attribute into a loop or a collection (`for V in x.NAME`,
 * `.extend(x.NAME)`, `+= x.NAME`, or through `getattr(x, 'NAME')`) and names that loop's collection as a key or a
 * keyword (`kwargs['scripts']`, `render(…, scripts=…)`). A leftover list, an exclusion list (`name not in x.NAME`)
 * or an unrelated `page.scripts` read ties nothing. Each literal that names a script under a static folder that
 * template can see (template-static's roots: `static/` beside a folder above it, a settings STATIC_ROOT, a Flask
 * app's folder) is an edge from the module that lists it, at the attribute's line: the script is used when the
 * module is; the evidence names the read nearest the collection (searx webapp.py:434, not the plugin loader).
 * With no such read, or no template looping over a collection the reading file names, there is none.
 */
import type { FrameworkContext, FrameworkReader, ReferenceInput } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { perScan } from '../per-scan.js';
import { dynamicStaticSites, staticTargets, type DynamicStatic } from './template-static.js';
import { lookText } from './package-paths.js';
import { readStringList } from '../../languages/python/env/python-literal.js';

/** The start of a module-level assignment of a tuple or list: `NAME = (` / `NAME = [`. */
const LISTED = /^([A-Za-z_]\w*)[ \t]*=[ \t]*([([])/gm;
/** How far a listed value may run (its closing bracket must come within this many characters). */
const MAX_VALUE = 4000;

/** The string literals of a tuple or list opened at `open` when it holds string literals only (python-literal's readStringList), else null. */
const literalsOnly = (text: string, open: number): string[] | null => {
  // Handed the value's slice: the tokenizer counts lines from its text's start, and the value is short.
  const slice = text.slice(open, open + MAX_VALUE);
  if (!HAS_SCRIPT.test(slice)) return null;
  const { items, literal } = readStringList(slice, 0);
  return literal && items.length > 0 ? items.map((i) => i.value) : null;
};
const SCRIPT = /\.m?js$/;
/** A cheap test before the regex: a script name in quotes. */
const HAS_SCRIPT = /\.m?js['"]/;
/** Tuple or list assignments read per file. */
const MAX_TRIED = 2000;
/** Attributes read per scan (a hostile repo of thousands gives no more). */
const MAX_ATTRIBUTES = 200;

interface Listed {
  file: string;
  name: string;
  line: number;
  paths: string[];
}

const listedScripts = (ctx: FrameworkContext): Listed[] => {
  const out: Listed[] = [];
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py') || out.length >= MAX_ATTRIBUTES) continue;
    const text = lookText(ctx, file);
    if (text === null || !HAS_SCRIPT.test(text)) continue;
    let tried = 0;
    for (const m of text.matchAll(LISTED)) {
      if (++tried > MAX_TRIED) break;
      const values = literalsOnly(text, (m.index ?? 0) + m[0].length - 1);
      if (values === null) continue;
      const paths = values.filter((p) => SCRIPT.test(p) && !p.startsWith('/') && !p.includes('://') && !p.split('/').includes('..'));
      if (paths.length > 0) out.push({ file, name: m[1], line: lineAt(text, m.index ?? 0), paths });
    }
  }
  return out;
};

/** Where the app reads a listing attribute into the collection a template loops over. */
interface Read {
  file: string;
  line: number;
  spelled: string;
  sites: DynamicStatic[];
}

/**
 * The first read of each attribute name that feeds a loop or a collection (`for script in plugin.js_dependencies`,
 * `.extend(x.NAME)`, `+= x.NAME`, the same through `getattr(x, 'NAME')`), in a Python file other than the one listing it
 * that also names the collection a serving template loops over, as a key or a keyword (`kwargs['scripts']`,
 * `render_template(…, scripts=…)`): `name → file:line (as written)` and that template.
 */
const attributeReads = (ctx: FrameworkContext, names: ReadonlySet<string>, definers: ReadonlyMap<string, ReadonlySet<string>>, sites: readonly DynamicStatic[]): Map<string, Read> => {
  const found = new Map<string, Read>();
  const alternatives = [...names].map(escapeRegExp).join('|');
  const feeds = String.raw`(?:\bfor\s[^\n:]{0,200}?\sin\s+|\.(?:extend|update|union)\(\s*|[+|]=\s*|\byield\s+from\s+)`;
  // `for script in plugin.js_dependencies` (not `x.NAME = …`), or `for script in getattr(x, 'NAME'`.
  const read = new RegExp(
    String.raw`${feeds}(?:([A-Za-z_][\w.]*\.(${alternatives}))\b(?!\s*=(?!=))|(getattr\(\s*[A-Za-z_][\w.]*\s*,\s*(['"])(${alternatives})\4))`,
    'g',
  );
  const collections = [...new Set(sites.map((s) => s.collection))];
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py') || found.size === names.size) continue;
    const text = lookText(ctx, file);
    if (text === null || ![...names].some((n) => !found.has(n) && text.includes(n))) continue;
    // The collections this file names as a key (`kwargs['scripts']`) or a keyword (`scripts=scripts`).
    const mentions = new Map<string, number[]>();
    for (const c of collections) {
      if (!text.includes(c)) continue;
      const at = [...text.matchAll(new RegExp(String.raw`(['"])${escapeRegExp(c)}\1|[(,]\s*${escapeRegExp(c)}\s*=(?!=)`, 'g'))].map((m) => m.index ?? 0);
      if (at.length > 0) mentions.set(c, at);
    }
    if (mentions.size === 0) continue;
    // The serving templates, the collection named nearest the read first (`kwargs['scripts'].add(script)` below the loop, not `kwargs['styles']`).
    const serving = (at: number): DynamicStatic[] => {
      const distance = (c: string): number => Math.min(...mentions.get(c)!.map((i) => Math.abs(i - at)));
      return sites.filter((s) => mentions.has(s.collection)).sort((a, b) => distance(a.collection) - distance(b.collection));
    };
    for (const m of text.matchAll(read)) {
      const name = m[2] ?? m[5];
      if (found.has(name) || definers.get(name)?.has(file) === true) continue;
      // A read on a comment line is none.
      const lineStart = text.lastIndexOf('\n', m.index ?? 0) + 1;
      if (text.slice(lineStart, m.index ?? 0).includes('#')) continue;
      const at = (m.index ?? 0) + m[0].length - (m[1] ?? m[3]).length;
      found.set(name, { file, line: lineAt(text, at), spelled: m[1] ?? `getattr(…, '${name}')`, sites: serving(at) });
    }
  }
  return found;
};

const references = perScan((ctx: FrameworkContext): { out: ReferenceInput[]; first: string | null } => {
  const out: ReferenceInput[] = [];
  const sites = dynamicStaticSites(ctx);
  if (sites.length === 0) return { out, first: null };
  const listed = listedScripts(ctx);
  if (listed.length === 0) return { out, first: null };
  const definers = new Map<string, Set<string>>();
  for (const l of listed) (definers.get(l.name) ?? definers.set(l.name, new Set()).get(l.name)!).add(l.file);
  const reads = attributeReads(ctx, new Set(definers.keys()), definers, sites);
  let first: string | null = null;
  for (const l of listed) {
    const read = reads.get(l.name);
    if (read === undefined) continue;
    for (const path of l.paths) {
      // The templates whose loop the reading file fills.
      for (const site of read.sites) {
        const hit = staticTargets(ctx.files, site.roots, path, null, ctx.folderLinks)[0];
        if (hit === undefined) continue;
        first ??= `${l.file}:${l.line} lists ${l.name}, read at ${read.file}:${read.line}`;
      out.push({
        from: l.file,
        target: hit.target,
        targetKind: 'file',
        line: l.line,
        label: `named by ${l.name} = ('${path}', …) in ${l.file}:${l.line}, an attribute the app reads into ${site.collection} (${read.spelled} in ${read.file}:${read.line}) and serves as a static file (${site.spelled} in ${site.template}:${site.line})`,
        });
        break;
      }
    }
  }
  return { out, first };
});

const reader: FrameworkReader = {
  id: 'static-attributes',
  title: "module attributes listing static scripts the app reads and serves (searx plugins' js_dependencies)",
  ecosystem: 'python',
  enabledBy: (ctx) => references(ctx).first,
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    out.references.push(...references(ctx).out);
    return out;
  },
};

export default reader;

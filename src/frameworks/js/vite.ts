/**
 * Vite builds from HTML: `index.html` in its `root` (default: the package folder), or the pages
 * `build.rollupOptions.input` names, and each `<script type="module" src>` in them (`/src/x.ts`
 * from the root, `./x.ts` from the page); a library build from `build.lib.entry` (relative to the
 * root); a JS input
 * directly (imports through `resolve.alias` are resolved with the imports: resolution/tool-aliases.ts). The config is the root, with the kind of what runs vite there; each file is a
 * reference from it, its label naming the page when one is in between. `vite build --ssr <entry>`
 * on a command line builds that file for the server: an entry of its own.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { lineCounter } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachScriptTag, htmlCommentsBlanked } from './script-tags.js';
import { eachPackage, enabledByPackages, fileReference, filesIn, kindOf, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^vite\.config\.[cm]?[jt]s$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['vite'], CONFIG);

/** One attribute of a tag: its name, then its value double-quoted, single-quoted or bare (HTML's attribute syntax). */
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The value of a tag's first attribute named `src` (quoted, or bare as a minifier writes it:
 * `<script src=js/app.js>`), read attribute by attribute: `data-src`
 * (a lazy loader's) and `:src` (a Vue binding) are other attributes, and a `src=` inside another
 * attribute's value (`data-note="src='old.js'"`) is that value's text. A double-quoted value may hold
 * single quotes and the other way round (`src="{{ 'js/base.js'|url }}"`).
 */
const srcAttribute = (attrs: string): string | undefined => {
  for (const a of attrs.matchAll(ATTRIBUTE)) if (a[1].toLowerCase() === 'src') return a[2] ?? a[3] ?? a[4];
  return undefined;
};

/** The module scripts of an HTML page: `src` of each `<script type="module">` (and plain scripts that name a .ts/.js file) outside its comments, lines counted as offsets grow. */
export const htmlScripts = (html: string): { src: string; line: number }[] => {
  const out: { src: string; line: number }[] = [];
  const page = htmlCommentsBlanked(html);
  const lineOf = lineCounter(page);
  eachScriptTag(page, false, ({ at, attrs }) => {
    const src = srcAttribute(attrs);
    if (!src || /^[a-z][\w+.-]*:|^\/\//i.test(src)) return;
    out.push({ src, line: lineOf(at) });
  });
  return out;
};

const strings = (v: ConfigValue | null, out: { value: string; line: number }[], unread: { line: number; text: string }[]) => {
  if (!v) return;
  if (v.kind === 'string') out.push({ value: v.value, line: v.line });
  else if (v.kind === 'array') v.items.forEach((i) => strings(i, out, unread));
  else if (v.kind === 'object') v.props.forEach((i) => strings(i, out, unread));
  else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
};

/** `vite build --ssr src/entry.x.tsx` (or `--ssr=…`): the file is built as the server entry. */
const ssrEntries = (ctx: FrameworkContext, pkg: JsPackage, run: ReturnType<typeof toolRun>, out: FrameworkOutput) => {
  for (const inv of toolInvocations(ctx, ['vite']).filter((i) => i.cwd === pkg.dir && i.args[0] === 'build')) {
    const at = inv.args.findIndex((a) => a === '--ssr' || a.startsWith('--ssr='));
    if (at < 0) continue;
    const value = inv.args[at].startsWith('--ssr=') ? inv.args[at].slice('--ssr='.length) : inv.args[at + 1];
    if (!value || value.startsWith('-')) continue;
    const file = resolveToolPath(ctx, pkg.dir, value);
    if (file) out.entries.push({ source: inv.source, target: file, targetKind: 'file', kind: kindOf(run), evidence: `vite build --ssr ${value} (its SSR entry), on ${inv.evidence}` });
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
  const run = toolRun(ctx, pkg.dir, ['vite'], { bundler: true });
  ssrEntries(ctx, pkg, run, out);
  if (config === null) {
    // No config: vite serves and builds the package's index.html, when a command runs vite there.
    const page = joinRepo(pkg.dir, 'index.html');
    if (run === null || page === null || !ctx.files.has(page)) return;
    for (const script of htmlScripts(ctx.readText(page) ?? '')) {
      const file = resolveToolPath(ctx, pkg.dir, script.src);
      if (file) out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: kindOf(run), evidence: `<script src="${script.src}"> in ${page}:${script.line}, the page ${runEvidence(run, 'vite')} serves (no vite config)` });
    }
    return;
  }
  out.entries.push({ source: config, target: config, targetKind: 'file', kind: kindOf(run), evidence: `${config}: Vite config, loaded by ${runEvidence(run, 'vite')}` });
  const { value } = readToolConfig(ctx, config, out.diagnostics, 'vite');
  const root = viteRoot(value, pkg.dir);
  const pages = viteBuildInputs(ctx, config, value, pkg.dir, root, out);
  const defaultPage = joinRepo(root, 'index.html');
  if (pages === null && defaultPage !== null && ctx.files.has(defaultPage)) pageScripts(ctx, config, [{ page: defaultPage }], root, out);
};

/** Vite's `root` (relative to the folder vite runs in, `cwd`), or that folder. */
export const viteRoot = (value: ConfigValue | null, cwd: string): string => {
  const rootValue = configAt(value, 'root');
  return rootValue?.kind === 'string' ? (joinRepo(cwd, rootValue.value) ?? cwd) : cwd;
};

/**
 * The files a Vite config's `build.rollupOptions.input` and `build.lib.entry` name, as references
 * from the config, with the scripts of the HTML pages among them. `lib.entry` is relative to the
 * root (Vite resolves it there); `rollupOptions.input` goes to Rollup as written, so relative to
 * the folder vite runs in (`cwd`), a page's bare path to the root. Null when the config names no input.
 */
export const viteBuildInputs = (ctx: FrameworkContext, config: string, value: ConfigValue | null, cwd: string, root: string, out: FrameworkOutput): { page: string; line?: number }[] | null => {
  const inputs: { value: string; line: number; base: string }[] = [];
  const unread: { line: number; text: string }[] = [];
  const rollup: { value: string; line: number }[] = [];
  const lib: { value: string; line: number }[] = [];
  strings(configAt(value, 'build', 'rollupOptions', 'input'), rollup, unread);
  strings(configAt(value, 'build', 'lib', 'entry'), lib, unread);
  inputs.push(...rollup.map((i) => ({ ...i, base: cwd })), ...lib.map((i) => ({ ...i, base: root })));
  warnUnread(out.diagnostics, 'vite', config, unread, 'build input');
  if (inputs.length === 0) return null;
  const pages: { page: string; line?: number }[] = [];
  for (const input of inputs) {
    const path = joinRepo(input.value.startsWith('.') ? input.base : root, input.value);
    if (path !== null && path.endsWith('.html')) {
      if (ctx.files.has(path)) pages.push({ page: path, line: input.line });
      continue;
    }
    const file = resolveToolPath(ctx, input.base, input.value, root);
    if (file) out.references.push(fileReference(config, file, input.line, `Vite build input "${input.value}" in ${config}:${input.line}`));
  }
  pageScripts(ctx, config, pages, root, out);
  return pages;
};

/** Each `<script src>` of the config's pages: a reference from the config, naming the page. */
const pageScripts = (ctx: FrameworkContext, config: string, pages: { page: string; line?: number }[], root: string, out: FrameworkOutput) => {
  for (const { page, line } of pages) {
    for (const script of htmlScripts(ctx.readText(page) ?? '')) {
      const file = resolveToolPath(ctx, dirname(page), script.src, root);
      if (file) out.references.push(fileReference(config, file, line, `<script src="${script.src}"> in ${page}:${script.line}, a Vite page of ${config}`));
    }
  }
};

const vite: FrameworkReader = {
  id: 'vite',
  title: 'Vite (index.html and rollupOptions.input pages and their scripts, lib.entry, build --ssr entries)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Vite'),
  collect: eachPackage(packages, collectPackage),
};

export default vite;

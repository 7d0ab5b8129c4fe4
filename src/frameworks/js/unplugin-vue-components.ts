/**
 * unplugin-vue-components: the bundler plugin (`Components({ dirs, dts })` in a Vite, webpack,
 * Rollup, Vue CLI, Nuxt… config) registers the components of its folders by name and turns each
 * template tag that names one (`<AppButton>`, or `<app-button>`, which Vue resolves to the same
 * name) into an import of its file, so no import in the source names those files. It writes what
 * it registered into a declaration file (`dts`: default `./components.d.ts` in the package folder
 * where TypeScript is installed; a string for another path; `false` for none, read as
 * unplugin-dts.ts reads it for unplugin-auto-import) whose `GlobalComponents` interface maps each
 * name to `typeof import('./components/AppButton.vue')['default']`. That file is the plugin's own
 * output: a tooling root. Each .vue file of the package (Vue 2 or 3) whose template uses a
 * registered name gets an edge to the component's file, with the registry line as evidence; so
 * does each markdown page a code file imports where a Vue markdown plugin (unplugin-vue-markdown,
 * or its earlier names) compiles pages into components, for the tags outside its code blocks. A
 * registered component no template uses gives no edge. Only in packages that depend on the plugin,
 * and files are read only when the registry is there. A template in another language (Pug) is a
 * warning naming the file and line: its tags are not read.
 */
import { JS_FAMILY_FILE } from '../../languages/js-family.js';
import { warning } from '../../util/diagnostics.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { markdownTags, vueTemplateTags, type ComponentTag } from './component-tags.js';
import { dependsOn, eachPackage, enabledByPackages, fileReference, jsPackages, packageFilesUnder, type JsPackage } from './support.js';
import { dtsEntry, dtsImport, generatedDtsFiles, type DtsImport } from './unplugin-dts.js';

const PLUGIN = 'unplugin-vue-components';
const DEFAULT_DTS = './components.d.ts';
/** The plugins that compile a markdown page into a Vue component (unplugin-vue-markdown and the names it had before). */
const MARKDOWN_PLUGINS = ['unplugin-vue-markdown', 'vite-plugin-vue-markdown', 'vite-plugin-md'];
/** `AppButton: typeof import('./components/AppButton.vue')['default']` (a quoted name too). */
const REGISTERED = /^\s*(['"]?)([A-Za-z_$][\w$-]*)\1\??\s*:\s*typeof\s+import\(\s*(['"])([^'"]+)\3\s*\)/;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, PLUGIN));

/** The components a registry's `GlobalComponents` interface names, with the repo file each is (package components are left out). */
const registered = (ctx: FrameworkContext, dts: string, text: string): DtsImport[] => {
  const out: DtsImport[] = [];
  let depth = 0;
  text.split('\n').forEach((lineText, i) => {
    if (depth === 0) {
      const open = /\binterface\s+GlobalComponents\b[^{]*\{/.exec(lineText);
      if (open) for (const c of lineText.slice(open.index + open[0].length - 1)) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      return;
    }
    const m = REGISTERED.exec(lineText);
    const component = m ? dtsImport(ctx, dts, m[2], m[4], i + 1) : null;
    if (component) out.push(component);
    for (const c of lineText) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (depth < 0) depth = 0;
  });
  return out;
};

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** The name Vue looks a tag up by: `app-button` and `appButton` are `AppButton`. */
const pascalName = (tag: string): string => capitalize(tag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));
/** A lower-case tag without a hyphen (`button`, `div`) is an HTML element, never a component. */
const isNativeTag = (tag: string): boolean => !/[A-Z-]/.test(tag);

interface PageImport {
  importer: string;
  line: number;
}

/** The markdown pages the package's code imports (`import Page from './page.md'`), with where. */
const importedPages = (ctx: FrameworkContext, pkg: JsPackage): Map<string, PageImport[]> => {
  const pages = new Map<string, PageImport[]>();
  for (const file of packageFilesUnder(ctx, pkg, '')) {
    if (!JS_FAMILY_FILE.test(file)) continue;
    for (const i of ctx.facts(file)?.imports ?? []) {
      const spec = i.specifier.replace(/[?#].*$/, '');
      if (i.typeOnly || !/^\.\.?\/.*\.md$/.test(spec)) continue;
      const page = joinRepo(dirname(file), spec);
      if (page !== null && ctx.files.has(page)) pages.set(page, [...(pages.get(page) ?? []), { importer: file, line: i.line }]);
    }
  }
  return pages;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const found = generatedDtsFiles(ctx, pkg, out, PLUGIN, DEFAULT_DTS);
  const byName = new Map<string, DtsImport[]>();
  for (const dts of found) {
    out.entries.push(dtsEntry(PLUGIN, dts));
    const text = ctx.readText(dts.file);
    if (text === null) continue;
    for (const r of registered(ctx, dts.file, text)) {
      const key = pascalName(r.name);
      byName.set(key, [...(byName.get(key) ?? []), r]);
    }
  }
  if (byName.size === 0) return;
  /** An edge from `from` (at `at`, the tag's line unless given) to each component `file`'s tags name. */
  const link = (file: string, tags: ComponentTag[], how: string, from = file, at?: number) => {
    const seen = new Set<string>();
    for (const tag of tags) {
      if (isNativeTag(tag.name) || tag.name.includes('.')) continue;
      const key = pascalName(tag.name);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const r of byName.get(key) ?? []) {
        if (r.target === file || r.target === from) continue;
        out.references.push(fileReference(from, r.target, at ?? tag.line, `used by ${file}:${tag.line}${how} as the tag <${tag.name}> (${r.dts}:${r.line} ${r.name}: typeof import('${r.spec}')), which unplugin-vue-components turns into an import`));
      }
    }
  };
  for (const file of packageFilesUnder(ctx, pkg, '')) {
    if (!file.endsWith('.vue')) continue;
    const text = ctx.readText(file);
    if (text === null || !text.includes('<')) continue;
    const { tags, unread } = vueTemplateTags(text);
    for (const u of unread) out.diagnostics.push(warning(`${PLUGIN}/template-lang`, `a <template lang="${u.lang}"> is not HTML: the components its tags name are not read`, file, u.line));
    link(file, tags, '');
  }
  if (!MARKDOWN_PLUGINS.some((p) => dependsOn(pkg, p))) return;
  // A markdown page is documentation to census, which no chain passes through: the edge starts at
  // the code that imports the page, which the bundler loads with the page's components.
  for (const [page, imports] of importedPages(ctx, pkg)) {
    const text = ctx.readText(page);
    if (text === null) continue;
    const tags = markdownTags(text);
    for (const { importer, line } of imports) link(page, tags, ` (a markdown page ${importer}:${line} imports, which the Vue markdown plugin compiles into a component)`, importer, line);
  }
};

const unpluginVueComponents: FrameworkReader = {
  id: 'unplugin-vue-components',
  title: 'unplugin-vue-components (its generated components.d.ts, and the components templates and markdown pages use by tag)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), PLUGIN),
  collect: eachPackage(packages, collectPackage),
};

export default unpluginVueComponents;

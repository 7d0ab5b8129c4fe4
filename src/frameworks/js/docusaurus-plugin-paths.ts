/**
 * What a Docusaurus plugin or theme module hands Docusaurus by path. Docusaurus resolves the
 * strings its lifecycle methods return against the plugin's folder (`path.resolve(plugin.path, p)`,
 * `plugin.path` being the folder of the module the plugin name resolves to):
 * - `getThemePath()`: the theme folder. Every component file there becomes an alias
 *   `@theme/<name>` (tests under `__tests__/` left out) that sites and the theme's own components
 *   import, so each is loaded through the plugin, not through an import of its path;
 * - `getTypeScriptThemePath()`: the TypeScript sources of those components, which `docusaurus
 *   swizzle --typescript` copies into a site (a theme package ships them beside the compiled ones);
 * - `getClientModules()`: modules bundled into every page (`'./nprogress'`,
 *   `require.resolve('./client')`, `path.resolve(__dirname, './analytics')`).
 * The folder is the module's own (the plugin module is the one that defines the method; a compiled
 * `lib/index.js` and its `src/index.ts` say the same relative paths). Read in the packages that
 * depend on a `@docusaurus/` package (a theme or plugin package, or a site with local plugins),
 * in code files that define one of the methods. A string literal, a `path.join`/`path.resolve` of
 * `__dirname` or a local that holds one is read; a theme path census cannot read is a warning naming
 * the file and line. Client modules that are package names (`infima/…`) or computed are not repo files.
 * Each file reached is a reference from the plugin module, so it takes that module's verdict.
 */
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { folderOf } from '../../languages/javascript/folder-expr.js';
import { functionRegion } from './function-region.js';
import { dependsOn, fileReference, jsPackages, packageFilesUnder, resolveToolPath } from './support.js';
import { perScan } from '../per-scan.js';

type Method = 'getThemePath' | 'getTypeScriptThemePath' | 'getClientModules';

/**
 * A definition of one of the methods (not a call `plugin.getThemePath()`): a method
 * `getThemePath() {`, or a property `getThemePath: () =>` / `getThemePath: function () {`.
 */
const DEFINITION = /(?<![\w$.])(getThemePath|getTypeScriptThemePath|getClientModules)\s*(?:\(\s*\)\s*\{|:\s*(?:async\s+)?(?:function\s*\(\s*\)\s*\{|\(\s*\)\s*(?::\s*[\w$<>[\]\s|]+)?=>))/g;
const CODE = /\.(c|m)?[jt]sx?$/;
const LITERAL = /^(["'`])([^"'`\n$]*)\1$/;
const THEME_COMPONENT = /\.(jsx?|tsx?)$/;

interface Definition {
  method: Method;
  /** The method's body, or the expression an arrow returns. */
  body: string;
  line: number;
}

interface PluginModule {
  file: string;
  definitions: Definition[];
}

/** The text of what the definition at `m` does: its braced body, or an arrow's expression up to the end of the line. */
const bodyOf = (text: string, m: RegExpMatchArray): string => {
  const end = (m.index ?? 0) + m[0].length;
  if (m[0].endsWith('{')) {
    const region = functionRegion(text, end);
    return text.slice(region.start, region.end);
  }
  const rest = text.slice(end).trimStart();
  if (rest.startsWith('{')) {
    const region = functionRegion(text, text.indexOf('{', end) + 1);
    return text.slice(region.start, region.end);
  }
  if (rest.startsWith('[')) return rest.slice(0, Math.max(0, rest.indexOf(']')) + 1);
  const literal = /^(["'`])[^"'`\n$]*\1/.exec(rest);
  // `() => '../theme' }` on one line: the literal alone, or the line without the object's closing.
  return literal ? literal[0] : rest.split('\n')[0].replace(/[\s,;}]*$/, '');
};

const pluginModules = perScan((ctx): PluginModule[] => {
  const out: PluginModule[] = [];
  for (const pkg of jsPackages(ctx)) {
    if (!dependsOn(pkg, /^@docusaurus\//)) continue;
    for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
      if (!CODE.test(file) || /\.d\.[cm]?ts$/.test(file)) continue;
      const text = ctx.readText(file) ?? '';
      if (!/getThemePath|getTypeScriptThemePath|getClientModules/.test(text)) continue;
      const definitions = [...text.matchAll(DEFINITION)].map((m) => ({ method: m[1] as Method, body: bodyOf(text, m), line: lineAt(text, m.index ?? 0) }));
      if (definitions.length > 0) out.push({ file, definitions });
    }
  }
  return out;
});

/** The expression a theme-path method returns: an arrow's expression, or the first `return`. */
const returned = (body: string): string | null => {
  const ret = /\breturn\s+([^;\n]+)/.exec(body);
  if (ret) return ret[1].trim();
  const expr = body.trim();
  return expr === '' || expr.startsWith('{') ? null : expr;
};

/** The repo folder an expression names from the plugin module's folder, or null. */
const folderNamed = (expr: string, file: string, text: string): string | null => {
  const lit = LITERAL.exec(expr);
  // path.resolve(plugin.path, p): an absolute path is the machine's, not the repo's.
  if (lit) return lit[2].startsWith('/') ? null : joinRepo(dirname(file), lit[2]);
  return folderOf(expr, file, text);
};

/** `@theme/Navbar/Layout` for `<theme>/Navbar/Layout/index.js`. */
const themeAlias = (theme: string, file: string): string =>
  `@theme/${file
    .slice(theme.length + 1)
    .replace(THEME_COMPONENT, '')
    .replace(/\/index$/, '')}`;

const themeReferences = (ctx: FrameworkContext, plugin: PluginModule, d: Definition, text: string, out: FrameworkOutput): void => {
  const expr = returned(d.body);
  const folder = expr === null ? null : folderNamed(expr, plugin.file, text);
  if (folder === null || folder === '') {
    out.diagnostics.push(warning('docusaurus-plugin/theme-path', `${d.method}() returns a folder census cannot read (${expr ?? 'no return'}); its theme components are not followed`, plugin.file, d.line));
    return;
  }
  const spelled = expr ?? '';
  for (const target of pathsWithPrefix(ctx.files, `${folder}/`)) {
    if (!THEME_COMPONENT.test(target) || /\.d\.[cm]?ts$/.test(target) || target.includes('/__tests__/') || target.includes('node_modules/')) continue;
    const label =
      d.method === 'getThemePath'
        ? `${plugin.file}:${d.line} getThemePath() returns ${spelled}: Docusaurus makes each component there the alias ${themeAlias(folder, target)}`
        : `${plugin.file}:${d.line} getTypeScriptThemePath() returns ${spelled}: the TypeScript source of ${themeAlias(folder, target)}, which docusaurus swizzle --typescript copies`;
    out.references.push(fileReference(plugin.file, target, d.line, label));
  }
};

/** Client modules: relative literals (the plugin's folder), `require.resolve('./x')`, `path.resolve(__dirname, …)`. */
const clientModuleReferences = (ctx: FrameworkContext, plugin: PluginModule, d: Definition, text: string, out: FrameworkOutput): void => {
  const seen = new Set<string>();
  const add = (target: string | null, spelled: string) => {
    if (target === null || target === plugin.file || seen.has(target)) return;
    seen.add(target);
    out.references.push(fileReference(plugin.file, target, d.line, `${plugin.file}:${d.line} getClientModules() lists ${spelled}: Docusaurus bundles it into every page`));
  };
  const dir = dirname(plugin.file);
  for (const m of d.body.matchAll(/(["'`])(\.{1,2}\/[^"'`\n$]*)\1/g)) add(resolveToolPath(ctx, dir, m[2]), m[0]);
  for (const m of d.body.matchAll(/\bpath\s*\.\s*(?:resolve|join)\(\s*(?:__dirname|import\.meta\.dirname)\s*(?:,\s*(["'`])[^"'`\n$]*\1\s*)+\)/g)) {
    const folder = folderOf(m[0], plugin.file, text);
    if (folder !== null) add(resolveToolPath(ctx, '', folder), m[0]);
  }
};

const docusaurusPluginPaths: FrameworkReader = {
  id: 'docusaurus-plugin-paths',
  title: 'Docusaurus plugin and theme modules (getThemePath, getTypeScriptThemePath, getClientModules)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = pluginModules(ctx)[0];
    return first ? `${first.file}:${first.definitions[0].line} defines ${first.definitions[0].method}() for Docusaurus` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const plugin of pluginModules(ctx)) {
      const text = ctx.readText(plugin.file) ?? '';
      for (const d of plugin.definitions) {
        if (d.method === 'getClientModules') clientModuleReferences(ctx, plugin, d, text, out);
        else themeReferences(ctx, plugin, d, text, out);
      }
    }
    return out;
  },
};

export default docusaurusPluginPaths;

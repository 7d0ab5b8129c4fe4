/**
 * What the unplugin family of auto-importers (unplugin-auto-import, unplugin-vue-components)
 * share: each is a bundler plugin called in a Vite, Vitest, webpack, Rollup, Rspack, Rsbuild,
 * Rolldown, esbuild, Vue CLI or Nuxt config (`AutoImport({ dts })`, `Components({ dts })`), and
 * writes what it rewrites into a declaration file of `typeof import('./path')` lines: the `dts`
 * option (a path relative to the package's folder, the config's root; `true` for the plugin's
 * default name; `false` for none). Left out, `dts` is on only where TypeScript is installed (the
 * plugins' documented default, `isPackageExists('typescript')`), read here as the package or a
 * workspace root above it declaring `typescript`. With no call found (no config census reads, or a
 * Nuxt `modules` entry), the default file is the plugin's when it is there. A computed `dts` is a
 * warning naming the config and line; the default is not guessed then.
 */
import { callsIn, configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import type { FrameworkContext, FrameworkOutput } from '../types.js';
import { dependsOn, enclosingPackages, filesIn, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^(vite|vitest|webpack|rollup|rspack|rsbuild|rolldown|esbuild|vue|nuxt)\.config\.[cm]?[jt]s$/;

/** The local names a config gives the plugin (`import Components from 'unplugin-vue-components/vite'`, `const Components = require(…)`). */
export const pluginNames = (text: string, plugin: string): string[] => {
  const spec = String.raw`['"]${escapeRegExp(plugin)}(?:/[\w-]+)?['"]`;
  const names = new Set<string>();
  for (const m of text.matchAll(new RegExp(String.raw`import\s+(\w+)\s*(?:,\s*\{[^}]*\})?\s*from\s*${spec}`, 'g'))) names.add(m[1]);
  for (const m of text.matchAll(new RegExp(String.raw`(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*${spec}\s*\)(?:\.default)?`, 'g'))) names.add(m[1]);
  return [...names];
};

export interface GeneratedDts {
  file: string;
  /** For evidence: `dts "types/auto.d.ts" at vite.config.ts:9` or `the default dts "./auto-imports.d.ts"`. */
  origin: string;
}

/** Whether TypeScript is there for the plugin to see: the package or a workspace root above it declares it. */
const declaresTypescript = (ctx: FrameworkContext, pkg: JsPackage): boolean => enclosingPackages(ctx, pkg.dir).some((p) => dependsOn(p, 'typescript'));

/**
 * The declaration files a package's configs make `plugin` write, that the repo holds: each call's
 * `dts`, the default (`defaultDts`, `./name.d.ts`) when the call says `true` or leaves it out
 * where TypeScript is installed, none for `false`; the default alone when no call is found.
 */
export const generatedDtsFiles = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput, plugin: string, defaultDts: string): GeneratedDts[] => {
  const found: GeneratedDts[] = [];
  const defaultFile = joinRepo(pkg.dir, defaultDts.replace(/^\.\//, '')) ?? defaultDts;
  let calls = 0;
  for (const config of filesIn(ctx, pkg.dir, CONFIG)) {
    const text = ctx.readText(config);
    if (text === null || !text.includes(plugin)) continue;
    const names = pluginNames(text, plugin);
    if (names.length === 0) continue;
    const callee = new RegExp(`^(${names.map(escapeRegExp).join('|')})(\\.default)?$`);
    for (const call of callsIn(config, text, callee)) {
      calls++;
      const options: ConfigValue | null = call.args[0] ?? null;
      const dts = configAt(options, 'dts');
      if (dts?.kind === 'boolean' && dts.value) found.push({ file: defaultFile, origin: `the default dts "${defaultDts}" (dts: true at ${config}:${call.line})` });
      else if (dts === null) {
        if (declaresTypescript(ctx, pkg)) found.push({ file: defaultFile, origin: `the default dts "${defaultDts}" of the call at ${config}:${call.line}, TypeScript being installed` });
      } else if (dts.kind === 'string') {
        const file = joinRepo(pkg.dir, dts.value.replace(/^\.\//, ''));
        if (file !== null) found.push({ file, origin: `dts "${dts.value}" at ${config}:${call.line}` });
      } else if (dts.kind !== 'boolean') warnUnread(out.diagnostics, plugin, config, [{ line: call.line, text: 'a computed value' }], 'dts');
    }
  }
  if (calls === 0) found.push({ file: defaultFile, origin: `the default dts "${defaultDts}"` });
  return found.filter((d, i) => ctx.files.has(d.file) && found.findIndex((o) => o.file === d.file) === i);
};

/** The tooling root a generated declaration file is: the plugin's own output, read by the editor and type checker. */
export const dtsEntry = (plugin: string, dts: GeneratedDts): FrameworkOutput['entries'][number] => ({
  source: dts.file,
  target: dts.file,
  targetKind: 'file',
  kind: 'tooling',
  evidence: `${dts.file}: declarations ${plugin} writes (${dts.origin}), for the editor and type checker`,
});

/** A module path as the bundler resolves it from the .d.ts's folder: the file, its TypeScript source for a `.js` name, or with an extension or index file. */
const resolveDtsImport = (ctx: FrameworkContext, dir: string, spec: string): string | null => {
  const base = joinRepo(dir, spec);
  if (base === null) return null;
  if (ctx.files.has(base)) return base;
  for (const b of [base, base.replace(/\.[cm]?js$/, '')]) {
    for (const ext of ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.mts', '.cjs', '.cts', '.vue', '/index.ts', '/index.js']) if (ctx.files.has(`${b}${ext}`)) return `${b}${ext}`;
  }
  return null;
};

/** One name a generated .d.ts declares, with the repo module its `typeof import('./…')` names. */
export interface DtsImport {
  /** The .d.ts that declares it. */
  dts: string;
  name: string;
  /** The repo file the import resolves to. */
  target: string;
  line: number;
  /** The import's specifier, as written. */
  spec: string;
}

/** `name`, declared at `line` of `dts` as `typeof import(spec)`: null for a package name or a path the repo lacks. */
export const dtsImport = (ctx: FrameworkContext, dts: string, name: string, spec: string, line: number): DtsImport | null => {
  if (!/^\.\.?\//.test(spec)) return null;
  const target = resolveDtsImport(ctx, dirname(dts), spec);
  return target === null ? null : { dts, name, target, line, spec };
};

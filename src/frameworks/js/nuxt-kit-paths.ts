/**
 * A Nuxt module hands Nuxt the files of its own package by path, never importing them: the app's
 * bundle loads each plugin, component, route middleware and server handler the module registers
 * (`addPlugin(resolve(runtimeDir, 'plugins/router'))`, `addComponent({ filePath: resolve(appDir,
 * 'components/nuxt-link') })`, `addServerHandler({ handler: resolver.resolve('./runtime/api') })`).
 * Nuxt itself registers its whole runtime so (nuxt's dist/index.mjs: ~100 plugins, components and
 * pages of dist/app, dist/pages/runtime, dist/head/runtime), and so does every module built on
 * @nuxt/kit. Read statically, in a file that imports `@nuxt/kit` (or `nuxt/kit`) of a package that
 * depends on either or is nuxt: a `resolve(…)`/`join(…)` whose first part is a folder the file
 * settles (folder-expr.ts: `dirname(fileURLToPath(import.meta.url))`, a join onto it, a name
 * holding one in the enclosing function; or a property the file sets once to one,
 * `options.appDir = resolve(distDir, 'app')` read back as `nuxt.options.appDir`) and whose other
 * parts are literals, or the `resolve(…)` of `createResolver(import.meta.url)` with literal parts
 * (kit's resolver: relative to the module's folder), names the file Nuxt resolves it to: the path
 * itself, else with one of Nuxt's extensions (`.js` … `.vue`), else its folder's index. A path
 * whose every use only reads, writes or tests it (support.ts byteUse) names no file Nuxt loads;
 * a path to the file itself, a folder, or a file that does not exist names nothing.
 */
import { folderCandidatesOf, splitArgs, type TextRegion } from '../../languages/javascript/folder-expr.js';
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { blankedText } from './blanked-texts.js';
import { functionRegion } from './function-region.js';
import { callArgsText, literalValue } from './parameter-values.js';
import { byteUse, dependsOn, jsCodeFiles, jsPackages, labelledReferences, type JsPackage, type LabelledReference } from './support.js';

/** An import of kit: the file is a Nuxt module (or Nuxt), whose paths are Nuxt's to load. */
const IMPORTS_KIT = /\bfrom\s*["'](?:@nuxt\/kit|nuxt\/kit)["']|\brequire\(\s*["'](?:@nuxt\/kit|nuxt\/kit)["']\s*\)/;
/** A join call: `resolve(`, `join(`, `path.resolve(`, `resolver.resolve(`; group 1 the receiver, group 2 the method. */
const JOIN_CALL = /(?<![\w$])(?:([A-Za-z_$][\w$]*)\s*\.\s*)?(resolve|join)\s*\(/g;
/** `const NAME = createResolver(import.meta.url)`: NAME.resolve(…) is relative to the module's folder. */
const RESOLVER = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*createResolver\(\s*import\.meta\.url\s*\)/g;
/** `const { resolve } = createResolver(import.meta.url)` (or `{ resolve: name }`). */
const DESTRUCTURED_RESOLVER = /(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*createResolver\(\s*import\.meta\.url\s*\)/g;
/** A receiver that is the path module, not kit's resolver. */
const PATH_MODULE = /^(?:path|nodePath|posix|pathe|node_path)$/;
const MEMBER_CHAIN = /^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)+$/;
/** What Nuxt tries after the path itself (its default `extensions`, then an index). */
const COMPLETIONS = ['', '.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.vue', '/index.js', '/index.mjs', '/index.ts', '/index.vue'];
const LOADABLE = /\.(?:[cm]?[jt]sx?|vue)$/;

/**
 * A call that hands Nuxt a whole folder, ending where its path argument starts (`addImportsDir(`,
 * `addComponentsDir({ path: `): group 1 the call. Review s65-rv2: a module's composables and
 * components registered so were dead (`addImportsDir(resolver.resolve('./runtime/composables'))`).
 */
const FOLDER_CALL = /\b(addImportsDir|addServerImportsDir|addComponentsDir|addServerScanDir)\s*\(\s*(?:\[\s*)?(?:\{[^{}()]*?\bpath\s*:\s*)?$/;

/**
 * The code files Nuxt takes from a folder a module hands it: an imports folder's own files and its
 * subfolders' index files (unimport's default scan), every file below a components or server folder.
 * Declarations and tests left out.
 */
const folderFiles = (ctx: FrameworkContext, dir: string, call: string): string[] => {
  const prefix = `${dir}/`;
  const shallow = call === 'addImportsDir' || call === 'addServerImportsDir';
  return pathsWithPrefix(ctx.files, prefix).filter((p) => {
    if (!LOADABLE.test(p) || /\.d\.[cm]?ts$|\.(?:test|spec)\.[cm]?[jt]sx?$/.test(p)) return false;
    const rest = p.slice(prefix.length).split('/');
    return !shallow || rest.length === 1 || (rest.length === 2 && /^index\.[cm]?[jt]sx?$/.test(rest[1]));
  });
};

/** The packages whose files may register paths with Nuxt: nuxt itself and those built on kit. */
const kitPackages = (ctx: FrameworkContext): JsPackage[] =>
  jsPackages(ctx).filter((p) => p.json.name === 'nuxt' || dependsOn(p, '@nuxt/kit') || dependsOn(p, 'nuxt'));

/** The names that are kit's resolver in the text: held whole, and its `resolve` destructured. */
const resolverNames = (text: string): { held: Set<string>; bare: Set<string> } => {
  const held = new Set<string>();
  const bare = new Set<string>();
  for (const m of text.matchAll(RESOLVER)) held.add(m[1]);
  for (const m of text.matchAll(DESTRUCTURED_RESOLVER)) {
    for (const part of m[1].split(',')) {
      const [key, local] = part.split(':').map((s) => s.trim());
      if (key === 'resolve') bare.add(local ?? key);
    }
  }
  return { held, bare };
};

/**
 * The folder a property the file sets names (`options.appDir = options.alias["#app"] =
 * withTrailingSlash(resolve(distDir, "app"))` for `nuxt.options.appDir`): its one assignment in the
 * text, through further assignments and a one-argument wrapper. Null when it is set more than once
 * or to anything folder-expr cannot settle.
 */
const propertyFolder = (chain: string, file: string, text: string): string | null => {
  const property = chain.slice(chain.lastIndexOf('.') + 1).trim();
  const set = [...text.matchAll(new RegExp(String.raw`\.\s*${escapeRegExp(property)}\s*=(?![=>])\s*([^\n;]+)`, 'g'))];
  return set.length === 1 ? assignedFolder(set[0][1], file, text) : null;
};

/** Another target of a chained assignment (`options.alias["#app"] =`), at the start of a value. */
const FURTHER_TARGET = /^[A-Za-z_$][\w$.]*(?:\[[^\]\n]*\])*\s*=(?![=>])\s*/;

/** The one folder an assigned value settles to, through further assignments and a one-argument wrapper (`withTrailingSlash(…)`). */
const assignedFolder = (assigned: string, file: string, text: string): string | null => {
  let value = assigned.trim();
  for (let m = FURTHER_TARGET.exec(value); m !== null; m = FURTHER_TARGET.exec(value)) value = value.slice(m[0].length);
  value = value.replace(/[,\s]+$/, '');
  const region = { start: 0, end: text.length };
  const direct = folderCandidatesOf(value, file, text, region);
  if (direct.length === 1) return direct[0];
  const wrapped = /^[A-Za-z_$][\w$]*\(([\s\S]*)\)$/.exec(value);
  if (wrapped === null) return null;
  const inner = folderCandidatesOf(wrapped[1].trim(), file, text, region);
  return inner.length === 1 ? inner[0] : null;
};

/** `alias["#app"] = …`: an alias the module sets (group 2) and the rest of the line (group 3). */
const ALIAS_SET = /\balias\s*\[\s*(["'])([^"'\n]+)\1\s*\]\s*=(?![=>])\s*([^\n;]+)/g;

/** The aliases the file points at folders of the repo, once each: `#app` → `dist/app`. */
const folderAliases = (file: string, text: string): Map<string, string> => {
  const counts = new Map<string, number>();
  const folders = new Map<string, string>();
  for (const m of text.matchAll(ALIAS_SET)) {
    counts.set(m[2], (counts.get(m[2]) ?? 0) + 1);
    const folder = assignedFolder(m[3], file, text);
    if (folder !== null) folders.set(m[2], folder);
  }
  for (const [alias, n] of counts) if (n !== 1) folders.delete(alias);
  return folders;
};

/** The folders the first part of a join names in the file at `at`. */
const baseFolders = (base: string, file: string, text: string, region: TextRegion, at: number): string[] => {
  if (MEMBER_CHAIN.test(base) && !/^(?:import\s*\.\s*meta|path)\b/.test(base)) {
    const folder = propertyFolder(base, file, text);
    return folder === null ? [] : [folder];
  }
  return folderCandidatesOf(base, file, text, region, null, at);
};

/** The file Nuxt resolves `path` to: the path itself, else with an extension, else its index. */
const resolvedTarget = (ctx: FrameworkContext, path: string | null): string | undefined =>
  path === null || path === '' ? undefined : COMPLETIONS.map((c) => `${path}${c}`).find((p) => ctx.files.has(p) && LOADABLE.test(p) && !p.endsWith('.d.ts'));

/** A quoted specifier through `alias` (`"#app/components/utils"`): group 2 is the path below it. */
const throughAlias = (alias: string): RegExp => new RegExp(String.raw`(["'\`])${escapeRegExp(alias)}/([\w.@-]+(?:/[\w.@-]+)*)\1`, 'g');

const named = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const packages = kitPackages(ctx);
  if (packages.length === 0) return out;
  const prefixes = packages.map((p) => (p.dir === '' ? '' : `${p.dir}/`));
  const seen = new Set<string>();
  /** A reference from `file` to what `path` resolves to, once a line. */
  const add = (file: string, text: string, path: string | null, at: number, expr: string, why: string): void => {
    const target = resolvedTarget(ctx, path);
    if (target === undefined || target === file) return;
    const line = lineAt(text, at);
    const key = `${file}:${line}:${target}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ from: file, target, line, label: `${file}:${line} ${why} ${target} (${expr.length > 120 ? `${expr.slice(0, 117)}...` : expr})` });
  };
  const HANDS = "hands Nuxt, which puts it in the app's build,";
  /** Aliases kit files point at folders of their package: the package's prefix, the alias, its folder, who set it. */
  const aliases: { prefix: string; alias: string; folder: string; from: string }[] = [];
  for (const file of jsCodeFiles(ctx)) {
    const prefix = prefixes.find((p) => file.startsWith(p));
    if (prefix === undefined) continue;
    // Comments blanked: a registration commented out (`// addPlugin(resolve(runtimeDir, 'plugins/old'))`) hands Nuxt nothing (review s65-rv2).
    const text = blankedText(ctx, file, ctx.readText(file) ?? '');
    if (!IMPORTS_KIT.test(text)) continue;
    const { held, bare } = resolverNames(text);
    for (const m of text.matchAll(JOIN_CALL)) {
      const receiver = m[1];
      if (receiver !== undefined && !PATH_MODULE.test(receiver) && !held.has(receiver)) continue;
      const at = m.index ?? 0;
      const args = callArgsText(text, at + m[0].length - 1);
      if (args === null) continue;
      const parts = splitArgs(args).map((a) => a.trim()).filter((a) => a !== '');
      if (parts.length === 0) continue;
      const byResolver = m[2] === 'resolve' && (receiver !== undefined ? held.has(receiver) : bare.has('resolve'));
      const literals = (byResolver ? parts : parts.slice(1)).map(literalValue);
      if (literals.length === 0 || literals.some((l) => l === null)) continue;
      const folders = byResolver ? [dirname(file)] : baseFolders(parts[0], file, text, functionRegion(text, at), at);
      if (folders.length === 0) continue;
      if (byteUse(text, at) !== null) continue;
      const expr = `${m[0]}${args})`.replace(/\s+/g, ' ');
      const dirCall = FOLDER_CALL.exec(text.slice(Math.max(0, at - 80), at))?.[1];
      for (const folder of folders) {
        const path = joinRepo(folder, ...(literals as string[]));
        if (dirCall === undefined || path === null || path === '' || !isFolder(ctx.files, path)) add(file, text, path, at, expr, HANDS);
        else for (const target of folderFiles(ctx, path, dirCall)) add(file, text, target, at, expr, `hands Nuxt the folder ${path} (${dirCall}), which puts its files in the app's build,`);
      }
    }
    // A specifier through an alias the file points at its own folder (`from: "#app/composables/pages"`
    // in an auto-import preset, `import … from '#app/components/utils'` in code it generates).
    for (const [alias, folder] of folderAliases(file, text)) {
      aliases.push({ prefix, alias, folder, from: file });
      for (const m of text.matchAll(throughAlias(alias))) add(file, text, joinRepo(folder, m[2]), m.index ?? 0, `${alias}/${m[2]}`, `${HANDS} through its alias ${alias} (= ${folder}),`);
    }
  }
  // The package's own runtime files import one another through the alias (`import … from
  // "#app/components/route-provider"` in dist/pages/runtime/page.js), which the app's bundler resolves.
  for (const { prefix, alias, folder, from } of aliases) {
    for (const file of jsCodeFiles(ctx)) {
      if (!file.startsWith(prefix) || file === from) continue;
      const written = ctx.readText(file) ?? '';
      if (!written.includes(`${alias}/`)) continue;
      const text = blankedText(ctx, file, written);
      for (const m of text.matchAll(throughAlias(alias))) add(file, text, joinRepo(folder, m[2]), m.index ?? 0, `${alias}/${m[2]}`, `imports, through the alias ${alias} that ${from} points at ${folder},`);
    }
  }
  return out;
});

const nuxtKitPaths: FrameworkReader = {
  id: 'nuxt-kit-paths',
  title: "files a Nuxt module (or Nuxt) hands the app's build by path: plugins, components, middleware, server handlers",
  ecosystem: 'javascript',
  ...labelledReferences(named),
};

export default nuxtKitPaths;

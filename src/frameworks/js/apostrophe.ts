/**
 * ApostropheCMS loads its modules by name, never by import. An app passes `modules: { 'article': {},
 * '@apostrophecms/home-page': {…} }` to `require('apostrophe')({ shortName, modules })` (app.js, or
 * a config object with `root: module`), and moog-require (apostrophe's lib/moog-require.js) loads
 * each from the project's modules folder, `<root>/modules/<name>/index.js`, and the base class each
 * names (`extend: 'x'`) the same way. With `nestedModuleSubdirs: true` a module may sit at any depth
 * of modules/ and every `modules/**\/modules.js` is merged into `modules`. A project folder
 * `modules/@apostrophecms/<name>/index.js` configures one of the core's modules, which are always
 * instantiated. The core itself (the `apostrophe` package, or any package exporting a `bundle: {
 * directory: 'modules', modules: […] }`) is a bundle: moog-require maps each name the bundle lists
 * to `<directory>/<name>/index.js`, and apostrophe lists every folder of modules/ (defaults.js's
 * `modules` and the abstract base classes of index.js), so each `modules/<name>/index.js` there is one.
 *
 * Every module's browser code is found by its asset build (modules/@apostrophecms/asset/lib/build/
 * task.js, `getImports`, globbing `<module>/ui/<folder>/<pattern>` for each instantiated module):
 * `ui/apos/components/*.vue` (registered globally), `ui/apos/apps/*.js`, `ui/apos/tiptap-extensions/*.js`,
 * `ui/src/index.js`, and `ui/src/<name>.js` for each key of the module's `webpack: { bundles }`.
 * (The admin build's `Modules/<name>/…` alias for imports between them is a resolver rule:
 * resolution/tool-aliases.ts.) The template module renders a module's
 * `views/<name>.jsx` by name (through apostrophe's `.jsx` require hook). All of these are references
 * from the module's index.js, which carries the kind of whatever enables the module.
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, fileReference, jsPackages, packageFilesUnder, resolveToolPath, type JsPackage } from './support.js';
import { escapeRegExp } from '../../util/regexp.js';

const CORE = 'apostrophe';
const MODULE_INDEX = /^(?:@[^/]+\/)?[^/@][^/]*\/index\.js$/;
/** Where a file creates an app: apostrophe's options object (`shortName`, `root: module`) or a call to apostrophe. */
const APP_MARK = /\bshortName\s*:|\broot\s*:\s*(?:module|import\.meta)\b|require\(\s*['"]apostrophe['"]\s*\)|from\s+['"]apostrophe['"]/;
const MODULES_KEY = /\bmodules\s*:\s*\{/g;
const BUNDLE = /\bbundle\s*[:=]\s*\{[^}]*?\bdirectory\s*:\s*['"]([^'"\n]+)['"]/;
const EXTEND = /\b(extend|improve)\s*:\s*['"]([^'"\n]+)['"]/g;
const WEBPACK_BUNDLES = /\bbundles\s*:\s*\{/g;
const NESTED = /\bnestedModuleSubdirs\s*:\s*true\b/;
/** The asset build's globs inside a module folder (task.js getImports). */
const UI_GLOBS: { folder: string; file: RegExp; what: string }[] = [
  { folder: 'ui/apos/components', file: /^[^/]+\.vue$/, what: 'admin UI component (ui/apos/components/*.vue, registered globally)' },
  { folder: 'ui/apos/apps', file: /^[^/]+\.js$/, what: 'admin UI app (ui/apos/apps/*.js)' },
  { folder: 'ui/apos/tiptap-extensions', file: /^[^/]+\.js$/, what: 'rich text extension (ui/apos/tiptap-extensions/*.js)' },
  { folder: 'ui/src', file: /^index\.js$/, what: 'public bundle entry (ui/src/index.js)' },
];

/** The keys of the object literal whose `{` is at `open`, each with its offset: strings, templates and comments skipped. */
export const objectKeys = (text: string, open: number): { key: string; at: number }[] => {
  const keys: { key: string; at: number }[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey && c !== '`' && /^\s*:/.test(text.slice(j + 1, j + 40))) keys.push({ key: text.slice(i + 1, j), at: i });
      expectKey = false;
      i = j;
      continue;
    }
    if (depth === 1 && expectKey && c === '[') {
      // `[name]: {}` with `const name = 'x'` in the same file (a test naming its fixture module once).
      const m = /^\[\s*([A-Za-z_$][\w$]*)\s*\]\s*:/.exec(text.slice(i, i + 200));
      const bound = m ? new RegExp(`\\b(?:const|let|var)\\s+${escapeRegExp(m[1])}\\s*=\\s*(['"])([^'"\\n]+)\\1`).exec(text) : null;
      if (m && bound) {
        keys.push({ key: bound[2], at: i });
        expectKey = false;
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === '{' || c === '[' || c === '(') {
      depth++;
      expectKey = depth === 1;
      continue;
    }
    if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) break;
      continue;
    }
    if (depth === 1 && c === ',') {
      expectKey = true;
      continue;
    }
    if (depth === 1 && expectKey && /[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*(?=\s*:)/.exec(text.slice(i, i + 200));
      if (m) keys.push({ key: m[0], at: i });
      expectKey = false;
      continue;
    }
    if (!/\s/.test(c)) expectKey = false;
  }
  return keys;
};

interface Module {
  name: string;
  /** The module's index.js. */
  index: string;
}

interface PackageState {
  ctx: FrameworkContext;
  pkg: JsPackage;
  files: string[];
  out: FrameworkOutput;
  /** index.js → the module, each reached once. */
  reached: Map<string, Module>;
}

const reach = (s: PackageState, module: Module, from: string, line: number, label: string): void => {
  if (from !== module.index) s.out.references.push(fileReference(from, module.index, line, label));
  if (!s.reached.has(module.index)) s.reached.set(module.index, module);
};

/** `<dir>/<name>/index.js`, or with nestedModuleSubdirs the one index.js below `dir` for that name. */
const moduleIndex = (s: PackageState, dir: string, name: string, nested: boolean): string | null => {
  const direct = joinRepo(dir, name, 'index.js');
  if (direct !== null && s.ctx.files.has(direct)) return direct;
  if (!nested) return null;
  const prefix = dir === '' ? '' : `${dir}/`;
  // moog-require rejects a match under another scope for an unscoped name.
  const found = pathsWithPrefix(s.ctx.files, prefix).filter((f) => f.endsWith(`/${name}/index.js`) && (name.startsWith('@') || !f.slice(0, -`/${name}/index.js`.length).split('/').pop()!.startsWith('@')));
  return found.length === 1 ? found[0] : null;
};

/** A bundle package's main file: `bundle: { directory }` names the folder of its modules. */
const readBundle = (s: PackageState): void => {
  const main = resolveToolPath(s.ctx, s.pkg.dir, typeof s.pkg.json.main === 'string' ? `./${s.pkg.json.main.replace(/^\.\//, '')}` : './index.js');
  const text = main === null ? null : s.ctx.readText(main);
  const m = text === null ? null : BUNDLE.exec(text);
  if (main === null || text === null || m === null) return;
  const dir = joinRepo(s.pkg.dir, m[1].replace(/^\.\//, '').replace(/\/+$/, ''));
  if (dir === null) return;
  const line = lineAt(text, m.index);
  const defaultsFile = joinRepo(s.pkg.dir, 'defaults.js');
  const defaults = defaultsFile === null ? null : s.ctx.readText(defaultsFile);
  for (const index of pathsWithPrefix(s.ctx.files, `${dir}/`)) {
    const rel = index.slice(dir.length + 1);
    if (!MODULE_INDEX.test(rel)) continue;
    const name = dirname(rel);
    const at = defaults === null ? -1 : defaults.search(new RegExp(`['"]${escapeRegExp(name)}['"]\\s*:`));
    // The core names each module in defaults.js, its abstract base classes in the main file itself.
    const named = at < 0 ? text.indexOf(`'${name}'`) : -1;
    const enabled = at >= 0 ? `, enabled by ${defaultsFile}:${lineAt(defaults!, at)}` : named >= 0 ? `, named at ${main}:${lineAt(text, named)}` : '';
    reach(s, { name, index }, main, line, `Apostrophe module "${name}"${enabled}: ${main}:${line} exports a bundle of the modules in ${dir}/, which moog-require loads as ${dir}/<name>/index.js`);
  }
};

/** Every `modules: { … }` of an app's options: each key a module of the project's modules folder. */
const readApps = (s: PackageState): void => {
  for (const file of s.files) {
    if (!/\.[cm]?[jt]s$/.test(file)) continue;
    const text = s.ctx.readText(file);
    if (text === null || !text.includes('modules') || !APP_MARK.test(text)) continue;
    // `root: module` makes the options' own folder the project root; else it is the package's.
    const root = /\broot\s*:/.test(text) ? dirname(file) : s.pkg.dir;
    const local = joinRepo(root, 'modules');
    if (local === null) continue;
    const nested = NESTED.test(text);
    const enabled: { key: string; from: string; line: number }[] = [];
    for (const m of text.matchAll(MODULES_KEY)) {
      for (const k of objectKeys(text, m.index + m[0].length - 1)) enabled.push({ key: k.key, from: file, line: lineAt(text, k.at) });
    }
    if (enabled.length === 0) continue;
    if (nested) {
      for (const list of pathsWithPrefix(s.ctx.files, `${local}/`).filter((f) => basename(f) === 'modules.js')) {
        const listText = s.ctx.readText(list) ?? '';
        const line = lineAt(text, text.search(NESTED));
        s.out.references.push(fileReference(file, list, line, `${file}:${line} nestedModuleSubdirs: apostrophe merges every modules.js below ${local}/ into its modules`));
        const open = listText.search(/(?:module\.exports\s*=|export\s+default)\s*\{/);
        if (open >= 0) for (const k of objectKeys(listText, listText.indexOf('{', open))) enabled.push({ key: k.key, from: list, line: lineAt(listText, k.at) });
      }
    }
    for (const { key, from, line } of enabled) {
      const index = moduleIndex(s, local, key, nested);
      if (index !== null) reach(s, { name: key, index }, from, line, `Apostrophe module "${key}", enabled at ${from}:${line} (modules), which moog-require loads from ${local}/`);
    }
    // The core's modules are always instantiated: a project folder of that scope configures one.
    for (const index of pathsWithPrefix(s.ctx.files, `${local}/@apostrophecms/`)) {
      const rel = index.slice(local.length + 1);
      if (!MODULE_INDEX.test(rel) || s.reached.has(index)) continue;
      const line = lineAt(text, text.search(MODULES_KEY));
      reach(s, { name: dirname(rel), index }, file, line, `project-level configuration of Apostrophe's core module "${dirname(rel)}" (the core instantiates it; moog-require loads ${local}/<name>/index.js over it)`);
    }
    // A module's base class (`extend: 'x'`) is loaded from the same folder.
    const queue = [...s.reached.values()].filter((mod) => mod.index.startsWith(`${local}/`));
    while (queue.length > 0) {
      const mod = queue.shift()!;
      const modText = s.ctx.readText(mod.index) ?? '';
      for (const m of modText.matchAll(EXTEND)) {
        const index = moduleIndex(s, local, m[2], nested);
        if (index === null || s.reached.has(index)) continue;
        const line = lineAt(modText, m.index);
        reach(s, { name: m[2], index }, mod.index, line, `Apostrophe module "${m[2]}", which ${mod.index}:${line} names (${m[1]}: '${m[2]}'); moog-require loads it from ${local}/`);
        queue.push(s.reached.get(index)!);
      }
    }
  }
};

/** What the asset build and the template module take from each reached module's folder. */
const readModuleFolders = (s: PackageState): void => {
  for (const { name, index } of s.reached.values()) {
    const folder = dirname(index);
    const files = pathsWithPrefix(s.ctx.files, `${folder}/`);
    for (const { folder: sub, file, what } of UI_GLOBS) {
      const prefix = `${folder}/${sub}/`;
      for (const f of files) {
        if (f.startsWith(prefix) && file.test(f.slice(prefix.length))) s.out.references.push(fileReference(index, f, undefined, `${what} of Apostrophe module "${name}": its asset build imports it from every instantiated module`));
      }
    }
    const text = s.ctx.readText(index) ?? '';
    if (text.includes('bundles')) {
      for (const m of text.matchAll(WEBPACK_BUNDLES)) {
        for (const k of objectKeys(text, m.index + m[0].length - 1)) {
          const target = `${folder}/ui/src/${k.key}.js`;
          const line = lineAt(text, k.at);
          if (s.ctx.files.has(target)) s.out.references.push(fileReference(index, target, line, `${index}:${line} webpack bundles "${k.key}": Apostrophe builds ui/src/${k.key}.js as an extra bundle`));
        }
      }
    }
    const views = `${folder}/views/`;
    for (const f of files) {
      if (f.startsWith(views) && f.endsWith('.jsx')) s.out.references.push(fileReference(index, f, undefined, `view of Apostrophe module "${name}": the template module renders views/<name>.jsx by name, through apostrophe's .jsx require hook`));
    }
  }
};

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => p.json.name === CORE || dependsOn(p, CORE));

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const s: PackageState = { ctx, pkg, files: packageFilesUnder(ctx, pkg, pkg.dir), out, reached: new Map() };
  readBundle(s);
  readApps(s);
  readModuleFolders(s);
};

const apostrophe: FrameworkReader = {
  id: 'apostrophe',
  title: 'ApostropheCMS (modules by name, their ui/ folders and views)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = packages(ctx)[0];
    if (!first) return null;
    return first.json.name === CORE ? `${first.manifest} is ${CORE}` : `${first.manifest} depends on ${CORE}`;
  },
  collect: eachPackage(packages, collectPackage),
};

export default apostrophe;

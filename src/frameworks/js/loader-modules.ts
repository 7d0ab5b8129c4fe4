/**
 * Stop 46: a folder put on webpack's loader search path. `resolveLoader.modules` lists the folders
 * webpack looks a loader up in by its name (`loader: 'vue-loader'` finds `<folder>/vue-loader.js`
 * or `<folder>/vue-loader/index.js`), as `resolve.modules` does for imports. @vue/cli-service
 * prepends `path.resolve(__dirname, './vue-loader-v15-resolve-compat')` (webpack-chain:
 * `webpackConfig.resolveLoader.modules.prepend(dir)`, `.add(dir)`) so that plugins asking for
 * `vue-loader` by name get its shim; the shim is imported by no file.
 *
 * Read: webpack-chain's `resolveLoader.modules.prepend(…)`/`.add(…)` (the chain may break lines
 * between its links) and a plain config's `resolveLoader: { modules: [ … ] }`, each folder
 * anchored as folder-expr.ts reads one (`__dirname`, `path.resolve(__dirname, 'x')`, a const
 * holding one); `'node_modules'` and other bare names are looked up from wherever the build runs
 * and are not followed. A file directly in the folder (`name.js`) or its `name/index.js` is a
 * loader webpack loads by name when the package asks for that name: another code file of the
 * package spells it as a loader string (`'name'`, `'name?opts'`, `'name!…'`, `…!name`, as a rule's
 * `loader:`/`use:` or webpack-chain's `.use('name')` does). It is then a reference from the file
 * that puts the folder on the search path, with the call's line. A file no one asks for is not
 * followed, and a `.ts` file never is (webpack looks a loader up with `.js` only).
 */
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { lineAt } from '../../util/lines.js';
import { explainedFolderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { callArgsText } from './parameter-values.js';
import { codeFilesMarked, labelledReferences, type LabelledReference } from './support.js';

/** webpack-chain: `.resolveLoader .modules .prepend(` / `.add(`. */
const CHAIN = /\bresolveLoader\s*\.\s*modules\s*\.\s*(prepend|add)\s*\(/g;
/** A plain config: `resolveLoader: { … modules: [ … ] … }`. */
const PLAIN = /\bresolveLoader\s*:\s*\{/g;
const MODULES = /\bmodules\s*:\s*\[/;
/** What webpack finds by a loader's name: `name.js` in the folder (resolveLoader's extensions are `.js` alone). */
const LOADER_FILE = /\.js$/;
const PACKAGE_CODE = /\.[cm]?[jt]sx?$/;

/** Whether a code file of the package at `pkgDir` (other than `self`) spells `name` as a loader string: `'name'`, `'name?…'`, `'name!…'`, `'…!name'`. */
const spellsLoader = (ctx: FrameworkContext, pkgDir: string, name: string, self: string): boolean => {
  const spelled = new RegExp(`(?:['"\`]|!)${escapeRegExp(name)}(?:['"\`?!])`);
  for (const file of pathsWithPrefix(ctx.files, pkgDir === '' ? '' : `${pkgDir}/`)) {
    if (file === self || !PACKAGE_CODE.test(file) || file.includes('node_modules/')) continue;
    const text = ctx.readText(file);
    if (text !== null && text.includes(name) && spelled.test(text)) return true;
  }
  return false;
};

const loaderModuleLoads = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const out: LabelledReference[] = [];
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    const text = ctx.readText(file) ?? '';
    if (!text.includes('resolveLoader')) continue;
    const folders: { expr: string; index: number; how: string }[] = [];
    for (const m of text.matchAll(CHAIN)) {
      const args = callArgsText(text, (m.index ?? 0) + m[0].length - 1);
      if (args !== null) folders.push({ expr: splitArgs(args)[0] ?? '', index: (m.index ?? 0) + m[0].length - 1, how: `resolveLoader.modules.${m[1]}()` });
    }
    for (const m of text.matchAll(PLAIN)) {
      const body = balancedText(text, (m.index ?? 0) + m[0].length - 1, 4000);
      const list = body === null ? null : MODULES.exec(body);
      if (body === null || list === null) continue;
      const items = balancedText(body, list.index + list[0].length - 1, 2000);
      if (items === null) continue;
      for (const item of splitArgs(items.slice(1, -1))) folders.push({ expr: item, index: m.index ?? 0, how: 'resolveLoader.modules' });
    }
    for (const f of folders) {
      const folder = explainedFolderOf(f.expr, file, text)?.folder;
      if (folder === undefined) continue;
      const line = lineAt(text, f.index);
      const manifest = ctx.manifests.nearest(dirname(file), 'package.json');
      const pkgDir = manifest === null ? '' : dirname(manifest);
      const label = `a loader webpack finds by name: ${file}:${line} puts ${folder || '.'}/ on its loader search path (${f.how})`;
      const prefix = folder === '' ? '' : `${folder}/`;
      const candidates: { target: string; name: string }[] = [];
      for (const target of pathsInDir(ctx.files, folder)) {
        if (LOADER_FILE.test(target) && target !== file) candidates.push({ target, name: basename(target).slice(0, -'.js'.length) });
      }
      for (const target of pathsWithPrefix(ctx.files, prefix)) {
        if (/^[^/]+\/index\.js$/.test(target.slice(prefix.length))) candidates.push({ target, name: target.slice(prefix.length).split('/')[0] });
      }
      for (const c of candidates) {
        if (spellsLoader(ctx, pkgDir, c.name, c.target)) out.push({ from: file, target: c.target, line, label: `${label}, and the package asks for '${c.name}'` });
      }
    }
  }
  return out;
});

const loaderModules: FrameworkReader = {
  id: 'loader-modules',
  title: "folders put on webpack's loader search path (resolveLoader.modules): the loaders there, found by name",
  ecosystem: 'javascript',
  ...labelledReferences(loaderModuleLoads),
};

export default loaderModules;

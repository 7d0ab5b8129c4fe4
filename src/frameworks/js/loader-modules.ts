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
 * and are not followed. Each code file directly in the folder (`name.js`) or its `name/index.js`
 * is a loader webpack may load by name: a reference from the file, with the call's line.
 */
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
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
const CODE = /\.[cm]?[jt]s$/;

export const loaderModuleLoads = perScan((ctx: FrameworkContext): LabelledReference[] => {
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
      for (const target of pathsInDir(ctx.files, folder)) {
        if (!CODE.test(target) || target === file) continue;
        out.push({ from: file, target, line, label: `a loader webpack finds by name: ${file}:${line} puts ${folder || '.'}/ on its loader search path (${f.how})` });
      }
      const prefix = folder === '' ? '' : `${folder}/`;
      for (const target of pathsWithPrefix(ctx.files, prefix)) {
        if (/^[^/]+\/index\.[cm]?js$/.test(target.slice(prefix.length))) out.push({ from: file, target, line, label: `a loader webpack finds by name: ${file}:${line} puts ${folder || '.'}/ on its loader search path (${f.how})` });
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

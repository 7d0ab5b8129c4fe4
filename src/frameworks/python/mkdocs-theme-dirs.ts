/**
 * Stop 46: a folder a MkDocs plugin adds to the theme's folders. MkDocs renders the templates of
 * every folder in `theme.dirs` and copies each of its other files into the built site as it is
 * (`Files.add_files_from_theme`), so the scripts there are shipped to browsers though nothing
 * imports them. MkDocs' own search plugin does `config.theme.dirs.append(path)` with `path =
 * os.path.join(base_path, 'templates')` (`base_path` the module's folder) and then names
 * `search/main.js` in `extra_javascript`; `main.js` starts `search/worker.js` (served-files).
 *
 * A module that imports mkdocs and calls `….theme.dirs.append(X)` / `.insert(i, X)` (also
 * `config['theme'].dirs`) with a folder census can place from `__file__` (sys-path.ts pathValue:
 * the expression, or a name assigned one above the call) adds that folder; each `.js`/`.mjs` below
 * it is a reference from the module, with the call's line. A folder made at run time adds nothing.
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { pathValue, pathVariables, repoPathOf } from '../../languages/python/sys-path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { labelledReferences, type LabelledReference } from '../js/support.js';
import { callArguments } from './call-text.js';
import { packageImporters } from './python-files.js';

/** `theme.dirs.append(` / `theme['dirs'].insert(` / `config['theme'].dirs.append(`. */
const DIRS_CALL = /\btheme(?:['"]\s*\])?\s*(?:\.\s*dirs|\[\s*['"]dirs['"]\s*\])\s*\.\s*(append|insert)\s*\(/g;
const SCRIPT = /\.m?js$/;

const themeDirLoads = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const out: LabelledReference[] = [];
  for (const file of packageImporters(ctx, 'mkdocs', 'sorted')) {
    const text = ctx.readText(file);
    if (text === null || !text.includes('dirs')) continue;
    for (const m of text.matchAll(DIRS_CALL)) {
      const args = callArguments(text, (m.index ?? 0) + m[0].length - 1);
      const arg = args?.[m[1] === 'insert' ? 1 : 0];
      if (arg === undefined) continue;
      const line = lineAt(text, m.index ?? 0);
      const folder = repoPathOf(pathValue(arg, file, pathVariables(text, file, line)));
      if (folder === null || folder === '') continue;
      for (const target of pathsWithPrefix(ctx.files, `${folder}/`)) {
        if (!SCRIPT.test(target)) continue;
        out.push({ from: file, target, line, label: `copied into the built site: ${file}:${line} adds ${folder}/ to the MkDocs theme's folders (theme.dirs.${m[1]}(${arg.trim()})), whose files MkDocs copies as they are` });
      }
    }
  }
  return out;
});

const mkdocsThemeDirs: FrameworkReader = {
  id: 'mkdocs-theme-dirs',
  title: "folders a MkDocs plugin adds to the theme's folders (scripts copied into the built site)",
  ecosystem: 'python',
  ...labelledReferences(themeDirLoads),
};

export default mkdocsThemeDirs;

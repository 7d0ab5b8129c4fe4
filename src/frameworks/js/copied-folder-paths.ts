/**
 * A module that copies a folder of its own package somewhere and then names a file of the copy:
 * Strapi v3's admin build copies the package's `admin/` folder into the app's `.cache/`
 * (`fs.copy(path.resolve(adminPath, 'admin'), path.resolve(dest, 'admin'))`, `adminPath` being
 * `getPkgPath('strapi-admin')`) and hands webpack `path.resolve(cacheDir, 'admin', 'src', 'app.js')`
 * as its entry, so `admin/src/app.js` and all it imports run though nothing imports them. Read
 * statically: a copy call (`fs.copy`, `copySync`, `cp`, `cpSync`, on any receiver) whose source is
 * a folder of the repo (folder-expr.ts: `__dirname`, a join onto it, a workspace package's folder
 * by `path.dirname(require.resolve('pkg/package.json'))`, also through a one-line local helper)
 * and whose destination is a join of some folder and literal parts (`<dest>/admin`) maps that
 * destination tail to the source folder. The destination is a folder only known at run time (a
 * cache, a build folder), held under different names in different functions (`dest`, `cacheDir`),
 * so a path the same file builds is matched by its literal parts: a join of any base and literals
 * that start with the tail (`cacheDir, 'admin', 'src', 'app.js'`) names the source folder's file
 * at the rest (`admin/src/app.js`), when that code file exists. Each is a reference from the module,
 * with the path's line and the copy's line as evidence.
 */
import { explainedFolderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { isFolder } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkReader } from '../types.js';
import { folderScopeOf } from './folder-scope.js';
import { callArgsText, literalValue } from './parameter-values.js';
import { codeFilesMarked, labelledReferences, type LabelledReference } from './support.js';

const COPY = /(?<![\w$])[A-Za-z_$][\w$]*\s*\.\s*(?:copy|copySync|cp|cpSync)\s*\(/g;
/** A join of a base and literal parts: `path.resolve(cacheDir, 'admin', 'src', 'app.js')`. */
const JOIN = /\b(?:join|resolve)\(\s*([A-Za-z_$][\w$.]*)\s*((?:,\s*(?:"[^"\n\\]*"|'[^'\n\\]*'|`[^`$\n\\]*`)\s*)+),?\s*\)/g;
const JOIN_ONE = /^(?:path\s*\.\s*)?(?:join|resolve)\(([\s\S]*)\)$/;
/** Text that ends where a write call's path argument starts (`fs.writeFile(path.resolve(dest, …)`). */
const WRITTEN = /\b(?:writeFile|writeFileSync|outputFile|outputFileSync|createWriteStream|writeJson|writeJsonSync|outputJson|outputJsonSync|appendFile|appendFileSync)\(\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)?$/;
const CODE = /\.[cm]?[jt]sx?$/;
const COMPLETIONS = ['', '.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '/index.js'];

/** The literal tail of a destination join (`path.resolve(dest, 'ee', 'admin')` → `ee/admin`), or null. */
const destinationTail = (expr: string): string | null => {
  const join = JOIN_ONE.exec(expr.trim());
  if (!join) return null;
  const [, ...parts] = splitArgs(join[1]);
  if (parts.length === 0) return null;
  const literals = parts.map(literalValue);
  if (literals.some((l) => l === null)) return null;
  const tail = joinRepo(...(literals as string[]));
  return tail === null || tail === '' ? null : tail;
};

interface Copy {
  tail: string;
  destination: string;
  source: string;
  line: number;
}

const named = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const scope = folderScopeOf(ctx);
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    if (file.includes('node_modules/')) continue;
    const text = ctx.readText(file) ?? '';
    if (!/\.\s*(?:copy|copySync|cp|cpSync)\s*\(/.test(text)) continue;
    const copies: Copy[] = [];
    for (const m of text.matchAll(COPY)) {
      const open = (m.index ?? 0) + m[0].length - 1;
      const args = callArgsText(text, open);
      if (args === null) continue;
      const [src, dst] = splitArgs(args);
      if (src === undefined || dst === undefined) continue;
      const tail = destinationTail(dst);
      if (tail === null) continue;
      const source = explainedFolderOf(src, file, text, scope)?.folder ?? null;
      if (source === null || !isFolder(ctx.files, source)) continue;
      copies.push({ tail, destination: dst.replace(/\s+/g, ' '), source, line: lineAt(text, m.index ?? 0) });
    }
    if (copies.length === 0) continue;
    for (const m of text.matchAll(JOIN)) {
      const parts = [...m[2].matchAll(/"([^"\n\\]*)"|'([^'\n\\]*)'|`([^`$\n\\]*)`/g)].map((p) => p[1] ?? p[2] ?? p[3]);
      const path = joinRepo(...parts);
      if (path === null || path === '') continue;
      // A file the module writes into the copy replaces the copied one: it names no file of the repo.
      if (WRITTEN.test(text.slice(Math.max(0, (m.index ?? 0) - 60), m.index))) continue;
      for (const copy of copies) {
        if (!path.startsWith(`${copy.tail}/`)) continue;
        const inSource = joinRepo(copy.source, path.slice(copy.tail.length + 1));
        const target = inSource === null ? undefined : COMPLETIONS.map((c) => `${inSource}${c}`).find((p) => ctx.files.has(p) && CODE.test(p));
        if (target === undefined || target === file) continue;
        const line = lineAt(text, m.index ?? 0);
        out.push({
          from: file,
          target,
          line,
          label: `${file}:${line} names ${m[1]}/${path}, a copy of ${target} (line ${copy.line} copies ${copy.source || '.'} to ${copy.destination})`,
        });
        break;
      }
    }
  }
  return out;
});

const copiedFolderPaths: FrameworkReader = {
  id: 'copied-folder-paths',
  title: 'files a module names in a copy it makes of its own folder (a build cache fed to a bundler)',
  ecosystem: 'javascript',
  ...labelledReferences(named),
};

export default copiedFolderPaths;

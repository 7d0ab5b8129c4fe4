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
 *
 * Stop 65: the destination may also be a name holding such a join, or a template that opens with its
 * one substitution (gatsby's initialize.js copies `${__dirname}/../../cache-dir` to `siteDir`, which
 * holds `cacheDirectory`, `${program.directory}/.cache`). Such a folder is the site's, known at run
 * time, and every module of the package names files of it by the literal tail: webpack.config.js's
 * `directoryPath(`.cache/app`)` and `path.join(program.directory, '.cache', 'shim.js')` name
 * `cache-dir/app.js` and `cache-dir/shim.js`. So for those copies the package's other modules (same
 * nearest package.json) are read too: a string literal or a join of literals that starts with the
 * tail names the source folder's code file at the rest, when it exists and is not being written.
 */
import { assignmentsIn, explainedFolderOf, splitArgs, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { isFolder } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkReader } from '../types.js';
import { folderScopeOf } from './folder-scope.js';
import { callArgsText, literalValue } from './parameter-values.js';
import { codeFilesMarked, jsCodeFiles, jsPackages, labelledReferences, type LabelledReference } from './support.js';
import { functionRegion } from './function-region.js';
import { escapeRegExp } from '../../util/regexp.js';

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

/**
 * The literal tail of a destination a name holds (`siteDir = cacheDirectory`, `cacheDirectory =
 * `${program.directory}/.cache``): its one assignment in the enclosing function, else in the file,
 * followed through names to a join or a template that opens with its one substitution. Null otherwise.
 */
const heldTail = (expr: string, text: string, at: number, depth = 0): string | null => {
  const e = expr.trim();
  const direct = destinationTail(templateAsJoin(e));
  if (direct !== null) return depth === 0 && templateAsJoin(e) === e ? null : direct;
  if (depth >= 3 || !/^[A-Za-z_$][\w$]*$/.test(e)) return null;
  let set = assignmentsIn(e, text, functionRegion(text, at));
  if (set.length === 0) set = assignmentsIn(e, text, { start: 0, end: text.length });
  return set.length === 1 ? heldTail(set[0].value, text, set[0].index, depth + 1) : null;
};

/**
 * The repo folder a copy's source names: folder-expr's reading of it, or of the one value a name
 * holds when that is a template that opens with its substitution (`srcDir = `${__dirname}/../../cache-dir``,
 * which folder-expr does not read through a name).
 */
const sourceFolder = (src: string, file: string, text: string, at: number, scope: ReturnType<typeof folderScopeOf>, depth = 0): string | null => {
  const e = src.trim();
  const direct = explainedFolderOf(templateAsJoin(e), file, text, scope)?.folder ?? null;
  if (direct !== null || depth >= 3 || !/^[A-Za-z_$][\w$]*$/.test(e)) return direct;
  let set = assignmentsIn(e, text, functionRegion(text, at));
  if (set.length === 0) set = assignmentsIn(e, text, { start: 0, end: text.length });
  return set.length === 1 ? sourceFolder(set[0].value, file, text, set[0].index, scope, depth + 1) : null;
};

interface Copy {
  tail: string;
  destination: string;
  source: string;
  line: number;
  /** The destination came through a name or a template: a folder only known at run time, which other modules of the package name too. */
  held: boolean;
}

/** The folder of the package.json nearest above `file` ('' for the root), among `dirs`. */
const packageDirOf = (file: string, dirs: readonly string[]): string | null => {
  let best: string | null = null;
  for (const d of dirs) if ((d === '' || file.startsWith(`${d}/`)) && (best === null || d.length > best.length)) best = d;
  return best;
};

const named = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const scope = folderScopeOf(ctx);
  const heldCopies: { file: string; copies: Copy[] }[] = [];
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
      const joined = destinationTail(dst);
      const tail = joined ?? heldTail(dst, text, m.index ?? 0);
      if (tail === null) continue;
      const source = sourceFolder(src, file, text, m.index ?? 0, scope);
      if (source === null || !isFolder(ctx.files, source)) continue;
      copies.push({ tail, destination: dst.replace(/\s+/g, ' '), source, line: lineAt(text, m.index ?? 0), held: joined === null });
    }
    if (copies.length === 0) continue;
    if (copies.some((c) => c.held)) heldCopies.push({ file, copies: copies.filter((c) => c.held) });
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
  // Stop 65: a destination known only at run time (gatsby's initialize.js:392-395 copies its
  // `cache-dir` to `siteDir`, which holds `${program.directory}/.cache`) is named by other modules of
  // the package by its literal tail: webpack.config.js:169 `directoryPath(`.cache/app`)`.
  if (heldCopies.length > 0) {
    const dirs = jsPackages(ctx).map((p) => p.dir);
    for (const { file: copier, copies } of heldCopies) {
      const pkg = packageDirOf(copier, dirs);
      for (const file of jsCodeFiles(ctx)) {
        if (file === copier || packageDirOf(file, dirs) !== pkg) continue;
        const text = ctx.readText(file) ?? '';
        for (const copy of copies) {
          if (!text.includes(copy.tail)) continue;
          const names: { path: string; at: number; spelled: string }[] = [];
          for (const m of text.matchAll(new RegExp(String.raw`(["'\`])(${escapeRegExp(copy.tail)}/[^"'\`\n$\\]+)\1`, 'g'))) names.push({ path: m[2], at: m.index ?? 0, spelled: m[2] });
          for (const m of text.matchAll(JOIN)) {
            const parts = [...m[2].matchAll(/"([^"\n\\]*)"|'([^'\n\\]*)'|`([^`$\n\\]*)`/g)].map((p) => p[1] ?? p[2] ?? p[3]);
            const path = joinRepo(...parts);
            if (path === null || !path.startsWith(`${copy.tail}/`)) continue;
            // A base that is a folder of the repo (`__dirname`, a name holding the module's folder) names
            // the package's own files, not the run-time folder the copy went to (review s65-rv2).
            if (explainedFolderOf(m[1], file, text, scope) !== null) continue;
            names.push({ path, at: m.index ?? 0, spelled: `${m[1]}/${path}` });
          }
          for (const n of names) {
            if (WRITTEN.test(text.slice(Math.max(0, n.at - 60), n.at))) continue;
            const inSource = joinRepo(copy.source, n.path.slice(copy.tail.length + 1));
            const target = inSource === null ? undefined : COMPLETIONS.map((c) => `${inSource}${c}`).find((p) => ctx.files.has(p) && CODE.test(p));
            if (target === undefined || target === file) continue;
            const line = lineAt(text, n.at);
            out.push({
              from: file,
              target,
              line,
              label: `${file}:${line} names ${n.spelled}, a copy of ${target} (${copier}:${copy.line} copies ${copy.source || '.'} to ${copy.destination}, ${copy.tail} below a folder known at run time)`,
            });
          }
        }
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

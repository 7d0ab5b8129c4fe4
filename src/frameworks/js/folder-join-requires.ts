/**
 * `require(path.join(<folder>, name))` with a computed `name`: the code loads a module of that
 * folder by a name it gets at run time — Ghost's frontend loads each internal app with
 * `require(path.join(config.get('paths').internalAppPath, appName))`, the app names coming from
 * config. The folder must be settled statically (folder-expr.ts: `__dirname`, a join onto it, a
 * workspace package's folder, an nconf setting its config module's JSON gives); then each file a
 * require of `<folder>/<name>` can reach (module-folder.ts: the folder's module files, its direct
 * subfolders' index files) is a reference from the requiring file, with the line and, for a
 * setting, where its value came from. A file that also lists the folder (readdir, glob) is left to
 * folder-requires.ts, which knows which names the listing returns.
 */
import { callsIn } from '../../languages/javascript/config-value.js';
import { emptyFrameworkOutput, type FrameworkReader } from '../types.js';
import { explainedFolderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { folderScopeOf } from './folder-scope.js';
import { moduleFolderFiles } from './module-folder.js';
import { codeFilesMarked, fileReference } from './support.js';
import { perScan } from '../per-scan.js';

const CANDIDATE = /\b(?:require|import)\(\s*(?:path\s*\.\s*)?(?:join|resolve)\(/;
const LISTS_FOLDER = /\breaddir(?:Sync)?\s*\(|\bglob(?:\s*\.\s*sync|Sync)?\s*\(/;
const JOIN = /^(?:path\s*\.\s*)?(?:join|resolve)\(([\s\S]*)\)$/;
/** A computed last segment: a name or a member chain (`appName`, `opts.name`), never a literal. */
const COMPUTED = /^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*$/;

interface JoinRequire {
  file: string;
  line: number;
  expr: string;
  folder: string;
  why: string[];
}

/** Every `require(path.join(<settled folder>, <computed name>))` in the scan's code (found once per scan). */
const joinRequires = perScan((ctx): JoinRequire[] => {
  const out: JoinRequire[] = [];
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    const text = ctx.readText(file) ?? '';
    if (!CANDIDATE.test(text) || LISTS_FOLDER.test(text)) continue;
    for (const call of callsIn(file, text, /^require$/)) {
      const arg = call.args[0];
      const join = arg?.kind === 'unknown' ? JOIN.exec(arg.text.trim()) : null;
      if (!join) continue;
      const parts = splitArgs(join[1]);
      if (parts.length < 2 || !COMPUTED.test(parts[parts.length - 1])) continue;
      const base = parts.length === 2 ? parts[0] : `path.join(${parts.slice(0, -1).join(', ')})`;
      const found = explainedFolderOf(base, file, text, folderScopeOf(ctx));
      if (found !== null) out.push({ file, line: call.line, expr: arg!.kind === 'unknown' ? arg!.text.replace(/\s+/g, ' ') : '', ...found });
    }
  }
  return out;
});

const folderJoinRequires: FrameworkReader = {
  id: 'folder-join-requires',
  title: 'requires of a computed name in a folder the code names (require(path.join(folder, name)))',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = joinRequires(ctx)[0];
    return first ? `${first.file}:${first.line} requires ${first.expr}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const r of joinRequires(ctx)) {
      const why = r.why.length === 0 ? '' : ` (${r.why.join('; ')})`;
      for (const target of moduleFolderFiles(ctx, r.folder, r.file)) {
        out.references.push(fileReference(r.file, target, r.line, `${r.file}:${r.line} requires ${r.expr}, a module of ${r.folder || '.'} by a name computed at run time${why}`));
      }
    }
    return out;
  },
};

export default folderJoinRequires;

/**
 * A folder held on an object and read in another module: MeshCentral's main module sets
 * `obj.webPublicPath = obj.path.join(__dirname, 'public')` and its web server, handed that object
 * as `parent`, serves `express.static(obj.parent.webPublicPath)`. The property is found by name:
 * every assignment `.<name> = <value>` in the scan's JS files that spell a module's folder (the
 * word `dirname`: the files the anchored-path readers read anyway, so no other file's text is read
 * and kept for this). Only when each of them names a
 * folder folder-expr.ts can read on its own (`__dirname`, a join onto it, a workspace package's
 * folder), and all the same folder, is that the folder; one value census cannot read, or two that
 * differ, and the property names nothing — it would depend on which assignment ran.
 */
import { lineAt } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';
import { folderOf, type FolderScope } from '../../languages/javascript/folder-expr.js';
import { codeFilesMarked } from './support.js';
import { escapeRegExp } from '../../util/regexp.js';
import { agreedFolder, type NamedFolder } from './agreed-folder.js';

/** `a.b.name`, `this.name`: a property read off an object. */
const MEMBER = /^(?:[A-Za-z_$][\w$]*\s*\.\s*)+([A-Za-z_$][\w$]*)$/;
const NAME_CHARS = /[\w$]/;

const assignmentsOf = (name: string): RegExp => new RegExp(String.raw`\.\s*${escapeRegExp(name)}\s*=(?![=>])\s*([^;\n]+)`, 'g');

/** The folder every assignment of `name` names, by property name; null when none does or they disagree. */
const heldFolders = perScan((ctx: FrameworkContext) => {
  const known = new Map<string, NamedFolder | null>();
  return (name: string, scope: FolderScope): NamedFolder | null => {
    if (known.has(name)) return known.get(name) ?? null;
    // a property set from itself (`a.dir = b.dir`) names nothing
    known.set(name, null);
    const named = function* () {
      for (const file of codeFilesMarked(ctx, ['dirname'])) {
        const text = ctx.readText(file) ?? '';
        if (!text.includes(name)) continue;
        for (const m of text.matchAll(assignmentsOf(name))) {
          const at = m.index ?? 0;
          // `.webPublicPathX =` is another property
          if (NAME_CHARS.test(text.charAt(at + m[0].indexOf(name) + name.length))) continue;
          const value = m[1].trim().replace(/,$/, '');
          yield { folder: folderOf(value, file, text, scope), why: () => `.${name} = ${value} at ${file}:${lineAt(text, at)}` };
        }
      }
    };
    const result = agreedFolder(named());
    known.set(name, result);
    return result;
  };
});

/** The folder a property read (`obj.parent.webPublicPath`) names, with the assignment that set it, or null. */
export const propertyFolder = (ctx: FrameworkContext, expr: string, scope: FolderScope): NamedFolder | null => {
  const m = MEMBER.exec(expr.trim());
  return m ? heldFolders(ctx)(m[1], scope) : null;
};

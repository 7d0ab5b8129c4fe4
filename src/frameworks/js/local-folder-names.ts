/**
 * A name a function declares for a folder it spells from the module's own folder
 * (`let defaultsDirectory = path.resolve(__dirname, "..", "..", "config", "defaults")`), so that a join
 * onto the name later in the same function (`path.join(defaultsDirectory, "entry.dev.ts")`) names the
 * file below that folder: @remix-run/dev hands that path to esbuild as its development entry
 * (dist/compiler/js/compiler.js:73-74) and reads `entry.client.tsx` so for `remix reveal`
 * (dist/cli/commands.js:273-274). anchored-paths.ts asks; a module-level declaration is
 * folder-constants.ts's, which follows it into the modules that import it.
 *
 * Exact or nothing: the value is a join of the folder and string literals only; the declaration and
 * the join are in the same function body (the innermost one around the declaration holds the join);
 * the name is not assigned again in that body, and no function between them takes a parameter of
 * that name.
 */
import { functionRegion } from './function-region.js';
import { shadowedBetween } from './shadowed-names.js';
import { literalTexts } from '../../languages/javascript/folder-expr.js';
import { escapeRegExp } from '../../util/regexp.js';

export interface LocalFolder {
  /** The literal parts joined onto the module's folder (`..`, `..`, `config`, `defaults`). */
  parts: string[];
  /** The declared value as written, on one line. */
  expr: string;
  /** Where the declaration starts. */
  at: number;
}

const NAME = '[A-Za-z_$][\\w$]*';
const LITERAL_PART = String.raw`(?:"[^"\n]*"|'[^'\n]*'|` + '`[^`$\\n]*`)';
/** `const|let|var NAME = path.join|resolve(BASE, 'a', 'b')` (the text read as source: anchored-paths' asSource). */
const DECLARED_JOIN = new RegExp(
  String.raw`(?<![\w$.])(?:const|let|var)\s+(${NAME})\s*=\s*((?:path\s*\.\s*(?:(?:posix|win32)\s*\.\s*)?)?(?:join|resolve)\(\s*(${NAME}|import\.meta\.dirname)\s*((?:,\s*${LITERAL_PART}\s*)+),?\s*\))`,
  'g',
);

/** Each text's join declarations by name, read once (anchored-paths asks per join). */
let cached: { text: string; byName: Map<string, { index: number; end: number; base: string; rest: string; expr: string }[]> } | null = null;

const declarations = (text: string) => {
  if (cached === null || cached.text !== text) {
    const byName = new Map<string, { index: number; end: number; base: string; rest: string; expr: string }[]>();
    for (const m of text.matchAll(DECLARED_JOIN)) {
      const list = byName.get(m[1]) ?? [];
      list.push({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, base: m[3], rest: m[4], expr: m[2].replace(/\s+/g, ' ') });
      byName.set(m[1], list);
    }
    cached = { text, byName };
  }
  return cached.byName;
};

/**
 * The folder `name` holds at `at`, declared in the function around it as a join of the module's
 * folder (`ownFolder` says which bases are) and literals; null when it is not so declared.
 */
export const localFolderAt = (text: string, name: string, at: number, ownFolder: (base: string) => boolean): LocalFolder | null => {
  const found = declarations(text).get(name);
  if (found === undefined) return null;
  let decl: (typeof found)[number] | undefined;
  for (const d of found) if (d.index < at) decl = d;
  if (decl === undefined || !ownFolder(decl.base)) return null;
  const region = functionRegion(text, decl.index);
  // Module level (the whole text) is folder-constants.ts's; the join must be in the same body.
  if ((region.start === 0 && region.end === text.length) || at < region.start || at >= region.end) return null;
  const body = text.slice(decl.end, region.end);
  if (new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*(?:=(?![=>])|\+=)`).test(body)) return null;
  if (shadowedBetween(text, name, decl.index, at)) return null;
  return { parts: literalTexts(decl.rest), expr: decl.expr, at: decl.index };
};

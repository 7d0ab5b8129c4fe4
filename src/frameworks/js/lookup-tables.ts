/**
 * Stop 65: a table of file names a module looks a name up in by a computed key, outside any loop:
 * nx's dist/src/command-line/completion/scripts.js:142-149
 *
 *     const WRAPPER_FILES = { bash: 'bash.sh', zsh: 'zsh.zsh', fish: 'fish.fish', powershell: 'powershell.ps1' };
 *     function generateScript(shell) {
 *         return readFileSync(join(__dirname, 'scripts', WRAPPER_FILES[shell]), 'utf-8');
 *
 * The key is whatever the caller hands in, so the lookup may give any of the table's values (as
 * registry-requires.ts takes every value for `require(app.filters[name])`). for-in-tables.ts reads
 * the same `TABLE[KEY]` when a loop walks the table; this reads it when nothing does.
 *
 * Exact or nothing: the table is the text's one declaration of the name, a `const` (a `let` or `var`
 * may be assigned anew), an object literal whose every member is `key: '<literal>'` (a computed
 * value, a spread or a method and the values would be a guess), never written through
 * (`TABLE[k] = …`, `TABLE.k = …`: the table holds what the code puts there), declared in a function
 * enclosing the lookup with no function between taking a parameter of that name.
 */
import { balancedText } from '../../languages/javascript/js-text.js';
import { memberValues } from '../../languages/javascript/object-members.js';
import { escapeRegExp } from '../../util/regexp.js';
import { inScopeAt } from './for-in-tables.js';
import { literalValue } from './parameter-values.js';

/** How long a table is read. */
const TABLE_WINDOW = 20_000;

export interface LookedUpTable {
  values: string[];
  /** Where the table's `{` is. */
  tableAt: number;
}

/**
 * The values the lookup `table[key]` at `at` may give, `text` with its comments blanked (strings
 * kept); null when the table is not such a constant literal of strings.
 */
export const lookedUpTable = (text: string, table: string, at: number): LookedUpTable | null => {
  const name = escapeRegExp(table);
  const declarations = [...text.matchAll(new RegExp(String.raw`(?<![\w$.])(?:const|let|var)\s+${name}(?![\w$])`, 'g'))];
  if (declarations.length !== 1) return null;
  const decl = new RegExp(String.raw`^const\s+${name}\s*(?::[^=;{}]{1,200})?=\s*\{`).exec(text.slice(declarations[0].index ?? 0, (declarations[0].index ?? 0) + 300));
  if (decl === null) return null;
  const declAt = declarations[0].index ?? 0;
  const open = declAt + decl[0].length - 1;
  // Written through anywhere (`TABLE[k] = v`, `TABLE.k = v`, `Object.assign(TABLE, …)`): not the literal alone.
  if (new RegExp(String.raw`(?<![\w$.])${name}\s*(?:\[[^\]\n]*\]|\.\s*[A-Za-z_$][\w$]*)\s*=(?![=>])|\bObject\s*\.\s*assign\s*\(\s*${name}\s*,`).test(text)) return null;
  const literal = balancedText(text, open, TABLE_WINDOW);
  const members = literal === null ? null : memberValues(literal);
  if (members === null) return null;
  const values: string[] = [];
  for (const member of members) {
    const value = literalValue(member);
    if (value === null) return null;
    values.push(value);
  }
  return inScopeAt(text, table, declAt, at) ? { values, tableAt: open } : null;
};

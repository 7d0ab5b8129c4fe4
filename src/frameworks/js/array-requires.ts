/**
 * A module that requires each name of a literal list: The Lounge's `src/client.js` holds
 * `var events = ["away", "connection", …]` and, in a callback of `events.forEach((plugin) => …)`,
 * `var path = "./plugins/irc-events/" + plugin; require(path)`; its input plugins are loaded by
 * `["ban", "ctcp", …].reduce(function (plugins, name) { require("./plugins/inputs/" + name) … })`.
 * No import names those modules, and the folder holds the names the list gives, no more. Read from
 * the text, never run: a `require()`/`import()` whose argument is a literal prefix joined to a
 * name (`"./x/" + name`, `` `./x/${name}` ``, `path.join(__dirname, 'x', name)`, directly or
 * through a local of the same function assigned one of those), where the name is the element
 * parameter of the innermost `forEach`/`map`/`flatMap`/`reduce` callback around the require (the
 * second parameter for `reduce`) or the variable of a `for (const name of LIST)` loop, and the
 * receiver of that call (the loop's list) is an array literal of strings written there or held by
 * a `var`/`let`/`const` of the file (literal-lists.ts reads both). Each element joined to the prefix is
 * resolved as Node resolves a require from the file (`X`, `X.js`, …, `X/index.js`) and is a
 * reference from the file, with the require's and the array's lines as evidence. A list with any
 * element that is not a string literal, a package-name prefix or a folder census cannot settle is
 * not followed: the names would be a guess.
 */
import { lineAt } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import { assignmentsIn, folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import type { FrameworkReader } from '../types.js';
import { functionRegion } from './function-region.js';
import { callArgsText, literalValue } from './parameter-values.js';
import { innermostLoopAt, listOf, MAY_ITERATE } from './literal-lists.js';
import { codeFilesMarked, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';
import { IDENTIFIER, IDENTIFIER_SOURCE as NAME } from '../../languages/javascript/js-text.js';

const STRING = String.raw`(?:"[^"\n\\]*"|'[^'\n\\]*')`;
/** `require(` / `import(` not a method (`x.require(`) nor part of a name. */
const LOAD = /(?<![\w$.])(require|import)\s*\(/g;
/** `"./x/" + name` with an optional literal suffix. */
const CONCAT = new RegExp(String.raw`^(${STRING})\s*\+\s*(${NAME})(?:\s*\+\s*(${STRING}))?$`);
/** `` `./x/${name}.js` ``. */
const TEMPLATE = new RegExp(String.raw`^\`([^\`$\n\\]*)\$\{\s*(${NAME})\s*\}([^\`$\n\\]*)\`$`);
/** `path.join(<folder>, name)` / `path.resolve(…)`: the folder part and the name. */
const JOIN = new RegExp(String.raw`^(?:path\s*\.\s*)?(join|resolve)\(([\s\S]*),\s*(${NAME})\s*\)$`);
/** What a require's argument is built from: the name it varies by and how a value of it becomes a specifier or a repo path. */
interface Built {
  name: string;
  /** The argument as written, for the evidence. */
  expr: string;
  /** A relative specifier from the file, or a repo path (`folder` set). */
  prefix: string;
  suffix: string;
  folder: string | null;
}

const builtFrom = (expr: string, file: string, text: string): Built | null => {
  const e = expr.trim();
  const concat = CONCAT.exec(e);
  if (concat) return { name: concat[2], expr: e, prefix: literalValue(concat[1]) ?? '', suffix: concat[3] === undefined ? '' : (literalValue(concat[3]) ?? ''), folder: null };
  const template = TEMPLATE.exec(e);
  if (template) return { name: template[2], expr: e, prefix: template[1], suffix: template[3], folder: null };
  const join = JOIN.exec(e);
  if (join) {
    const folder = folderOf(splitArgs(join[2]).length === 1 ? join[2] : `path.${join[1]}(${join[2]})`, file, text);
    return folder === null ? null : { name: join[3], expr: e, prefix: '', suffix: '', folder };
  }
  return null;
};

const found = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    const text = ctx.readText(file) ?? '';
    if (!MAY_ITERATE.test(text)) continue;
    for (const m of text.matchAll(LOAD)) {
      const at = m.index ?? 0;
      const args = callArgsText(text, at + m[0].length - 1);
      if (args === null) continue;
      const arg = splitArgs(args)[0]?.trim() ?? '';
      if (arg === '' || literalValue(arg) !== null) continue;
      // The loop and its list first: they are plain text tests, and few requires pass them;
      // reading a local's assignments walks the file's braces (function-region.ts), which every
      // `require(name)` in payload's helpers would otherwise pay for.
      const loop = innermostLoopAt(text, at);
      if (loop === undefined || loop.param === undefined) continue;
      let built = builtFrom(arg, file, text);
      if (built !== null && built.name !== loop.param) continue;
      if (built === null && !IDENTIFIER.test(arg)) continue;
      const array = listOf(text, loop);
      if (array === null) continue;
      if (built === null) {
        const assigned = assignmentsIn(arg, text, functionRegion(text, at)).filter((a) => a.index < at);
        const last = assigned[assigned.length - 1];
        if (last !== undefined) built = builtFrom(last.value, file, text);
        if (built !== null) built.expr = `${arg} = ${built.expr}`;
      }
      if (built === null || built.name !== loop.param || (built.folder === null && !/^\.{1,2}\//.test(built.prefix))) continue;
      const line = lineAt(text, at);
      const arrayLine = lineAt(text, array.at);
      const shown = array.names.slice(0, 3).map((n) => `"${n}"`).join(', ') + (array.names.length > 3 ? ', …' : '');
      for (const value of array.names) {
        const target = built.folder === null ? resolveToolPath(ctx, dirname(file), `${built.prefix}${value}${built.suffix}`) : resolveToolPath(ctx, built.folder, `./${value}`);
        if (target === null || target === file) continue;
        out.push({ from: file, target, line, label: `${file}:${line} ${m[1]}s ${built.expr} for each ${built.name} of the list at line ${arrayLine} (${shown})` });
      }
    }
  }
  return out;
});

const arrayRequires: FrameworkReader = {
  id: 'array-requires',
  title: 'modules required by name from a literal list (["a", "b"].forEach(n => require("./x/" + n)))',
  ecosystem: 'javascript',
  ...labelledReferences(found),
};

export default arrayRequires;

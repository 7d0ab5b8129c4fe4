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
 * second parameter for `reduce`), and the receiver of that call is an array literal of strings
 * written there or held by a `var`/`let`/`const` of the file. Each element joined to the prefix is
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
import { codeFilesMarked, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';
import { balancedText, IDENTIFIER, IDENTIFIER_SOURCE as NAME } from '../../languages/javascript/js-text.js';
import { escapeRegExp } from '../../util/regexp.js';

const STRING = String.raw`(?:"[^"\n\\]*"|'[^'\n\\]*')`;
/** `require(` / `import(` not a method (`x.require(`) nor part of a name. */
const LOAD = /(?<![\w$.])(require|import)\s*\(/g;
/** `"./x/" + name` with an optional literal suffix. */
const CONCAT = new RegExp(String.raw`^(${STRING})\s*\+\s*(${NAME})(?:\s*\+\s*(${STRING}))?$`);
/** `` `./x/${name}.js` ``. */
const TEMPLATE = new RegExp(String.raw`^\`([^\`$\n\\]*)\$\{\s*(${NAME})\s*\}([^\`$\n\\]*)\`$`);
/** `path.join(<folder>, name)` / `path.resolve(…)`: the folder part and the name. */
const JOIN = new RegExp(String.raw`^(?:path\s*\.\s*)?(join|resolve)\(([\s\S]*),\s*(${NAME})\s*\)$`);
/** A name at the end of the text: the receiver right before `.forEach(`. */
const TRAILING_NAME = new RegExp(String.raw`(?<![\w$.])(${NAME})$`);
/** A callback that iterates an array: `.forEach((a) =>`, `.reduce(function (acc, a) {`, `.map(a =>`. */
const LOOP = new RegExp(String.raw`\.\s*(forEach|map|flatMap|reduce)\s*\(\s*(?:async\s+)?(?:function\s*(?:${NAME})?\s*\(([^()]*)\)|\(([^()]*)\)\s*=>|(${NAME})\s*=>)`, 'g');

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

/** How far a literal list is followed, either way from its bracket. */
const LIST_WINDOW = 20_000;

/** The matching `[` of the `]` at `close`, walking back over strings; -1 when none within the window. */
const openBracket = (text: string, close: number): number => {
  let depth = 0;
  let quote: string | null = null;
  for (let i = close; i >= 0 && i > close - LIST_WINDOW; i--) {
    const c = text[i];
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === ']') depth++;
    else if (c === '[' && --depth === 0) return i;
  }
  return -1;
};

/** The strings of an array literal's inside, or null when an element is anything else. Comments between elements are dropped. */
const stringElements = (inside: string): string[] | null => {
  const parts = splitArgs(inside.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''))
    .map((p) => p.trim())
    .filter((p, i, all) => p !== '' || i < all.length - 1);
  if (parts.length === 0) return null;
  const out: string[] = [];
  for (const p of parts) {
    const v = literalValue(p);
    if (v === null || v.includes('`')) return null;
    out.push(v);
  }
  return out;
};

/** The array a loop iterates: the literal right before `.forEach(` or the literal a `var`/`let`/`const` of that name holds. */
const arrayBefore = (text: string, dot: number): { names: string[]; at: number } | null => {
  const before = text.slice(Math.max(0, dot - 200), dot).trimEnd();
  const end = dot - (text.slice(Math.max(0, dot - 200), dot).length - before.length);
  if (before.endsWith(']')) {
    const open = openBracket(text, end - 1);
    if (open < 0) return null;
    const names = stringElements(text.slice(open + 1, end - 1));
    return names === null ? null : { names, at: open };
  }
  const ident = TRAILING_NAME.exec(before)?.[1];
  if (ident === undefined) return null;
  const decls = [...text.matchAll(new RegExp(String.raw`\b(?:var|let|const)\s+${escapeRegExp(ident)}\s*=\s*\[`, 'g'))];
  // Two declarations of the name (in different functions) would each be a different list.
  if (decls.length !== 1) return null;
  const open = (decls[0].index ?? 0) + decls[0][0].length - 1;
  // The list through its matching `]`, over strings; a long list is read up to 20,000 characters.
  const list = balancedText(text, open, LIST_WINDOW);
  if (list === null) return null;
  const close = open + list.length - 1;
  // `var inputs = [...].reduce(…)` holds what the call returns, not the list.
  if (/^\s*\.\s*[A-Za-z_$]/.test(text.slice(close + 1, close + 40))) return null;
  const names = stringElements(text.slice(open + 1, close));
  return names === null ? null : { names, at: open };
};

interface Loop {
  dot: number;
  open: number;
  end: number;
  param: string | undefined;
}

/** Every array-iterating callback of the text with the extent of its call and its element parameter. */
const loopsIn = (text: string): Loop[] => {
  const out: Loop[] = [];
  for (const m of text.matchAll(LOOP)) {
    const dot = m.index ?? 0;
    const open = text.indexOf('(', dot);
    const args = callArgsText(text, open);
    if (args === null) continue;
    const params = m[4] !== undefined ? [m[4]] : splitArgs(m[2] ?? m[3] ?? '').map((p) => p.trim());
    const param = params[m[1] === 'reduce' ? 1 : 0];
    out.push({ dot, open, end: open + args.length + 1, param: param !== undefined && IDENTIFIER.test(param) ? param : undefined });
  }
  return out;
};

const CANDIDATE = /\.\s*(?:forEach|map|flatMap|reduce)\s*\(/;

const found = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    const text = ctx.readText(file) ?? '';
    if (!CANDIDATE.test(text)) continue;
    let loops: Loop[] | null = null;
    for (const m of text.matchAll(LOAD)) {
      const at = m.index ?? 0;
      const args = callArgsText(text, at + m[0].length - 1);
      if (args === null) continue;
      const arg = splitArgs(args)[0]?.trim() ?? '';
      if (arg === '' || literalValue(arg) !== null) continue;
      // The loop and its list first: they are plain text tests, and few requires pass them;
      // reading a local's assignments walks the file's braces (function-region.ts), which every
      // `require(name)` in payload's helpers would otherwise pay for.
      loops ??= loopsIn(text);
      // The innermost iterating call around the require.
      let loop: Loop | undefined;
      for (const l of loops) if (l.open < at && l.end > at && (loop === undefined || l.open > loop.open)) loop = l;
      if (loop === undefined || loop.param === undefined) continue;
      let built = builtFrom(arg, file, text);
      if (built !== null && built.name !== loop.param) continue;
      if (built === null && !IDENTIFIER.test(arg)) continue;
      const array = arrayBefore(text, loop.dot);
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

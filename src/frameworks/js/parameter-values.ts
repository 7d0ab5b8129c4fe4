/**
 * What a function's parameter holds, read from the calls of that function in the same file: a
 * loader written as a helper (`function loadBackend(config, name) { require(name) }`, statsd;
 * `function plugin_search_paths(prefix, name) { path.resolve(prefix, 'plugins', …) }`, Haraka)
 * takes the path or folder from its callers, so the callers' arguments are what it loads. Read from
 * the text, never run: the function around a position (function-region.ts finds its body, the
 * header before the brace gives its name and parameters: `function f(a, b) {`, `f = function (a)
 * {`, `const f = (a, b) => {`), then each call `f(…)` in the file and its argument at the
 * parameter's place, as written. A method (`obj.f(…)`), a destructured parameter and a call in
 * another file are not followed.
 */
import { assignmentsIn, CALL_ARGS_WINDOW, expressionEnd, paramNames, splitArgs } from '../../languages/javascript/folder-expr.js';
import { functionRegion } from './function-region.js';
import { balancedText, IDENTIFIER, IDENTIFIER_SOURCE as NAME } from '../../languages/javascript/js-text.js';
import { escapeRegExp } from '../../util/regexp.js';
import { lowerBound } from '../../util/lower-bound.js';

/** A TypeScript return type after a parameter list (`): Promise<number> `), or nothing: no `=`, `;`, braces or parentheses in it. */
const RETURN_TYPE = String.raw`(?::[^=;{}()]*)?`;
/** `function f(a, b)` / `function* f(…)` right before the brace. */
const DECLARATION = new RegExp(String.raw`function\s*\*?\s*(${NAME})?\s*\(([^()]*)\)\s*${RETURN_TYPE}$`);
/** `f = function (…)` / `f: function (…)` / `const f = async function (…)`: the name an anonymous function expression is given. */
const NAMED_EXPRESSION = new RegExp(String.raw`(?<![\w$.])(${NAME})\s*[=:]\s*(?:async\s+)?$`);
/** `const f = (a, b) =>` / `f = async a =>` right before the brace. */
const ARROW = new RegExp(String.raw`(?<![\w$.])(${NAME})\s*=\s*(?:async\s*)?(?:\(([^()]*)\)\s*${RETURN_TYPE}|(${NAME})\s*)=>\s*$`);

/** `f = (a, b) =>` / `f = a =>` before a body that is one expression, not a block. */
const EXPRESSION_ARROW = new RegExp(String.raw`(?<![\w$.])(${NAME})\s*=\s*(?:async\s*)?(?:\(([^()]*)\)\s*${RETURN_TYPE}|(${NAME}))\s*=>\s*(?=[^\s{])`, 'g');

/** How far back from a position a named arrow with an expression body is looked for. */
const EXPRESSION_ARROW_WINDOW = 2_000;

/**
 * Where `=>` stands in a text, in order: asked for each position of one text in a row, made once
 * for the last text asked (functionRegion keeps its walk the same way).
 */
let arrowsKnown: { text: string; at: number[] } | null = null;

const arrowsOf = (text: string): readonly number[] => {
  if (arrowsKnown === null || arrowsKnown.text !== text) {
    const at: number[] = [];
    for (let i = text.indexOf('=>'); i >= 0; i = text.indexOf('=>', i + 1)) at.push(i);
    arrowsKnown = { text, at };
  }
  return arrowsKnown.at;
};

/** The innermost named arrow with an expression body (`const f = (a) => ({ … require(a) })`) that holds `index`, looked for after `from`. */
const expressionArrowAt = (text: string, index: number, from: number): EnclosingFunction | null => {
  const start = Math.max(from, index - EXPRESSION_ARROW_WINDOW);
  // Every match spells `=>` inside the window: without one there is none to look for (a function of
  // 20,000 joins and no arrow matched the window once per join: 600 ms).
  const arrows = arrowsOf(text);
  const next = lowerBound(arrows, (a) => a, start);
  if (next >= arrows.length || arrows[next] + 1 > index) return null;
  let found: EnclosingFunction | null = null;
  // One character past the position: the body may start right there (`f = (p) => require(p)`).
  for (const m of text.slice(start, index + 1).matchAll(EXPRESSION_ARROW)) {
    const body = start + (m.index ?? 0) + m[0].length;
    const end = expressionEnd(text, body);
    if (end > index) found = { name: m[1], params: paramNames(m[2] ?? m[3]), start: body, end };
  }
  return found;
};

/** A function around a position: its name, its parameters' names (null for one census cannot read: a pattern) and its body. */
export interface EnclosingFunction {
  name: string;
  params: (string | null)[];
  start: number;
  end: number;
}

// folder-expr.ts's (its helper inliner reads parameters and bounds an arrow's body the same way); readers and tests import them from here.
export { CALL_ARGS_WINDOW, paramNames };

/**
 * Whether `name` may be a parameter of a function enclosingFunction reads: each header it reads
 * (ARROW, DECLARATION, EXPRESSION_ARROW) holds the parameters in parentheses with none inside,
 * closed before `=>` or the body's `{` (a return type between), or is `name =>`. False when the
 * text spells the name in no such place: enclosingFunction would give no function taking it, and a
 * reader asking for one need not walk the text's braces (issue 19: payload's parameter-folder-joins
 * walked 350 texts, 3.8 MB, for joins onto `__dirname`). Made once per text and name.
 */
export const mayBeParameter = (text: string, name: string): boolean => {
  if (parametersKnown === null || parametersKnown.text !== text) parametersKnown = { text, names: new Map() };
  let may = parametersKnown.names.get(name);
  if (may === undefined) {
    const spelled = escapeRegExp(name);
    may = text.includes(name) && new RegExp(String.raw`(?<![\w$])${spelled}(?:(?![\w$])[^()]*\)\s*${RETURN_TYPE}\s*(?:=>|\{)|\s*=>)`).test(text);
    parametersKnown.names.set(name, may);
  }
  return may;
};

let parametersKnown: { text: string; names: Map<string, boolean> } | null = null;

/**
 * The named function whose body holds `index`, or null (the top level, a method, an unnamed
 * callback): a named arrow whose body is one expression inside the innermost braced body first.
 */
export const enclosingFunction = (text: string, index: number): EnclosingFunction | null => {
  const region = functionRegion(text, index);
  const arrow = expressionArrowAt(text, index, region.start);
  if (arrow !== null) return arrow;
  if (region.start === 0 && region.end === text.length) return null;
  const before = text.slice(Math.max(0, region.start - 1 - 400), region.start - 1).trimEnd();
  const header = ARROW.exec(before);
  if (header) return { name: header[1], params: paramNames(header[2] ?? header[3]), ...region };
  const decl = DECLARATION.exec(before);
  if (!decl) return null;
  const name = decl[1] ?? NAMED_EXPRESSION.exec(before.slice(0, decl.index))?.[1];
  return name === undefined ? null : { name, params: paramNames(decl[2]), ...region };
};

/** The text between the parentheses of a call whose `(` is at `open`, or null when they do not close within the window. */
export const callArgsText = (text: string, open: number): string | null => balancedText(text, open, CALL_ARGS_WINDOW)?.slice(1, -1) ?? null;

/** One call of a function in the file: where it is and its arguments, as written (trimmed). */
export interface Call {
  index: number;
  args: string[];
}

/**
 * Every call `fn(…)` in the text whose parentheses close within the window: not its declaration
 * (`function fn(`, `function* fn(`), not a method `x.fn(…)`; a spread `...fn(…)` calls the function.
 */
export const callsOf = (text: string, fn: string, sites?: CallSites): Call[] => {
  const out: Call[] = [];
  const found = sites?.calls(fn) ?? [...text.matchAll(new RegExp(String.raw`(?<![\w$])${escapeRegExp(fn)}\s*\(`, 'g'))].map((m): Site => [m.index ?? 0, (m.index ?? 0) + m[0].length - 1]);
  for (const [at, open] of found) {
    const before = text.slice(Math.max(0, at - 20), at);
    if (/\bfunction\s*\*?\s*$/.test(before) || (before.endsWith('.') && !before.endsWith('...'))) continue;
    const args = callArgsText(text, open);
    if (args !== null) out.push({ index: at, args: splitArgs(args) });
  }
  return out;
};

/** A call site: where the match starts (the name, or `this`) and its `(`. */
type Site = [at: number, open: number];

/** `name(`, `name (`: a call of any name. A name's own pattern (callsOf's) matches where this one matches that name: neither match can start inside the other. */
const CALLED = new RegExp(String.raw`(?<![\w$])(${NAME})\s*\(`, 'g');
/** `this.name(`, as thisCallArguments' pattern for one name. */
const THIS_CALLED = new RegExp(String.raw`(?<![\w$.])this\s*\.\s*(${NAME})\s*\(`, 'g');

const sitesByName = (text: string, pattern: RegExp): Map<string, Site[]> => {
  const out = new Map<string, Site[]>();
  for (const m of text.matchAll(pattern)) {
    const site: Site = [m.index ?? 0, (m.index ?? 0) + m[0].length - 1];
    const list = out.get(m[1]);
    if (list === undefined) out.set(m[1], [site]);
    else list.push(site);
  }
  return out;
};

/**
 * The call sites of every name in one text, found in one pass each and kept: a reader asking for the
 * calls of many functions of one file (a bundle of `function gN(b){return require(b)}`: 715 KB took
 * 17.9 s) reads the text once, not once per function. Only for names written as identifiers.
 */
export class CallSites {
  private plain?: Map<string, Site[]>;
  private viaThis?: Map<string, Site[]>;
  constructor(private readonly text: string) {}
  calls(fn: string): readonly Site[] {
    return (this.plain ??= sitesByName(this.text, CALLED)).get(fn) ?? [];
  }
  thisCalls(fn: string): readonly Site[] {
    return (this.viaThis ??= sitesByName(this.text, THIS_CALLED)).get(fn) ?? [];
  }
}

/** One call of a function in the file: where it is and its argument at the asked place, as written. */
export interface CallArgument {
  index: number;
  text: string;
}

/** Every call `fn(…)` in the text (as callsOf finds them) that has an argument at `position`, with that argument. */
export const callArguments = (text: string, fn: string, position: number, sites?: CallSites): CallArgument[] =>
  callsOf(text, fn, sites).flatMap((c) => (c.args[position] === undefined ? [] : [{ index: c.index, text: c.args[position] }]));

/** A class method's header right before its brace: `async tryRequireThenImport(module, handleError = true) ` (modifiers, a TS return type allowed). */
const METHOD = new RegExp(String.raw`(?:^|[;{}\n])\s*(?:(?:static|async|public|private|protected|override)\s+)*(${NAME})\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?::[^{};=]*)?$`);
const NOT_METHOD = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'function', 'return']);

/**
 * The class method whose body holds `index` (the innermost function body, when a method header opens
 * it), or null: webpack-cli's `async tryRequireThenImport(module, …) { … require(module) … }`.
 */
export const enclosingMethod = (text: string, index: number): EnclosingFunction | null => {
  const region = functionRegion(text, index);
  if (region.start === 0 && region.end === text.length) return null;
  const before = text.slice(Math.max(0, region.start - 1 - 400), region.start - 1).trimEnd();
  const m = METHOD.exec(before);
  return m === null || NOT_METHOD.has(m[1]) ? null : { name: m[1], params: paramNames(m[2]), ...region };
};

/** Every call `this.fn(…)` in the text that has an argument at `position`, with that argument (a method called from its own class). */
export const thisCallArguments = (text: string, fn: string, position: number, sites?: CallSites): CallArgument[] => {
  const out: CallArgument[] = [];
  const found = sites?.thisCalls(fn) ?? [...text.matchAll(new RegExp(String.raw`(?<![\w$.])this\s*\.\s*${escapeRegExp(fn)}\s*\(`, 'g'))].map((m): Site => [m.index ?? 0, (m.index ?? 0) + m[0].length - 1]);
  for (const [at, open] of found) {
    const args = callArgsText(text, open);
    const arg = args === null ? undefined : splitArgs(args)[position];
    if (arg !== undefined) out.push({ index: at, text: arg });
  }
  return out;
};

/** A string literal's value (quotes or a substitution-free template), or null. */
export const literalValue = (expr: string): string | null => {
  const m = /^(?:"([^"\n\\]*)"|'([^'\n\\]*)'|`([^`$\n\\]*)`)$/.exec(expr.trim());
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};

/** The value of `key:` in an object literal's text (`{ root: dir, maxAge: 1 }`), as written. */
export const propertyOf = (objectText: string | undefined, key: string): string | null => {
  const t = objectText?.trim();
  if (t === undefined || !t.startsWith('{') || !t.endsWith('}')) return null;
  for (const part of splitArgs(t.slice(1, -1))) {
    const m = new RegExp(String.raw`^(["']?)${key}\1\s*:\s*([\s\S]+)$`).exec(part);
    if (m) return m[2];
  }
  return null;
};

/** An object literal's text: the argument itself, or the `{ … }` a `const`/`let`/`var` of that name holds in the file (`register(plugin, opts)`, `sendFile(name, options)`). */
export const objectText = (arg: string | undefined, text: string): string | undefined => {
  const a = arg?.trim();
  if (a === undefined || !IDENTIFIER.test(a)) return a;
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(a)}\s*=\s*\{`).exec(text);
  return decl === null ? a : (balancedText(text, decl.index + decl[0].length - 1, 2000) ?? a);
};

/** What an argument may be: the literal strings census can read, and the parts it cannot (config, a loop's value). */
export interface ArgumentValues {
  literals: string[];
  unread: string[];
  /**
   * Relative folders a value names with one computed name after them (`` `../audits/${name}` ``,
   * `'./plugins/' + name`), as written; each is also unread (its name is not known).
   */
  folders?: { folder: string; written: string; extension: string }[];
}

/**
 * A relative folder below `./` or `../` (one named segment at least) and one computed name as the
 * whole last segment: a template `` `../audits/${auditPath}` `` or `'../audits/' + auditPath`.
 * Lighthouse's requireAudit builds that and hands it to the helper that imports it; a module
 * extension may follow the name (`` `./commands/${name}.js` ``, `'./x/' + name + '.js'`). A name inside
 * a segment (`./x-${n}`), two names, or a folder of dots alone (`../${n}`) is not one. A segment's
 * first character that is not a dot is where its name starts, so a long argument that is none fails
 * in one pass (`[\w.]*[\w][\w.]*` tried every split: 8,000 characters took 1.8 s).
 */
const FOLDER_AND_NAME = [
  /^`((?:\.\.?\/)+(?:\.*[\w@-][\w@.-]*\/)+)\$\{\s*[A-Za-z_$][\w$.]*\s*\}(\.[cm]?[jt]sx?)?`$/,
  /^(?:'((?:\.\.?\/)+(?:\.*[\w@-][\w@.-]*\/)+)'|"((?:\.\.?\/)+(?:\.*[\w@-][\w@.-]*\/)+)")\s*\+\s*[A-Za-z_$][\w$.]*(?:\s*\+\s*(?:'(\.[cm]?[jt]sx?)'|"(\.[cm]?[jt]sx?)"))?$/,
];
/**
 * The folder of a folder-and-name expression and the module extension written after the name, '' when there is none
 * (`` `./commands/${name}.js` ``, `'./commands/' + name + '.js'`: the folder's `.js` files only).
 */
export const folderNameExtension = (expr: string): { folder: string; extension: string } | null => {
  const [template, sum] = FOLDER_AND_NAME;
  const e = expr.trim();
  const t = template.exec(e);
  if (t) return { folder: t[1], extension: t[2] ?? '' };
  const m = sum.exec(e);
  return m ? { folder: m[1] ?? m[2], extension: m[3] ?? m[4] ?? '' } : null;
};

/**
 * The string values an argument expression may take: a literal; a local of the calling function
 * assigned a literal, or a default after `||` / `??` (`config.server || './servers/udp'`: the
 * literal is what runs when the setting is absent, the setting is unread). Anything else is unread.
 */
export const argumentValues = (expr: string, text: string, at: number, depth = 0): ArgumentValues => {
  const e = expr.trim();
  const literal = literalValue(e);
  if (literal !== null) return { literals: [literal], unread: [] };
  const fallback = /^([\s\S]+?)\s*(?:\|\||\?\?)\s*("[^"\n]*"|'[^'\n]*'|`[^`$\n]*`)$/.exec(e);
  if (fallback) return { literals: [literalValue(fallback[2]) ?? ''], unread: [fallback[1].trim()] };
  const folder = folderNameExtension(e);
  if (folder !== null) return { literals: [], unread: [e], folders: [{ ...folder, written: e }] };
  if (depth < 2 && IDENTIFIER.test(e)) {
    const assigned = assignmentsIn(e, text, functionRegion(text, at)).filter((a) => a.index < at);
    if (assigned.length > 0) {
      const all = assigned.map((a) => argumentValues(a.value, text, a.index, depth + 1));
      return { literals: all.flatMap((v) => v.literals), unread: all.flatMap((v) => v.unread), folders: all.flatMap((v) => v.folders ?? []) };
    }
    const constant = moduleConstant(e, text, at);
    if (constant !== null) return { literals: [constant], unread: [] };
  }
  return { literals: [], unread: [e] };
};

/**
 * A place where `name` is bound anew or changed, anywhere in the file: a parameter (`function f(name)`,
 * `(a, name) =>`, `name =>`, a method's `use(name) {`), a `catch (name)`, a destructuring (`const { name,
 * x } = o`, `[name] = list`), a compound or update assignment (`name += '.map'`, `name ??= x`, `name++`:
 * assignmentsIn reads only `=`), a loop's head (`for (name of list)`), a second declaration.
 */
const rebinding = (name: string): RegExp => {
  const n = escapeRegExp(name);
  const id = String.raw`(?<![\w$.])${n}(?![\w$])`;
  return new RegExp(
    [
      // Only a star, a name and type parameters between `function` and its `(`: `[^(]*` scanned to the next paren from every `function` (450 KB of them: 72 s).
      String.raw`\bfunction\s*\*?\s*[\w$]*\s*(?:<[^<>()]*>\s*)?\([^()]*${id}`,
      String.raw`\([^()]*${id}[^()]*\)\s*(?::[^=;{}()]*)?=>`,
      String.raw`${id}\s*=>`,
      // A call is never followed by a block, so `(…) {` is a method's parameter list, unless a statement heads it.
      String.raw`(?<!\b(?:if|while|for|switch|with)\s*)\([^()]*${id}[^()]*\)\s*(?::[^=;{}()]*)?\{`,
      String.raw`\bcatch\s*\(\s*${n}\s*\)`,
      // `[` after a name, `)` or `]` indexes (`titles[name] = …` reads the name).
      String.raw`(?:\{|(?<![\w$)\]]\s*)\[)[^;={}\[\]()]*${id}[^;={}\[\]()]*[}\]]\s*=(?![=>])`,
      String.raw`${id}\s*(?:\+\+|--|(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)=)`,
      String.raw`(?:\+\+|--)\s*${id}`,
      String.raw`\bfor\s*\(\s*${n}\s+(?:of|in)\b`,
      String.raw`\b(?:const|let|var)\s+${n}(?![\w$])[\s\S]*\b(?:const|let|var)\s+${n}(?![\w$])`,
    ].join('|'),
  );
};

/** moduleConstant's findings for the last text asked about, by name: a file's calls ask for the same names again (10,000 calls in one file read it 10,000 times). */
let constantsText: string | null = null;
const constants = new Map<string, { value: string; index: number } | null>();

/** The one top-level assignment of a literal to `name` the file makes, when nothing binds or changes the name anew; else null. */
const moduleAssignment = (name: string, text: string): { value: string; index: number } | null => {
  if (constantsText !== text) {
    constantsText = text;
    constants.clear();
  }
  const known = constants.get(name);
  if (known !== undefined) return known;
  const assigned = assignmentsIn(name, text, { start: 0, end: text.length });
  let found: { value: string; index: number } | null = null;
  if (assigned.length === 1) {
    const region = functionRegion(text, assigned[0].index);
    const value = region.start === 0 && region.end === text.length ? literalValue(assigned[0].value) : null;
    found = value === null || rebinding(name).test(text) ? null : { value, index: assigned[0].index };
  }
  constants.set(name, found);
  return found;
};

/**
 * A module-level name given one literal once (`var CORE_SCRIPT = "../../_compiled_/x.js", …;` at
 * the top of testcafe's assets_manager.js) holds it inside every function of the module too
 * (`content: readFile(CORE_SCRIPT)` in a method): the literal, when the file assigns the name
 * nowhere else and binds or changes it nowhere (rebinding), else null. A read at the top level
 * before the assignment sees undefined (a `var` is hoisted without its value), so it takes nothing.
 */
const moduleConstant = (name: string, text: string, at: number): string | null => {
  const found = moduleAssignment(name, text);
  if (found === null) return null;
  if (at < found.index) {
    const region = functionRegion(text, at);
    if (region.start === 0 && region.end === text.length && expressionArrowAt(text, at, 0) === null) return null;
  }
  return found.value;
};

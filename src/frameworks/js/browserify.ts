/**
 * Browserify bundles a module and all it requires from an entry file that the server names at run
 * time, so nothing imports the entry. Two shapes are read from the text, never run, in a package
 * that depends on `browserify` or `browserify-middleware`:
 * - a call of the imported function with literal entries: `browserify('./fields/explorer/index.js',
 *   opts)` (browserify-middleware, served by `app.get('/js/explorer.js', …)`), an array of them, or
 *   `browserify({ entries: [...] })`. Browserify resolves an entry against `basedir` when the
 *   options give one (a literal or a folder the code names: `path.resolve(__dirname + '/../client')`)
 *   and against the working folder otherwise, taken to be the package's folder (its scripts run there);
 * - a wrapper module (KeystoneJS's admin/server/middleware/browserify.js) that calls
 *   `browserify(file, opts)` where `file` was taken from a property of its parameter
 *   (`var file = opts.file`) and `opts` holds a `basedir`: each file that requires the wrapper and
 *   calls it with a literal at that property (`browserify({ file: './App/index.js', … })`) names an
 *   entry, resolved against the wrapper's basedir.
 * Each entry is a reference from the file that names it, with its line; a basedir census cannot
 * settle is not guessed. Calls are looked for in code: not in comments, nor inside a string or a
 * template's text (a usage line that spells a call).
 */
import { dirname, joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { functionRegion } from './function-region.js';
import { argumentValues, callsOf, enclosingFunction, literalValue, paramNames } from './parameter-values.js';
import { dependsOn, jsCodeFiles, jsPackages, labelledReferences, resolveToolPath, type JsPackage, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';
import { balancedText, IDENTIFIER, IDENTIFIER_SOURCE as NAME } from '../../languages/javascript/js-text.js';
import { escapeRegExp } from '../../util/regexp.js';
import { insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { blankedText } from './blanked-texts.js';

const PACKAGES = new Set(['browserify', 'browserify-middleware']);

/** `var x = require('browserify')` / `import x from 'browserify'`: the local names the package's function has in the file. */
const localNames = (text: string, specifiers: readonly string[]): string[] => {
  const out: string[] = [];
  for (const spec of specifiers) {
    const quoted = escapeRegExp(spec);
    const cjs = new RegExp(String.raw`\b(?:var|let|const)\s+(${NAME})\s*=\s*require\(\s*['"]${quoted}['"]\s*\)`, 'g');
    const esm = new RegExp(String.raw`\bimport\s+(${NAME})\s+from\s*['"]${quoted}['"]`, 'g');
    for (const m of text.matchAll(cjs)) out.push(m[1]);
    for (const m of text.matchAll(esm)) out.push(m[1]);
  }
  return [...new Set(out)];
};

/** `{ key: value, … }`: the value written at `key`, or null. */
const property = (object: string, key: string): string | null => {
  const o = object.trim();
  if (!o.startsWith('{') || !o.endsWith('}')) return null;
  for (const part of splitArgs(o.slice(1, -1))) {
    const m = new RegExp(String.raw`^\s*['"]?${key}['"]?\s*:\s*([\s\S]+)$`).exec(part);
    if (m) return m[1].trim();
  }
  return null;
};

/** Literal entries: `'./a.js'` or `['./a.js', './b.js']`; null when any is not a literal. */
const literalEntries = (expr: string): string[] | null => {
  const one = literalValue(expr);
  if (one !== null) return [one];
  const e = expr.trim();
  if (!e.startsWith('[') || !e.endsWith(']')) return null;
  const all = splitArgs(e.slice(1, -1)).filter((p) => p.trim() !== '').map((p) => literalValue(p));
  return all.length > 0 && all.every((v) => v !== null) ? (all as string[]) : null;
};

/**
 * The folder a `basedir` value names: a literal (from the working folder) or a folder expression
 * of the file. `__dirname + '/../client/'` is read as `path.join(__dirname, '../client/')`.
 */
const basedirOf = (expr: string, file: string, text: string, cwd: string): string | null => {
  const lit = literalValue(expr);
  if (lit !== null) return lit.startsWith('/') ? null : joinRepo(cwd, lit);
  // A local holding the folder (`var basedir = path.resolve(__dirname + '/../../client/')`) is read through its declaration.
  const held = IDENTIFIER.test(expr) ? new RegExp(String.raw`\b(?:var|let|const)\s+${escapeRegExp(expr)}\s*=\s*([^\n;]+)`).exec(text)?.[1] : undefined;
  const joined = (held ?? expr).replace(/\b__dirname\s*\+\s*(['"])\/?/g, '__dirname, $1');
  return folderOf(joined, file, text);
};

/** The one name a call's entry is written as: `inPath`, `{ entries: inPath }`, `[inPath]`, `{ entries: [inPath] }`; or null. */
const entryName = (first: string): string | null => {
  const e = (first.startsWith('{') ? property(first, 'entries') : first)?.trim() ?? null;
  if (e === null) return null;
  if (IDENTIFIER.test(e)) return e;
  return new RegExp(String.raw`^\[\s*(${NAME})\s*\]$`).exec(e)?.[1] ?? null;
};

/** The options object a call passes: an object literal, or a local of the function assigned one. */
const optionsText = (expr: string | undefined, text: string, at: number): string | null => {
  if (expr === undefined) return null;
  if (expr.startsWith('{')) return expr;
  if (!IDENTIFIER.test(expr)) return null;
  const region = functionRegion(text, at);
  const decl = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(expr)}\s*=\s*\{`, 'g');
  let found: string | null = null;
  for (const m of text.slice(region.start, at).matchAll(decl)) {
    const open = region.start + (m.index ?? 0) + m[0].length - 1;
    // The `{…}` literal, over strings; none when it does not close within 10,000 characters.
    const body = balancedText(text, open);
    if (body !== null) found = body;
  }
  return found;
};

/** A wrapper: its file, the property of its parameter that names the entry, the basedir, and the bundling call's line. */
interface Wrapper {
  file: string;
  key: string;
  basedir: string;
  line: number;
}

/** The parameter list of an unnamed function whose body opens at `start` (`(resolve, reject) => {`, `function (a) {`, `x => {`), or null. */
const callbackParams = (text: string, start: number): (string | null)[] | null => {
  const before = text.slice(Math.max(0, start - 1 - 300), start - 1).trimEnd();
  const m = new RegExp(String.raw`(?:\(([^()]*)\)|(?<![\w$])(${NAME}))\s*(?:=>)?$`).exec(before);
  return m ? paramNames(m[1] ?? m[2]) : null;
};

/**
 * The named function of the file whose parameter `name` is at `at` (through unnamed callbacks
 * around it: `(inPath) => new Promise((resolve) => { browserify(inPath) … })`), with the
 * parameter's place; null when a callback between declares the name too (it is that callback's),
 * the function assigns it, or no named function has it.
 */
const parameterOwner = (text: string, at: number, name: string): { name: string; param: number } | null => {
  // The name starts a word: unanchored, a long word (an inline data URL) was retried at each of its characters, quadratic in it.
  const arrows = new RegExp(String.raw`(?:\(([^()]*)\)|(?<![\w$])(${NAME}))\s*=>`, 'g');
  let here = at;
  for (let depth = 0; depth < 4; depth++) {
    const fn = enclosingFunction(text, here);
    const region = functionRegion(text, here);
    // The named function nearest `here`: its braced body is the innermost one, or an arrow's expression body lies inside it.
    if (fn !== null && fn.start >= region.start) {
      const param = fn.params.indexOf(name);
      if (param < 0) return null;
      // An expression-bodied arrow between that declares the name (`xs.map((inPath) => browserify(inPath))`) owns it.
      for (const m of text.slice(fn.start, at).matchAll(arrows)) if (paramNames(m[1] ?? m[2]).includes(name)) return null;
      const reassigned = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*=(?![=>])`).test(text.slice(fn.start, fn.end));
      return reassigned ? null : { name: fn.name, param };
    }
    if (region.start === 0) return null;
    if (callbackParams(text, region.start)?.includes(name) ?? true) return null;
    here = region.start - 2;
  }
  return null;
};

/** The calls of `name` in code: `text` has its comments blanked, and a call inside a string (`"usage: bundle('a.js')"`) is text. */
const codeCalls = (text: string, spans: readonly number[], name: string): ReturnType<typeof callsOf> =>
  callsOf(text, name).filter((c) => !insideQuoted(text, spans, c.index));

const packageOf = (packages: JsPackage[], file: string): JsPackage | null => {
  let best: JsPackage | null = null;
  for (const p of packages) if ((p.dir === '' || file.startsWith(`${p.dir}/`)) && (best === null || p.dir.length > best.dir.length)) best = p;
  return best;
};

const found = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const packages = jsPackages(ctx);
  if (!packages.some((p) => [...PACKAGES].some((name) => dependsOn(p, name)))) return [];
  const out: LabelledReference[] = [];
  const wrappers: Wrapper[] = [];
  const files = jsCodeFiles(ctx);
  for (const file of files) {
    const imports = ctx.facts(file)?.imports;
    if (imports === undefined || !imports.some((i) => PACKAGES.has(i.specifier))) continue;
    const text = blankedText(ctx, file, ctx.readText(file) ?? '');
    const spans = quotedSpans(text);
    const cwd = packageOf(packages, file)?.dir ?? '';
    for (const name of localNames(text, [...PACKAGES])) {
      for (const call of codeCalls(text, spans, name)) {
        const line = lineAt(text, call.index);
        const first = call.args[0];
        if (first === undefined) continue;
        const options = first.startsWith('{') ? first : optionsText(call.args[1], text, call.index);
        const basedirExpr = options === null ? null : property(options, 'basedir');
        const base = basedirExpr === null ? cwd : basedirOf(basedirExpr, file, text, cwd);
        if (base === null) continue;
        const entries = first.startsWith('{') ? literalEntries(property(first, 'entries') ?? '') : literalEntries(first);
        if (entries !== null) {
          for (const spec of entries) {
            const target = resolveToolPath(ctx, base, spec);
            if (target === null || target === file) continue;
            out.push({ from: file, target, line, label: `${file}:${line} bundles '${spec}' with browserify (from ${base || '.'})` });
          }
          continue;
        }
        // Stop 54: `browserify(inPath)` in a function of the file whose parameter it is: its calls in the file name the entries.
        const param = entryName(first);
        if (param !== null) {
          const owner = parameterOwner(text, call.index, param);
          if (owner !== null) {
            for (const caller of codeCalls(text, spans, owner.name)) {
              const arg = caller.args[owner.param];
              if (arg === undefined) continue;
              const callerLine = lineAt(text, caller.index);
              for (const spec of argumentValues(arg, text, caller.index).literals) {
                const target = resolveToolPath(ctx, base, spec);
                if (target === null || target === file) continue;
                out.push({ from: file, target, line: callerLine, label: `${file}:${callerLine} hands '${spec}' to ${owner.name}, which bundles it with browserify (line ${line}, from ${base || '.'})` });
              }
            }
            continue;
          }
        }
        // `browserify(file, opts)` where `var file = param.key`: the callers name the entry.
        if (basedirExpr === null || !IDENTIFIER.test(first)) continue;
        const held = new RegExp(String.raw`\b(?:var|let|const)\s+${escapeRegExp(first)}\s*=\s*${NAME}\s*\.\s*(${NAME})\s*[;\n]`).exec(text);
        if (held) wrappers.push({ file, key: held[1], basedir: base, line });
      }
    }
  }
  if (wrappers.length === 0) return out;
  // Looked up for every relative import of every file: by the wrapper's file, the first one found.
  const wrapperOf = new Map<string, Wrapper>();
  for (const w of wrappers) if (!wrapperOf.has(w.file)) wrapperOf.set(w.file, w);
  for (const file of files) {
    const imports = ctx.facts(file)?.imports;
    if (imports === undefined) continue;
    let text: string | null = null;
    let spans: number[] | null = null;
    for (const i of imports) {
      if (!i.specifier.startsWith('.')) continue;
      const wrapperFile = resolveToolPath(ctx, dirname(file), i.specifier);
      const wrapper = wrapperFile === null ? undefined : wrapperOf.get(wrapperFile);
      if (wrapper === undefined) continue;
      text ??= blankedText(ctx, file, ctx.readText(file) ?? '');
      spans ??= quotedSpans(text);
      for (const name of localNames(text, [i.specifier])) {
        for (const call of codeCalls(text, spans, name)) {
          const value = call.args[0] === undefined ? null : property(call.args[0], wrapper.key);
          const spec = value === null ? null : literalValue(value);
          if (spec === null) continue;
          const target = resolveToolPath(ctx, wrapper.basedir, spec);
          if (target === null || target === file) continue;
          const line = lineAt(text, call.index);
          out.push({ from: file, target, line, label: `${file}:${line} hands ${wrapper.key}: '${spec}' to ${wrapper.file}, which bundles it with browserify from ${wrapper.basedir || '.'} (line ${wrapper.line})` });
        }
      }
    }
  }
  return out;
});

const browserify: FrameworkReader = {
  id: 'browserify',
  title: 'browserify entry files (browserify(entry, { basedir }), browserify-middleware, a wrapper fed { file })',
  ecosystem: 'javascript',
  ...labelledReferences(found),
};

export default browserify;

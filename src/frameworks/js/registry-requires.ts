/**
 * A module that requires a path it looks up in a registry of module paths: apidoc's lib/core/index.js
 * declares `const app = { filters: { apierror: './filters/api_error.js', … }, parsers: { … }, … }` and
 * hands `app` to lib/core/filter.js, whose constructor walks the keys and does
 * `const filename = app.filters[filter]; … require(filename)`; no import names the 50 plugin modules.
 * Read from the text, never run:
 * - the require: `require(X.PROP[KEY])` or `require(NAME)` where the last assignment of NAME before it
 *   in the same function is `X.PROP[KEY]` (or `PROP[KEY]`); KEY a name or an expression takes every
 *   value, a string literal only that key's, a number none (`process.argv[2]` is an array element); a
 *   require in a comment or a string is none;
 * - the registry: an object literal member `PROP: { k: '…', … }` in the requiring file, in a file it
 *   imports by a relative path, or in a file importing it by one (the module that builds the
 *   registry and hands it over), outside comments and strings. Every value must be a string literal (one computed value, spread or
 *   method makes the registry unreadable: the paths would be a guess), and only values starting with
 *   `./` or `../` name repo files;
 * - each such value is resolved as Node resolves the require, from the requiring file's folder
 *   (`X`, `X.js`, …, `X/index.js`): a reference from the requiring file, with the require's line and
 *   the registry's place as evidence. A registry whose property name differs, one in a file with no
 *   import link to the requiring file, and a require whose argument is not such a lookup give nothing.
 *
 * Stop 64: `require.resolve(X[KEY])` too, the path of a module the code then reads or hands on
 * (Budibase's src/jsRunner/bundles/index.ts:26 `fs.readFileSync(require.resolve(bundleSourceFile[type]))`,
 * the bytes run in isolated-vm), and a registry that is the requiring file's own
 * `const NAME(: Type) = { … }` (its members' keys may be computed, `[BundleType.HELPERS]: './x.js'`:
 * a lookup by a name takes every value). A `const` of another file is another binding: not read.
 */
import { lineAt, lineCounter } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import { assignmentsIn, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText, IDENTIFIER } from '../../languages/javascript/js-text.js';
import { memberValues, objectMembers } from '../../languages/javascript/object-members.js';
import { insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { escapeRegExp } from '../../util/regexp.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { functionRegion } from './function-region.js';
import { callArgsText, literalValue } from './parameter-values.js';
import { relativeImporters } from './import-index.js';
import { codeFilesMarked, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';
import { blankedText } from './blanked-texts.js';

/** `require(` or `require.resolve(`, not a method (`x.require(`) nor part of a name. */
const REQUIRE = /(?<![\w$.])require(\s*\.\s*resolve)?\s*\(/g;
/** `app.filters[filter]` / `filters[name]`: the property the registry is found by. */
const LOOKUP = /^(?:[A-Za-z_$][\w$]*\s*\.\s*)*([A-Za-z_$][\w$]*)\s*\[([^\]\n]+)\]$/;
/** `name = x.y[`: a name assigned a lookup, the candidates for `require(name)`. */
const ASSIGNED_LOOKUP = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*[\w$.\s]+\[/g;
/** An index that is a number (`process.argv[2]`, `list[0]`): an element of an array, no key of a registry. */
const NUMBER_INDEX = /^\s*\d+\s*$/;

interface Registry {
  file: string;
  line: number;
  values: string[];
  /** Each member's literal value by its key: what a lookup by a literal key takes. */
  byKey: Map<string, string>;
  /** How the evidence names it: `filters: { … }`, or `const NAME = { … }` (the requiring file's own). */
  written: string;
}

/**
 * The registries `PROP: { … }` one file declares, each with all-literal values; none where one is not a
 * literal. `text` has its comments blanked, and a `PROP: {` inside a string is none (an example in a
 * message or a doc comment lists no module the code loads).
 */
const registriesIn = (file: string, text: string, prop: string, own: boolean): Registry[] => {
  const out: Registry[] = [];
  let quoted: number[] | null = null;
  const name = escapeRegExp(prop);
  // The requiring file's own `const NAME: Type = {`: the type may not hold `=`, `;` or a brace.
  const declared = own ? String.raw`|(?<![\w$.])(?:const|let|var)\s+${name}\s*(?::[^=;{}]{1,200})?=\s*\{` : '';
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\w$.'"])${name}\s*:\s*\{${declared}`, 'g'))) {
    if (insideQuoted(text, (quoted ??= quotedSpans(text)), m.index ?? 0)) continue;
    const open = (m.index ?? 0) + m[0].length - 1;
    const literal = balancedText(text, open, 20_000);
    if (literal === null) continue;
    const values = (memberValues(literal) ?? computedKeyValues(literal))?.map((v) => literalValue(v.trim()));
    if (values === undefined || values.some((v) => v === null)) continue;
    const byKey = new Map<string, string>();
    for (const [key, value] of objectMembers(literal)) {
      const literalText = literalValue(value);
      if (literalText !== null) byKey.set(key, literalText);
    }
    out.push({ file, line: lineAt(text, m.index ?? 0), values: values as string[], byKey, written: m[0].includes(':') && !/^(?:const|let|var)\s/.test(m[0]) ? `${prop}: { … }` : `${prop} = { … }` });
  }
  return out;
};

/** `[key]: value` members, the keys computed (`[BundleType.HELPERS]: './x.js'`): each value's text, or null when a member is anything else. */
const COMPUTED_MEMBER = /^\[[^\]\n]+\]\s*:\s*([\s\S]+)$/;
const computedKeyValues = (objectText: string): string[] | null => {
  const values: string[] = [];
  for (const raw of splitArgs(objectText.slice(1, -1))) {
    const part = raw.trim();
    if (part === '') continue;
    const m = COMPUTED_MEMBER.exec(part) ?? /^(?:[A-Za-z_$][\w$]*|\d+|"[^"\n]*"|'[^'\n]*')\s*:\s*([\s\S]+)$/.exec(part);
    if (m === null) return null;
    values.push(m[1]);
  }
  return values.length === 0 ? null : values;
};

/** The files a registry of the requiring file may sit in: itself, what it imports, what imports it. */
const linkedFiles = (ctx: FrameworkContext, file: string): string[] => {
  const out = new Set<string>([file]);
  for (const imp of ctx.facts(file)?.imports ?? []) {
    if (!/^\.{1,2}(?:\/|$)/.test(imp.specifier)) continue;
    const target = resolveToolPath(ctx, dirname(file), imp.specifier);
    if (target !== null) out.add(target);
  }
  for (const r of relativeImporters(ctx, file)) out.add(r.from);
  return [...out];
};

const found = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  // Per scan, a file's registries and links are read once, however many requires look them up (review s56-rm3 #2).
  const codeOf = (file: string): string => blankedText(ctx, file, ctx.readText(file) ?? '');
  const registries = new Map<string, Registry[]>();
  const registriesOf = (file: string, prop: string, own: boolean): Registry[] => {
    const key = `${file}\0${prop}\0${own}`;
    let found = registries.get(key);
    if (found === undefined) {
      const text = codeOf(file);
      registries.set(key, (found = text.includes(prop) ? registriesIn(file, text, prop, own) : []));
    }
    return found;
  };
  for (const file of codeFilesMarked(ctx, ['require(', 'require.resolve('])) {
    const written = ctx.readText(file) ?? '';
    if (!written.includes('[')) continue;
    // A require in a comment (code left out) or a string (a message) loads nothing.
    const text = codeOf(file);
    let quoted: number[] | null = null;
    let linked: string[] | null = null;
    // The names the file assigns a lookup `name = x[…]`, found in one pass: a whole-text test per
    // `require(name)` was quadratic in a file of thousands of them.
    let lookupNames: Set<string> | null = null;
    let lineOf: ((offset: number) => number) | null = null;
    for (const m of text.matchAll(REQUIRE)) {
      const at = m.index ?? 0;
      if (insideQuoted(text, (quoted ??= quotedSpans(text)), at)) continue;
      const args = callArgsText(text, at + m[0].length - 1);
      if (args === null) continue;
      const arg = splitArgs(args)[0]?.trim() ?? '';
      if (arg === '' || literalValue(arg) !== null) continue;
      let lookup = LOOKUP.exec(arg);
      let expr = arg;
      // A plain text test before reading the function's region, which walks the file's braces: few
      // `require(name)` have a `name = x[k]` anywhere in their file.
      if (lookup === null && IDENTIFIER.test(arg) && (lookupNames ??= new Set([...text.matchAll(ASSIGNED_LOOKUP)].map((a) => a[1]))).has(arg)) {
        const assigned = assignmentsIn(arg, text, functionRegion(text, at)).filter((a) => a.index < at);
        const last = assigned[assigned.length - 1];
        if (last !== undefined) {
          lookup = LOOKUP.exec(last.value.trim());
          expr = `${arg} = ${last.value.trim()}`;
        }
      }
      if (lookup === null || NUMBER_INDEX.test(lookup[2])) continue;
      const prop = lookup[1];
      // A key written as a literal (`app.filters['a']`) loads that member only.
      const key = literalValue(lookup[2].trim());
      const line = (lineOf ??= lineCounter(text))(at);
      for (const other of (linked ??= linkedFiles(ctx, file))) {
        for (const registry of registriesOf(other, prop, other === file)) {
          const values = key === null ? registry.values : [registry.byKey.get(key)].filter((v): v is string => v !== undefined);
          for (const value of values) {
            if (!/^\.{1,2}\//.test(value)) continue;
            const target = resolveToolPath(ctx, dirname(file), value);
            if (target === null || target === file) continue;
            out.push({ from: file, target, line, label: `${file}:${line} ${m[1] === undefined ? 'requires' : 'reads the path require.resolve gives for'} ${expr}, and '${value}' is one of the module paths \`${registry.written}\` lists at ${registry.file}:${registry.line}` });
          }
        }
      }
    }
  }
  return out;
});

const registryRequires: FrameworkReader = {
  id: 'registry-requires',
  title: "modules required by a path looked up in a registry of module paths (require(app.filters[name]) with filters: { a: './filters/a.js' })",
  ecosystem: 'javascript',
  ...labelledReferences(found),
};

export default registryRequires;

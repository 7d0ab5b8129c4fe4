/**
 * A module that requires a path it looks up in a registry of module paths: apidoc's lib/core/index.js
 * declares `const app = { filters: { apierror: './filters/api_error.js', … }, parsers: { … }, … }` and
 * hands `app` to lib/core/filter.js, whose constructor walks the keys and does
 * `const filename = app.filters[filter]; … require(filename)`; no import names the 50 plugin modules.
 * Read from the text, never run:
 * - the require: `require(X.PROP[KEY])` or `require(NAME)` where the last assignment of NAME before it
 *   in the same function is `X.PROP[KEY]` (or `PROP[KEY]`), KEY any index;
 * - the registry: an object literal member `PROP: { k: '…', … }` in the requiring file, in a file it
 *   imports by a relative path, or in a file importing it by one (the module that builds the
 *   registry and hands it over). Every value must be a string literal (one computed value, spread or
 *   method makes the registry unreadable: the paths would be a guess), and only values starting with
 *   `./` or `../` name repo files;
 * - each such value is resolved as Node resolves the require, from the requiring file's folder
 *   (`X`, `X.js`, …, `X/index.js`): a reference from the requiring file, with the require's line and
 *   the registry's place as evidence. A registry whose property name differs, one in a file with no
 *   import link to the requiring file, and a require whose argument is not such a lookup give nothing.
 */
import { lineAt } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import { assignmentsIn, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText, IDENTIFIER } from '../../languages/javascript/js-text.js';
import { memberValues } from '../../languages/javascript/object-members.js';
import { escapeRegExp } from '../../util/regexp.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { functionRegion } from './function-region.js';
import { callArgsText, literalValue } from './parameter-values.js';
import { relativeImporters } from './import-index.js';
import { codeFilesMarked, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';

/** `require(` not a method (`x.require(`) nor part of a name. */
const REQUIRE = /(?<![\w$.])require\s*\(/g;
/** `app.filters[filter]` / `filters[name]`: the property the registry is found by. */
const LOOKUP = /^(?:[A-Za-z_$][\w$]*\s*\.\s*)*([A-Za-z_$][\w$]*)\s*\[[^\]\n]+\]$/;

interface Registry {
  file: string;
  line: number;
  values: string[];
}

/** The registries `PROP: { … }` one file declares, each with all-literal values; null values when one is not a literal. */
const registriesIn = (file: string, text: string, prop: string): Registry[] => {
  const out: Registry[] = [];
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\w$.'"])${escapeRegExp(prop)}\s*:\s*\{`, 'g'))) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const literal = balancedText(text, open, 20_000);
    if (literal === null) continue;
    const values = memberValues(literal)?.map((v) => literalValue(v.trim()));
    if (values === undefined || values.some((v) => v === null)) continue;
    out.push({ file, line: lineAt(text, m.index ?? 0), values: values as string[] });
  }
  return out;
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
  for (const file of codeFilesMarked(ctx, ['require('])) {
    const text = ctx.readText(file) ?? '';
    if (!text.includes('[')) continue;
    for (const m of text.matchAll(REQUIRE)) {
      const at = m.index ?? 0;
      const args = callArgsText(text, at + m[0].length - 1);
      if (args === null) continue;
      const arg = splitArgs(args)[0]?.trim() ?? '';
      if (arg === '' || literalValue(arg) !== null) continue;
      let lookup = LOOKUP.exec(arg);
      let expr = arg;
      // A plain text test before reading the function's region, which walks the file's braces: few
      // `require(name)` have a `name = x[k]` anywhere in their file.
      if (lookup === null && IDENTIFIER.test(arg) && new RegExp(String.raw`(?<![\w$.])${escapeRegExp(arg)}\s*=\s*[\w$.\s]+\[`).test(text)) {
        const assigned = assignmentsIn(arg, text, functionRegion(text, at)).filter((a) => a.index < at);
        const last = assigned[assigned.length - 1];
        if (last !== undefined) {
          lookup = LOOKUP.exec(last.value.trim());
          expr = `${arg} = ${last.value.trim()}`;
        }
      }
      if (lookup === null) continue;
      const prop = lookup[1];
      const line = lineAt(text, at);
      for (const other of linkedFiles(ctx, file)) {
        const otherText = other === file ? text : (ctx.readText(other) ?? '');
        if (!otherText.includes(prop)) continue;
        for (const registry of registriesIn(other, otherText, prop)) {
          for (const value of registry.values) {
            if (!/^\.{1,2}\//.test(value)) continue;
            const target = resolveToolPath(ctx, dirname(file), value);
            if (target === null || target === file) continue;
            out.push({ from: file, target, line, label: `${file}:${line} requires ${expr}, and '${value}' is one of the module paths \`${prop}: { … }\` lists at ${registry.file}:${registry.line}` });
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

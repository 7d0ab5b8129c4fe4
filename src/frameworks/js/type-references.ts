/**
 * A module named in a type, not in an import statement: TypeScript reads the declarations it
 * resolves to as it reads those of an `import type`, but no import fact records it.
 * - In a declaration file (.d.ts, .d.mts, .d.cts) every `import("./x")` is a type: tsc writes one
 *   wherever an inferred type comes from another module (strapi's dist/server/src/index.d.ts:196
 *   `'project-settings': typeof import("./services/project-settings")`, its
 *   dist/admin/src/services/auth.d.ts:14 `import("../../../shared/contracts/sessions").SanitizedAdminSession`).
 *   The module scan reads such an `import(` as a type and records nothing (dynamic-imports.ts).
 * - In a JSDoc comment (`/** … *\/`) of a JS or TS file, `import('./x')` in a type
 *   (`@type {import('./types.js').Validator}`) and `@import { A } from './x'` (TypeScript 5.5's JSDoc
 *   import): what a checkJs or a declaration emit of the file reads (sveltekit's
 *   src/core/config/options.js:1 `/** @import { Validator } from './types.js' *\/`).
 * The specifier is resolved as TypeScript resolves a relative one, to TypeScript's own kinds only:
 * `./x.js` to x.ts, x.tsx or x.d.ts (`.mjs`/`.cjs` to the .mts/.cts pair), `./x` to those or
 * x/index.*. A `.js` file a type names is not loaded by it, so none is ever a target: no runtime
 * module is kept alive by a comment. Left out: an `import(` in a declaration file's comment, a
 * JSDoc form in a `//` comment or any non-JSDoc comment (TypeScript reads neither), a package
 * name, a specifier the file imports already (its edge is there), and an `import(` inside a
 * `declare global { … }` or `declare module '…' { … }` block: that types a global or an augmented
 * module's member, which a plugin writes for every module it can auto-import (unplugin-auto-import's
 * `const useCart: typeof import('./composables/useCart')['useCart']`, unplugin-vue-components'
 * GlobalComponents), used or not: the module is used where the global is (those readers' own
 * question), not because the list names it. `import('./x').T` written in
 * the code of a .ts source is the module scan's and the parser's question, not read here.
 */
import { balancedText } from '../../languages/javascript/js-text.js';
import { blankedText } from './blanked-texts.js';
import { lineCounter } from '../../util/lines.js';
import { lowerBound } from '../../util/lower-bound.js';
import { insideSpans } from '../../util/spans.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { DECLARATION } from './declaration-twins.js';
import { codeFilesMarked, labelledReferences, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';

/** `import("./x")`: a relative specifier only (a package's types are the package's). */
const IMPORT_TYPE = /(?<![\w$.])import\s*\(\s*(['"])(\.{1,2}(?:\/[^'"\n]*)?)\1\s*\)/g;
/** JSDoc's `@import { A, B } from './x'` / `@import * as ns from './x'` (its clause may span lines of the comment). */
const JSDOC_IMPORT = /@import\b[^'"@;]{0,300}?\bfrom\s*(['"])(\.{1,2}(?:\/[^'"\n]*)?)\1/g;

/** `declare global {` / `declare module 'name' {`: a block whose types are globals or another module's members. */
const AMBIENT_BLOCK = /\bdeclare\s+(?:global|module\s*(['"])[^'"\n]*\1)\s*\{/g;

/** The [start, end) spans of a declaration file's ambient blocks, in its comment-blanked text; an unclosed one runs to the end. */
const ambientBlocks = (code: string): [number, number][] => {
  const spans: [number, number][] = [];
  if (!code.includes('declare')) return spans;
  // A block inside the last one is in its span already, and an unclosed one ends the file: each
  // character is walked once however many blocks a (hostile) file opens.
  let end = 0;
  for (const m of code.matchAll(AMBIENT_BLOCK)) {
    if ((m.index ?? 0) < end) continue;
    const open = (m.index ?? 0) + m[0].length - 1;
    const block = balancedText(code, open, code.length);
    end = block === null ? code.length : open + block.length;
    spans.push([m.index ?? 0, end]);
    if (block === null) break;
  }
  return spans;
};

/** The TypeScript files a relative specifier may resolve to, in TypeScript's order. */
const typeCandidates = (base: string): string[] => {
  const ext = /\.([cm]?)jsx?$/.exec(base);
  if (ext !== null) {
    const stem = base.slice(0, ext.index);
    return ext[1] === '' ? [`${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`] : [`${stem}.${ext[1]}ts`, `${stem}.d.${ext[1]}ts`];
  }
  if (/\.(?:[cm]?ts|tsx)$/.test(base)) return [base];
  return [`${base}.ts`, `${base}.tsx`, `${base}.d.ts`, `${base}/index.ts`, `${base}/index.tsx`, `${base}/index.d.ts`];
};

const resolveType = (ctx: FrameworkContext, file: string, spec: string): string | null => {
  const base = joinRepo(dirname(file), spec);
  if (base === null || base === '') return null;
  return typeCandidates(base).find((c) => ctx.files.has(c)) ?? null;
};

/** Every index at which `mark` starts in the text, ascending (overlaps counted, as lastIndexOf finds them). */
const indicesOf = (text: string, mark: string): number[] => {
  const out: number[] = [];
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) out.push(i);
  return out;
};

/** The last of the ascending indices at or before `at`, or -1. */
const lastAtOrBefore = (indices: readonly number[], at: number): number => {
  const i = lowerBound(indices, (x) => x, at + 1) - 1;
  return i >= 0 ? indices[i] : -1;
};

/**
 * Whether an offset lies in a `/** … *\/` comment: blanked by the blanker, and the last comment
 * opener before it is a JSDoc one with no closer between. The openers and closers are listed once
 * per file: a lastIndexOf back from each hit walked a whole comment per hit, quadratic in a comment
 * of thousands of import() types (pathological js-jsdoc-import-types).
 */
const jsDocTest = (text: string, blanked: string): ((at: number) => boolean) => {
  let openers: number[] | null = null;
  let closers: number[] | null = null;
  return (at) => {
    if (blanked.charCodeAt(at) === text.charCodeAt(at)) return false;
    const open = lastAtOrBefore((openers ??= indicesOf(text, '/*')), at);
    return open >= 0 && text.charCodeAt(open + 2) === 42 && lastAtOrBefore((closers ??= indicesOf(text, '*/')), at) < open;
  };
};

interface Found {
  at: number;
  spec: string;
  written: string;
}

const found = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  for (const file of codeFilesMarked(ctx, ['import(', '@import'])) {
    const text = ctx.readText(file);
    if (text === null) continue;
    const declaration = DECLARATION.test(file);
    // JSDoc types only in a /** comment: a file without one has none to read.
    if (!declaration && !text.includes('/**')) continue;
    const blanked = blankedText(ctx, file, text);
    const hits: Found[] = [];
    let ambient: [number, number][] | null = null;
    const inJsDoc = jsDocTest(text, blanked);
    for (const m of text.matchAll(IMPORT_TYPE)) {
      const at = m.index ?? 0;
      // In a declaration file's code every import() is a type; elsewhere only a JSDoc one is read here.
      const inComment = blanked.charCodeAt(at) !== text.charCodeAt(at);
      const read = declaration ? !inComment && !insideSpans((ambient ??= ambientBlocks(blanked)), at) : inJsDoc(at);
      if (read) hits.push({ at, spec: m[2], written: `import(${m[1]}${m[2]}${m[1]})` });
    }
    if (!declaration) {
      for (const m of text.matchAll(JSDOC_IMPORT)) {
        const at = m.index ?? 0;
        if (inJsDoc(at)) hits.push({ at, spec: m[2], written: `@import … from ${m[1]}${m[2]}${m[1]}` });
      }
    }
    if (hits.length === 0) continue;
    const imported = new Set((ctx.facts(file)?.imports ?? []).map((i) => i.specifier));
    const lineOf = lineCounter(text);
    const seen = new Set<string>();
    for (const hit of hits.sort((a, b) => a.at - b.at)) {
      if (imported.has(hit.spec)) continue;
      const target = resolveType(ctx, file, hit.spec);
      if (target === null || target === file || seen.has(target)) continue;
      seen.add(target);
      const line = lineOf(hit.at);
      const what = declaration ? "that declaration file's types" : "that file's JSDoc types";
      out.push({ from: file, target, line, label: `named by the type \`${hit.written}\` at ${file}:${line}, so TypeScript reads it for ${what}` });
    }
  }
  return out;
});

const typeReferences: FrameworkReader = {
  id: 'type-references',
  title: 'declarations TypeScript reads for a module named in a type (import("./x") in a .d.ts, JSDoc import(\'./x\') and @import)',
  ecosystem: 'javascript',
  ...labelledReferences(found),
};

export default typeReferences;

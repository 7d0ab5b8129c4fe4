/**
 * Ambient modules: a declaration file that says `declare module '*.svg'` (or `'*.html?raw'`,
 * `'assets:*'`) gives its types to every import whose specifier matches the pattern (one `*`: the
 * specifier starts with what precedes it and ends with what follows) and that TypeScript resolves
 * to no module of its own (an asset, a virtual module, nothing at all). One that names a module
 * exactly (`declare module 'virtual:app/routes' { … }`, the shorthand `declare module 'untyped';`)
 * types every import of that name, before TypeScript looks for a file or a package (an exact
 * ambient module wins; a relative name cannot be declared). Such an import reads the declaration
 * file as an `import type` would: a type-import edge to it, whose sentence names the declaration's line. Only a script declares ambient modules: in a file
 * with a top-level import or export, `declare module '…'` is an augmentation, where TypeScript
 * rejects a pattern (TS2664), so those files give no edge. The declaration must be in the
 * importer's own package (the nearest package.json; the repo when there is none) and outside
 * node_modules. A declaration file that a tsconfig's program lists is kept as tooling by that
 * program (entries/tsconfig-program.ts) whether or not it is matched; this edge says which code
 * its types serve.
 */
import type { Edge } from '../model/edge.js';
import type { FileFacts } from '../model/facts.js';
import type { Manifests } from '../manifests/store.js';
import { languageRecord } from '../languages/registry.js';
import { dirname } from '../util/path.js';
import { lineCounter } from '../util/lines.js';
import { aboutFile } from '../util/sentences.js';
import type { FactsOfFile } from './import-edges.js';

const DECLARATION = /\.d\.[cm]?ts$/;
/** A top-level `declare module '…'` whose name has one `*`. */
const WILDCARD_MODULE = /^[ \t]*declare[ \t]+module[ \t]+(['"])([^'"*\n]*)\*([^'"*\n]*)\1/gm;
/** `export {}` at the start of a line: the usual way a declaration file makes itself a module. */
const EMPTY_EXPORT = /^export[ \t]*\{[ \t]*\}/m;
/** A top-level `declare module '…'` with a name and no `*`, not relative (TypeScript rejects one: TS2436). */
const EXACT_MODULE = /^[ \t]*declare[ \t]+module[ \t]+(['"])([^'".*\n][^'"*\n]*)\1/gm;
/** A module TypeScript reads for an import's types before it looks at ambient patterns. */
const TYPESCRIPT_MODULE = /\.(?:d\.)?[cm]?[jt]sx?$/;
const IMPORT_KINDS = new Set(['import', 'dynamic-import', 'type-import']);

/** The `via` of an import's edge to the declaration file whose wildcard module types it. */
export const AMBIENT_MODULE = 'ambient-module';

interface WildcardModule {
  file: string;
  line: number;
  prefix: string;
  suffix: string;
  /** `declare module 'name'`: the whole name is in `prefix`, and only that name matches. */
  exact?: true;
}

const inNodeModules = (path: string): boolean => path.startsWith('node_modules/') || path.includes('/node_modules/');

/**
 * A top-level import or export makes the file a module (see the header). The facts hold no import
 * from inside a `declare module` block, except `import x = require()`, which the walk reports
 * wherever it stands and which is the usual way such a block imports (`import React =
 * require('react')`): it is not taken as a sign. `export {}` alone is not seen either.
 */
const isModule = (facts: FileFacts): boolean =>
  facts.exportedNames !== undefined || facts.hasStarImport === true || facts.imports.some((i) => i.syntax === 'import' || i.syntax === 'export-from');

/** What `^` under the m flag follows: a line break of ECMAScript's (\n, \r, U+2028, U+2029). */
const isLineBreak = (code: number): boolean => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

/**
 * Where a line that goes on with `declare` after spaces and tabs starts, in text order: the only
 * places WILDCARD_MODULE and EXACT_MODULE can match (both begin `^[ \t]*declare`). Found by
 * indexOf, where the two expressions tried every offset of the text for a line start (payload's two
 * generated cloudflare-env.d.ts, 700 KB, 14 names between them: ~8 ms a scan).
 */
const declareLineStarts = (text: string): number[] => {
  const starts: number[] = [];
  // `declare` cannot overlap itself: the next one begins after this one ends.
  for (let at = text.indexOf('declare'); at !== -1; at = text.indexOf('declare', at + 7)) {
    let start = at;
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
    if (start === 0 || isLineBreak(text.charCodeAt(start - 1))) starts.push(start);
  }
  return starts;
};

/**
 * What `text.matchAll(global)` gives, asking `sticky` (the same source, flags `my`) only at the
 * starts: a match of the global expression begins at one of them, and, as the global walk does,
 * one beginning inside the last match (its name may run past a lone \r) is not looked for.
 */
const matchesAt = (text: string, starts: readonly number[], sticky: RegExp): RegExpExecArray[] => {
  const found: RegExpExecArray[] = [];
  let end = 0;
  for (const start of starts) {
    if (start < end) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m === null) continue;
    found.push(m);
    end = start + m[0].length;
  }
  return found;
};

const EMPTY_EXPORT_AT = new RegExp(EMPTY_EXPORT.source, 'my');

/** EMPTY_EXPORT.test(text), asked only where a line begins with `export` (not at every offset of a 400 KB declaration file). */
export const hasEmptyExport = (text: string): boolean => {
  for (let at = text.indexOf('export'); at !== -1; at = text.indexOf('export', at + 6)) {
    if (at !== 0 && !isLineBreak(text.charCodeAt(at - 1))) continue;
    EMPTY_EXPORT_AT.lastIndex = at;
    if (EMPTY_EXPORT_AT.test(text)) return true;
  }
  return false;
};

const WILDCARD_AT = new RegExp(WILDCARD_MODULE.source, 'my');
const EXACT_AT = new RegExp(EXACT_MODULE.source, 'my');

export const wildcardModulesOf = (file: string, text: string): WildcardModule[] => {
  const starts = declareLineStarts(text);
  if (starts.length === 0) return [];
  const wildcardLine = lineCounter(text);
  const exactLine = lineCounter(text);
  return [
    ...matchesAt(text, starts, WILDCARD_AT).map((m) => ({ file, line: wildcardLine(m.index), prefix: m[2], suffix: m[3] })),
    ...matchesAt(text, starts, EXACT_AT).map((m): WildcardModule => ({ file, line: exactLine(m.index), prefix: m[2], suffix: '', exact: true })),
  ];
};

const matches = (pattern: WildcardModule, specifier: string): boolean =>
  pattern.exact
    ? specifier === pattern.prefix
    : specifier.length >= pattern.prefix.length + pattern.suffix.length && specifier.startsWith(pattern.prefix) && specifier.endsWith(pattern.suffix);

const declared = (p: WildcardModule): string => (p.exact ? `'${p.prefix}'` : `'${p.prefix}*${p.suffix}'`);

/**
 * The patterns that type a specifier: an exact name first (each file that declares it, merged);
 * else TypeScript takes the pattern with the longest prefix; the same pattern declared in several
 * files merges, so each of them is read.
 */
const bestMatches = (patterns: readonly WildcardModule[], specifier: string): WildcardModule[] => {
  const exact = patterns.filter((p) => p.exact && p.prefix === specifier);
  if (exact.length > 0) return exact;
  let best: WildcardModule[] = [];
  for (const p of patterns) {
    if (p.exact) continue;
    if (!matches(p, specifier)) continue;
    if (best.length === 0 || p.prefix.length > best[0].prefix.length) best = [p];
    else if (p.prefix.length === best[0].prefix.length && p.suffix === best[0].suffix) best.push(p);
  }
  return best;
};

/** A text's last two UTF-16 code units as one number (a shorter text's are NaN, which count as 0). */
const lastTwoUnits = (text: string): number => (text.charCodeAt(text.length - 2) << 16) | text.charCodeAt(text.length - 1);

const filed = (by: Map<number, WildcardModule[]>, code: number, p: WildcardModule): void => {
  const list = by.get(code);
  if (list === undefined) by.set(code, [p]);
  else list.push(p);
};

export const buildAmbientModuleEdges = (files: readonly FactsOfFile[], importEdges: readonly Edge[], manifests: Manifests): Edge[] => {
  const packageOf = (file: string): string => manifests.nearest(dirname(file), 'package.json') ?? '';
  const byPackage = new Map<string, WildcardModule[]>();
  for (const f of files) {
    if (!DECLARATION.test(f.path) || inNodeModules(f.path) || isModule(f.facts)) continue;
    const text = manifests.text(f.path);
    if (text === null) continue;
    // `export {}` (which the facts do not show) makes the file a module too: its exact names augment.
    const all = wildcardModulesOf(f.path, text);
    const found = all.some((p) => p.exact) && hasEmptyExport(text) ? all.filter((p) => !p.exact) : all;
    if (found.length === 0) continue;
    const pkg = packageOf(f.path);
    byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), ...found]);
  }
  if (byPackage.size === 0) return [];

  // Few imports match any declared name or pattern (payload: 9 of 29,824 edges): the others are
  // set aside by their specifier before any key or file lookup.
  const declaredAnywhere = [...byPackage.values()].flat();
  // Each exact name, and each distinct pattern once, filed under the last two code units it must
  // end with (a name's, a suffix's; one when it has one), else the first its prefix must begin with
  // (`*` alone, which any name matches, apart): told by numbers, where a one-character key string
  // was made and hashed three times for each of payload's 30,000 edges, each specifier hashed for
  // the exact names, and the 18,000 ending in `s` (`.js`) tried against `*.css`, `*.scss`, `*.svg`.
  const byLastTwo = new Map<number, WildcardModule[]>();
  const byLastOne = new Map<number, WildcardModule[]>();
  const byFirst = new Map<number, WildcardModule[]>();
  const anyName: WildcardModule[] = [];
  const fileByEnd = (end: string, p: WildcardModule): void => {
    if (end.length >= 2) filed(byLastTwo, lastTwoUnits(end), p);
    else filed(byLastOne, end.charCodeAt(0), p);
  };
  for (const name of new Set(declaredAnywhere.filter((p) => p.exact).map((p) => p.prefix))) fileByEnd(name, { file: '', line: 0, prefix: name, suffix: '', exact: true });
  for (const p of new Map(declaredAnywhere.filter((p) => !p.exact).map((p) => [`${p.prefix}\0${p.suffix}`, p])).values()) {
    if (p.suffix !== '') fileByEnd(p.suffix, p);
    else if (p.prefix !== '') filed(byFirst, p.prefix.charCodeAt(0), p);
    else anyName.push(p);
  }
  const anyMatches = (patterns: readonly WildcardModule[] | undefined, specifier: string): boolean => {
    if (patterns === undefined) return false;
    for (let i = 0; i < patterns.length; i++) if (matches(patterns[i], specifier)) return true;
    return false;
  };
  // A name that matches ends with what it was filed under, so it is asked under that number (a
  // number another name also gives only adds a pattern to try). A declared name is never empty.
  const mayMatch = (specifier: string): boolean =>
    anyMatches(byLastTwo.get(lastTwoUnits(specifier)), specifier) ||
    anyMatches(byLastOne.get(specifier.charCodeAt(specifier.length - 1)), specifier) ||
    anyMatches(byFirst.get(specifier.charCodeAt(0)), specifier) ||
    (anyName.length > 0 && anyMatches(anyName, specifier));
  let javascript: Set<string> | undefined;
  // One import may give several edges (a condition's pick beside Node's): its types come from a
  // module of its own when any of them is one.
  const imports = new Map<string, { first: Edge; typed: boolean }>();
  for (const edge of importEdges) {
    if (!IMPORT_KINDS.has(edge.kind) || !mayMatch(edge.specifier)) continue;
    javascript ??= new Set(files.filter((f) => languageRecord(f.language)?.ecosystem === 'javascript').map((f) => f.path));
    if (!javascript.has(edge.from)) continue;
    const key = `${edge.from}\0${edge.line}\0${edge.specifier}`;
    // TypeScript does not strip a query (`./shader.ts?raw`): it finds no module for such a name.
    const typed = edge.to !== null && TYPESCRIPT_MODULE.test(edge.to) && !edge.specifier.includes('?');
    const known = imports.get(key);
    if (known) known.typed ||= typed;
    else imports.set(key, { first: edge, typed });
  }
  const edges: Edge[] = [];
  for (const { first, typed } of imports.values()) {
    const patterns = byPackage.get(packageOf(first.from));
    if (patterns === undefined) continue;
    for (const p of bestMatches(patterns, first.specifier)) {
      // A module of its own types the import before any pattern does; an exact name comes first.
      if (p.file === first.from || (typed && !p.exact)) continue;
      const sentence = `read for the import "${first.specifier}" in ${first.from}:${first.line}: TypeScript types it by declare module ${declared(p)} at ${p.file}:${p.line}`;
      edges.push({ from: first.from, to: p.file, kind: 'type-import', line: first.line, specifier: first.specifier, names: first.names, guard: first.guard, via: AMBIENT_MODULE, label: aboutFile(p.file, sentence) });
    }
  }
  return edges;
};

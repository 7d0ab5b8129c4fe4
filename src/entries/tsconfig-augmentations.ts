/**
 * Stop 49: sources a tsconfig's program applies by being in it. A source (`.ts`, `.tsx`, `.mts`,
 * `.cts`) with a top-level `declare global { … }` or `declare module '…' { … }` changes the types
 * of the program's other files: in a module that is an augmentation, which TypeScript merges into
 * the global scope or into the named module for every file of the program that holds it (the
 * handbook's "Declaration Merging": "Module Augmentation", "Global augmentation"); in a script it
 * declares an ambient module, program-wide too. So nothing need import it: Payload's generated
 * `payload-types.ts` ends in `declare module 'payload' { interface GeneratedTypes … }`, which types
 * every `payload.find({ collection })` of its suite; a TanStack Router `router.tsx` registers its
 * router with `declare module '@tanstack/react-router' { interface Register … }`. The declaration
 * files of a program are entries/tsconfig-program.ts's; this is the same rule for sources.
 *
 * The program is read as tsc builds it: `files`, `include` and `exclude` through relative
 * `extends`, `${configDir}` as the config's own folder (resolution/tsconfig-program.ts). The
 * augmentation must stand at the start of a line, outside comments and string or template
 * literals. The entry is tooling, whatever the program's role: the compiler uses the file, nothing
 * runs it (a test suite's generated types file is not one of its tests). Such an entry only types
 * its file, so classification tries it after the roots that run or load files and walks no chain
 * out of it (classify/roots.ts): a file a test imports keeps that chain, the entry decides only for
 * a file nothing else reaches, and what the file imports is not used because of it.
 * A source that exports without augmenting stays a module that must be imported. A `declare module
 * 'x'` counts only when some other repo file imports x's package or a subpath of it (or, for a
 * wildcard `'*.svg'`, a matching specifier): augmenting a package nothing imports (typings left behind when
 * the dependency went) types nothing. A `declare global` always counts.
 */
import { sortedPaths } from '../util/file-index.js';
import { parseJsonc } from '../util/jsonc.js';
import { programListing } from '../languages/javascript/resolution/tsconfig-program.js';
import { isPathSpecifier, packageNameOf } from '../languages/javascript/resolution/specifier.js';
import { fileEntry } from './support/inputs.js';
import { augmentationIn, DECLARATION, listingsWhere, TSCONFIG } from './tsconfig-program.js';
import { emptyOutput, type DetectorContext, type EntryDetector } from './types.js';

/** A source TypeScript compiles; a declaration file (DECLARATION) is tsconfig-program's. */
const TS_SOURCE = /\.(?:[cm]?ts|tsx)$/;
/**
 * A source's first top-level augmentation (`declare module 'payload'`), with its line; null when it
 * has none: tsconfig-program.ts's augmentationIn at column 0 (a source's augmentation is top-level).
 */
export const sourceAugmentation = (text: string, applies: (module: string) => boolean = () => true): { what: string; line: number } | null =>
  augmentationIn(text, { applies });

/** Whether an import specifier matches a wildcard module name's one `*` (`*.svg`, `virtual:*`). */
const matchesWildcard = (specifier: string, name: string, star: number): boolean => {
  const prefix = name.slice(0, star);
  const suffix = name.slice(star + 1);
  return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
};

/**
 * Up to two repo files (not node_modules') that import what `imports` accepts, found by one pass
 * over the extracted facts that stops at the second. A pass per module name asked (payload: a
 * handful), not a map of every import of the repo: few sources augment, and most of the names
 * they augment are imported at once.
 */
const firstImporters = (facts: NonNullable<DetectorContext['facts']>, sorted: readonly string[], imports: (specifier: string) => boolean): string[] => {
  const found: string[] = [];
  for (const f of sorted) {
    if (f.includes('node_modules/')) continue;
    for (const { specifier } of facts(f)?.imports ?? []) {
      if (!imports(specifier)) continue;
      found.push(f);
      if (found.length === 2) return found;
      break;
    }
  }
  return found;
};

/** Per file set, per package name (or wildcard `*` name), its first two importers. */
const importersOf = new WeakMap<readonly string[], Map<string, string[]>>();

/**
 * Whether a file other than `file` imports the module a `declare module` in it names: its package
 * or a subpath of it (payload's `declare module 'react-select/dist/declarations/src/Select'` types
 * what `import … from 'react-select'` gives), or for a wildcard name a matching specifier. A
 * relative name (augmenting a repo file) is taken as it is; without facts nothing can be checked,
 * so all count.
 */
const importedElsewhere = (ctx: DetectorContext, sorted: readonly string[], file: string) => (name: string): boolean => {
  const facts = ctx.facts;
  if (facts === undefined || isPathSpecifier(name)) return true;
  let byName = importersOf.get(sorted);
  if (byName === undefined) importersOf.set(sorted, (byName = new Map()));
  const star = name.indexOf('*');
  const key = star < 0 ? packageNameOf(name) : `*${name}`;
  let files = byName.get(key);
  if (files === undefined) {
    // A specifier's package name is a piece of it: `includes` turns away the rest before packageNameOf.
    const imports = star < 0
      ? (specifier: string) => specifier.includes(key) && !isPathSpecifier(specifier) && packageNameOf(specifier) === key
      : (specifier: string) => matchesWildcard(specifier, name, star);
    byName.set(key, (files = firstImporters(facts, sorted, imports)));
  }
  return files.some((f) => f !== file);
};

interface AugmentingSource {
  file: string;
  what: string;
  line: number;
}

/**
 * The repo's sources with a top-level augmentation, outside node_modules, found once per file set
 * (keyed by the file index's sorted list, rebuilt exactly when the index is).
 */
const augmentingOf = new WeakMap<readonly string[], AugmentingSource[]>();
const augmentingSources = (ctx: DetectorContext): readonly AugmentingSource[] => {
  const sorted = sortedPaths(ctx.files);
  let found = augmentingOf.get(sorted);
  if (!found) {
    found = [];
    for (const f of sorted) {
      if (!TS_SOURCE.test(f) || DECLARATION.test(f) || f.includes('node_modules/')) continue;
      // Extraction records whether the text holds `declare` (text-marks.ts): only those are read (payload: 225 of 6,843 sources).
      const marks = ctx.facts?.(f)?.textMarks;
      if (marks !== undefined && !marks.includes('declare')) continue;
      const augmentation = sourceAugmentation(ctx.manifests.transientText(f) ?? '', importedElsewhere(ctx, sorted, f));
      if (augmentation !== null) found.push({ file: f, ...augmentation });
    }
    augmentingOf.set(sorted, found);
  }
  return found;
};

const tsconfigAugmentations: EntryDetector = {
  id: 'tsconfig-augmentations',
  title: 'sources with a module augmentation in a tsconfig program (files, include, exclude, extends)',
  matches: (path, name) => TSCONFIG.test(name) && !path.includes('node_modules/'),
  candidates: { extensions: ['json'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const sources = augmentingSources(ctx);
    if (sources.length === 0) return out;
    // tsconfig-program warns about a tsconfig that does not parse; here it only gives no program.
    if (!('value' in parseJsonc(file.text))) return out;
    const listing = programListing(ctx.manifests, file.path);
    const whereOf = listingsWhere(ctx, file);
    for (const source of sources) {
      const listed = listing(source.file);
      if (listed === null) continue;
      const { where, line } = whereOf(listed);
      out.entries.push(fileEntry(source.file, 'tooling', `${where}: in the TypeScript program, which applies its ${source.what} (line ${source.line}) to the program's other files`, line));
    }
    return out;
  },
};

export default tsconfigAugmentations;

/**
 * Stop 57: an import that runs only while tests run, because a module flag only tests switch on
 * guards it. limnoria's 70 plugin packages each end with `if world.testing: from . import test`
 * (plugins/Admin/__init__.py:55); supybot/world.py:213 sets `testing = False`, and only
 * usr/bin/supybot-test:203 (an installed test command) and plugin test modules store True. The
 * plugin's test.py is therefore loaded by the tests, not by the bot: the import's edge is held
 * until the test tier (like a test's sys.modules swap, graph/import-edges.ts), so a production
 * importer makes it test, not production.
 *
 * Reading `if X.testing:` as test-only in general is unsafe (review s56-rm2: Flask's `app.testing`
 * or a `config.testing` switch production features), so the rule holds only when all of these do:
 * - the flag is a name with `test` in it (`testing`, `TEST_MODE`) that a repo module M assigns a
 *   false literal (`False`, `0`, `None`) at its top level, once, and M stores it nowhere else;
 * - the importer binds M by an import at its top level and the import sits in the body of
 *   `if <that name>.<flag>:` (no `not`, no `or`: the body runs only when the flag is true);
 * - every store of anything but a false literal to `<anything>.<flag>` (or `setattr(…, '<flag>', …)`)
 *   in any Python file of the tree lies in a file that runs only under tests: a test module or a
 *   file in a test folder (test-marks.ts), or a root an entry detector gave the kind test (an
 *   installed test command), and no file some detector made a root of another kind. One store elsewhere (production code switching the flag on) and the
 *   import stays a plain edge. Any object's `.flag` counts as a store, so an unrelated
 *   `app.testing = True` in production code also keeps the edge: a miss, never a false test.
 * - at least one test stores it (review s57-rm2: a flag nothing visibly stores may be set by a
 *   config loader), and nothing stores into M by a computed name: SELF_DYNAMIC in M, or
 *   storesComputed / SYS_MODULES_SETATTR in a file outside the tests.
 *
 * The importers' and flag modules' texts are read only when a module defines such a name; every
 * Python file's text only when a guarded import was found.
 */
import { TEST_FLAG, type Edge } from '../../model/edge.js';
import type { FileFacts, ImportFact } from '../../model/facts.js';
import { lineAt } from '../../util/lines.js';
import { basename } from '../../util/path.js';
import { isTestModuleName, TEST_FOLDER } from './test-marks.js';

interface PyFile {
  path: string;
  language: string;
  facts: FileFacts;
}

const FLAG_NAME = /test/i;
const FALSE_LITERAL = /^(?:False|0|None)$/;
const IDENT = /^[A-Za-z_]\w*$/;

interface Roots {
  /** Files an entry detector made a test root. */
  test: ReadonlySet<string>;
  /** Files an entry detector made a root of another kind: a store there may run outside the tests (review s57-rm2 #4). */
  other: ReadonlySet<string>;
}

const runsOnlyUnderTest = (path: string, roots: Roots): boolean =>
  !roots.other.has(path) && (roots.test.has(path) || TEST_FOLDER.test(path) || isTestModuleName(basename(path)));

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Flag name → its line in `text` when the module assigns it a false literal once at its top level and stores it nowhere else. */
export const falseFlags = (text: string, names: readonly string[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const name of names) {
    // Greedy to the comment and trimmed in code: a lazy value before `[ \\t]*` backtracked quadratically on a line of spaces (review s57-rm2 #2).
    const top = new RegExp(`^${escaped(name)}[ \\t]*=(?!=)([^\\n#]*)`, 'gm');
    const found = [...text.matchAll(top)];
    if (found.length !== 1 || !FALSE_LITERAL.test(found[0][1].trim())) continue;
    // Another store anywhere in the module (a def's `global` store, an augmented one, a second top-level one): not a constant flag.
    const stores = text.match(new RegExp(`(?<![\\w.])${escaped(name)}[ \\t]*(?:[-+*/|&^]|//|<<|>>)?=(?!=)`, 'g'))?.length ?? 0;
    if (stores !== 1 || new RegExp(`\\bglobal\\b[^\\n]*\\b${escaped(name)}\\b`).test(text)) continue;
    out.set(name, lineAt(text, found[0].index!));
  }
  return out;
};

/**
 * Review s57-rm2 #1: a store by a computed name a reader of the flag module cannot check (a config
 * loader's `setattr(sys.modules[__name__], key, value)`, `globals().update(cfg)`) in the module itself…
 */
const SELF_DYNAMIC = /\bglobals[ \t]*\(|\bsys[ \t]*\.[ \t]*modules[ \t]*\[[ \t]*__name__\b|\b__dict__\b|\bvars[ \t]*\([ \t]*\)/;
/** …or a setattr by a computed name on a module looked up by name, in any file outside the tests (the key bounded: unbounded, a line of `setattr(sys.modules[` was quadratic). */
export const SYS_MODULES_SETATTR = /\bsetattr[ \t]*\([ \t]*sys[ \t]*\.[ \t]*modules[ \t]*\[[^\]\n]{0,200}\][ \t]*,[ \t]*(?![ \t'"])/;

/** Whether `text` stores into the module it binds as `holder` by a computed name: `setattr(holder, key, …)`, `holder.__dict__`, `vars(holder)`. */
const storesComputed = (text: string, holder: string): boolean => {
  const h = escaped(holder).replace(/\\\./g, '[ \\t]*\\.[ \\t]*');
  return new RegExp(`\\bsetattr[ \\t]*\\([ \\t]*${h}[ \\t]*,[ \\t]*(?![ \\t'"])|(?<![\\w.])${h}[ \\t]*\\.[ \\t]*__dict__\\b|\\bvars[ \\t]*\\([ \\t]*${h}[ \\t]*\\)`).test(text);
};

/** The name an import binds to the module `target` (a top-level import only unless `anywhere`), or null. */
const boundName = (fact: ImportFact, edge: Edge, anywhere = false): string | null => {
  if (!anywhere && (fact.guard !== null || fact.within !== undefined)) return null;
  if (fact.syntax === 'import') return fact.alias ?? fact.specifier;
  if (fact.syntax !== 'from' || edge.names.length !== 1) return null;
  const n = fact.names.find((x) => x.name === edge.names[0]);
  return n === undefined || n.name === '*' ? null : (n.alias ?? n.name);
};

/** The lines of `text` inside the body of an `if <holder>.<flag>:` header, with that header's line. */
const guardedLines = (text: string, holder: string, flag: string): Map<number, number> => {
  const out = new Map<number, number>();
  const lines = text.split('\n');
  const header = new RegExp(`^([ \\t]*)if[ \\t]+${escaped(holder)}[ \\t]*\\.[ \\t]*${escaped(flag)}[ \\t]*:[ \\t]*(?:#.*)?\\r?$`);
  for (let i = 0; i < lines.length; i++) {
    const m = header.exec(lines[i]);
    if (m === null) continue;
    const indent = m[1].length;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      const body = line.trimStart();
      if (body === '' || body === '\r' || body.startsWith('#')) continue;
      if (line.length - body.length <= indent) break;
      out.set(j + 1, i + 1);
    }
  }
  return out;
};

/** Every store of a value other than a false literal to `.flag` (or by setattr) in `text`: its line. */
export const trueStores = (text: string, flag: string): number[] => {
  const out: number[] = [];
  const attr = new RegExp(`\\.[ \\t]*${escaped(flag)}[ \\t]*(?:([-+*/|&^]|//|<<|>>)?=)(?!=)[ \\t]*([^\\n#;]*)`, 'g');
  for (const m of text.matchAll(attr)) {
    if (m[1] === undefined && FALSE_LITERAL.test(m[2].trim())) continue;
    out.push(lineAt(text, m.index!));
  }
  // Only the second argument: a scan to the line's `)` from every `setattr(` was quadratic on a line of them (review s57-rm2 #3).
  const set = new RegExp(`setattr[ \\t]*\\((?:[^,()\\n]|\\([^()\\n]*\\))*,\\s*(['"])${escaped(flag)}\\1`, 'g');
  for (const m of text.matchAll(set)) out.push(lineAt(text, m.index!));
  return out;
};

interface Guarded {
  edges: Edge[];
  holder: string;
  module: string;
  flag: string;
  flagLine: number;
}

/**
 * Holds the import edges of imports that run only when a test-only flag is on (see the file's
 * comment): each gets `via: test-flag` and a label that says why. `edges` are the scan's import
 * edges; `entries` the scan's entries (a file that is a test root and no other kind of root runs only under tests).
 */
export const holdTestFlagImports = (files: readonly PyFile[], edges: Edge[], readText: (path: string) => string | null, entries: readonly { file: string | null; kind: string }[]): void => {
  const test = new Set<string>();
  const other = new Set<string>();
  for (const e of entries) if (e.file !== null) (e.kind === 'test' ? test : other).add(e.file);
  const roots: Roots = { test, other };
  const flagsOf = new Map<string, Map<string, number>>();
  for (const f of files) {
    if (f.language !== 'python' || runsOnlyUnderTest(f.path, roots)) continue;
    const names = f.facts.definitions.filter((d) => FLAG_NAME.test(d) && IDENT.test(d));
    if (names.length === 0) continue;
    const text = readText(f.path);
    if (text === null || SELF_DYNAMIC.test(text)) continue;
    const flags = falseFlags(text, names);
    if (flags.size > 0) flagsOf.set(f.path, flags);
  }
  if (flagsOf.size === 0) return;

  const factsOf = new Map(files.map((f) => [f.path, f.facts]));
  const byImporter = new Map<string, Edge[]>();
  for (const e of edges) {
    if (e.to === null || e.kind !== 'import' || !flagsOf.has(e.to)) continue;
    const list = byImporter.get(e.from);
    if (list === undefined) byImporter.set(e.from, [e]);
    else list.push(e);
  }
  const edgesByLine = new Map<string, Edge[]>();
  for (const e of edges) {
    if (e.to === null || !byImporter.has(e.from)) continue;
    const key = `${e.from}\n${e.line}`;
    const list = edgesByLine.get(key);
    if (list === undefined) edgesByLine.set(key, [e]);
    else list.push(e);
  }

  const guarded: Guarded[] = [];
  for (const [importer, toFlagModule] of byImporter) {
    const facts = factsOf.get(importer);
    if (facts === undefined) continue;
    let text: string | null | undefined;
    for (const e of toFlagModule) {
      const fact = facts.imports.find((i) => i.line === e.line && i.specifier === e.specifier);
      const holder = fact === undefined ? null : boundName(fact, e);
      if (holder === null) continue;
      text ??= readText(importer);
      if (text === null) break;
      for (const [flag, flagLine] of flagsOf.get(e.to!)!) {
        const inside = guardedLines(text, holder, flag);
        if (inside.size === 0) continue;
        const held = facts.imports.filter((i) => inside.has(i.line) && i.guard === null && i.within === undefined)
          .flatMap((i) => (edgesByLine.get(`${importer}\n${i.line}`) ?? []).filter((x) => x.specifier === i.specifier && x.to !== importer));
        if (held.length > 0) guarded.push({ edges: held, holder, module: e.to!, flag, flagLine });
      }
    }
  }
  if (guarded.length === 0) return;

  // A module a file outside the tests stores into by a computed name (a config or option loader) may have its flag switched on in production.
  const dynamic = new Set<string>();
  for (const [importer, toFlagModule] of byImporter) {
    const facts = factsOf.get(importer);
    if (facts === undefined || runsOnlyUnderTest(importer, roots)) continue;
    const text = readText(importer);
    if (text === null) continue;
    for (const e of toFlagModule) {
      const fact = facts.imports.find((i) => i.line === e.line && i.specifier === e.specifier);
      const holder = fact === undefined ? null : boundName(fact, e, true);
      if (holder !== null && storesComputed(text, holder)) dynamic.add(e.to!);
    }
  }

  // Where each flag is stored true, by flag name: a store outside the tests (in any file) voids it. One read of each
  // file serves every flag; a computed store into sys.modules outside the tests voids them all.
  const flags = [...new Set(guarded.map((g) => g.flag))];
  const storesOf = new Map<string, { path: string; line: number }[] | null>(flags.map((flag) => [flag, []]));
  for (const f of files) {
    if (f.language !== 'python') continue;
    const text = readText(f.path);
    if (text === null) continue;
    const testOnly = runsOnlyUnderTest(f.path, roots);
    if (!testOnly && text.includes('setattr') && SYS_MODULES_SETATTR.test(text)) {
      for (const flag of flags) storesOf.set(flag, null);
      break;
    }
    for (const flag of flags) {
      const stores = storesOf.get(flag);
      if (stores == null || !text.includes(flag)) continue;
      const lines = trueStores(text, flag);
      if (lines.length === 0) continue;
      if (!testOnly) storesOf.set(flag, null);
      else for (const line of lines) stores.push({ path: f.path, line });
    }
  }

  for (const g of guarded) {
    const stores = storesOf.get(g.flag);
    // Review s57-rm2 #1: no test storing the flag is no evidence that only tests switch it on (a loader the reading missed may).
    if (stores == null || stores.length === 0 || dynamic.has(g.module)) continue;
    const named = stores.slice(0, 2).map((s) => `${s.path}:${s.line}`).join(', ') + (stores.length > 2 ? ` and ${stores.length - 2} more` : '');
    const why = `, under \`if ${g.holder}.${g.flag}:\`, true only while tests run (${g.module}:${g.flagLine} sets ${g.flag} to a false value; only tests store another value to a \`.${g.flag}\`: ${named})`;
    for (const e of g.edges) {
      if (e.via === TEST_FLAG) continue;
      e.via = TEST_FLAG;
      e.label = `${e.label ?? ''}${why}`;
    }
  }
};

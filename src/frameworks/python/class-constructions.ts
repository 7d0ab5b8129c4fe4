/**
 * Stop 66: where a class is constructed, by its name. A package walk (package-walks.ts) runs only
 * when an object of the subclass exists: nova's `filters.HostFilterHandler()` (scheduler/host_manager.py:335)
 * and `HostFilterHandler().get_all_classes()` (scheduler/filters/__init__.py:64). A subclass that no
 * file calls by name is never made, so its base's walk never runs for it and the modules of its
 * package are loaded by nothing. A call counts where the name is the subclass's: in its own file, as
 * `pkg.Name(` with pkg the last part of the subclass's module (`fake_loadables.FakeLoader()`), or as
 * a bare `Name(` in a file that imports Name from a module of that last part; nova's
 * tests/unit/api/test_auth.py:150 `TestPipeLineFactory.FakeLoader()` is another class of that name.
 * Review of stop 66: an import's `as` names count too (`from pkg.weighers import HostWeightHandler as
 * Handler` then `Handler()`; `import pkg.weighers as w` or `from pkg import weighers as w` then
 * `w.HostWeightHandler()`): missed, the walk did not run and its package's modules looked dead.
 */
import { sortedPaths } from '../../util/file-index.js';
import type { FrameworkContext } from '../types.js';

/** Where a class is called: the file and the 1-based line of the first call there. */
export interface Construction {
  file: string;
  line: number;
}

/** A call of one of the names: `Name(` or `mod.Name(` (the qualifier kept), not a word that ends in the name. */
const callsOf = (names: readonly string[]): RegExp => new RegExp(String.raw`(?:^|[^\w.])((?:[A-Za-z_]\w*\.)*)(${names.join('|')})\s*\(`, 'g');

const lastPart = (dotted: string): string => dotted.slice(dotted.lastIndexOf('.') + 1);

/** A class to find calls of: its name, its file and the last part of its module (the package's folder name for an `__init__.py`). */
export interface ConstructedClass {
  name: string;
  file: string;
  module: string;
}

/** `class Name(` (its header) and `super(Name, self)` are no construction. */
const notCall = (line: string, at: number): boolean => /\bclass\s+$/.test(line.slice(0, at)) || /\bsuper\s*\(\s*$/.test(line.slice(0, at));

/**
 * For each class, the first call of it (where the name is the class's, see above) in each .py file
 * of the scan, in path order. A file holding none of the names is not split into lines.
 */
export const constructionsOf = (ctx: FrameworkContext, classes: readonly ConstructedClass[]): Map<ConstructedClass, Construction[]> => {
  const out = new Map<ConstructedClass, Construction[]>();
  const wanted = [...new Set(classes.map((c) => c.name))].filter((n) => /^[A-Za-z_]\w*$/.test(n));
  if (wanted.length === 0) return out;
  const any = new RegExp(String.raw`\b(?:${wanted.join('|')})\b`);
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py')) continue;
    const text = ctx.readText(file);
    if (text === null || !any.test(text)) continue;
    const imports = ctx.facts(file)?.imports ?? [];
    /** The file's bare names of a class: its own name in its own file, a name (or its `as` name) imported from a module of that last part. */
    const bareNames = (c: ConstructedClass): Set<string> => {
      const out = new Set<string>(c.file === file ? [c.name] : []);
      for (const i of imports) if (lastPart(i.specifier) === c.module) for (const n of i.names) if (n.name === c.name) out.add(n.alias ?? n.name);
      return out;
    };
    /** The file's names of a class's module: its last part, and an `as` name given it (`import a.m as w`, `from a import m as w`). */
    const moduleNames = (c: ConstructedClass): Set<string> => {
      const out = new Set<string>([c.module]);
      for (const i of imports) {
        if (i.alias !== undefined && lastPart(i.specifier) === c.module) out.add(i.alias);
        for (const n of i.names) if (n.name === c.module && n.alias !== undefined) out.add(n.alias);
      }
      return out;
    };
    const local = classes.map((c) => ({ c, bare: bareNames(c), heads: moduleNames(c) }));
    const names = new Set(wanted);
    for (const { bare } of local) for (const n of bare) if (/^[A-Za-z_]\w*$/.test(n)) names.add(n);
    const calls = callsOf([...names]);
    const seen = new Set<ConstructedClass>();
    const lines = text.split('\n');
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l];
      if (line.trimStart().startsWith('#')) continue;
      for (const m of line.matchAll(calls)) {
        const [, qualifier, name] = m;
        const at = (m.index ?? 0) + m[0].indexOf(qualifier + name);
        if (notCall(line, at)) continue;
        const owner = qualifier.slice(0, -1);
        const head = lastPart(owner);
        for (const { c, bare, heads } of local) {
          if (seen.has(c)) continue;
          if (owner === '' ? !bare.has(name) : c.name !== name || !heads.has(head)) continue;
          seen.add(c);
          (out.get(c) ?? out.set(c, []).get(c)!).push({ file, line: l + 1 });
        }
      }
    }
  }
  return out;
};

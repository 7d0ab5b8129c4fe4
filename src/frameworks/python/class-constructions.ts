/**
 * Stop 66: where a class is constructed, by its name. A package walk (package-walks.ts) runs only
 * when an object of the subclass exists: nova's `filters.HostFilterHandler()` (scheduler/host_manager.py:335)
 * and `HostFilterHandler().get_all_classes()` (scheduler/filters/__init__.py:64). A subclass that no
 * file calls by name is never made, so its base's walk never runs for it and the modules of its
 * package are loaded by nothing. A call counts where the name is the subclass's: in its own file, as
 * `pkg.Name(` with pkg the last part of the subclass's module (`fake_loadables.FakeLoader()`), or as
 * a bare `Name(` in a file that imports Name from a module of that last part; nova's
 * tests/unit/api/test_auth.py:150 `TestPipeLineFactory.FakeLoader()` is another class of that name.
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
  const calls = callsOf(wanted);
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py')) continue;
    const text = ctx.readText(file);
    if (text === null || !any.test(text)) continue;
    const imports = ctx.facts(file)?.imports ?? [];
    /** Whether the file's bare `name` is the class's: its own file, or an import of name from a module of that last part. */
    const bare = (c: ConstructedClass): boolean =>
      c.file === file || imports.some((i) => i.specifier.slice(i.specifier.lastIndexOf('.') + 1) === c.module && i.names.some((n) => n.name === c.name && (n.alias ?? n.name) === c.name));
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
        const head = owner.slice(owner.lastIndexOf('.') + 1);
        for (const c of classes) {
          if (c.name !== name || seen.has(c)) continue;
          if (owner === '' ? !bare(c) : head !== c.module) continue;
          seen.add(c);
          (out.get(c) ?? out.set(c, []).get(c)!).push({ file, line: l + 1 });
        }
      }
    }
  }
  return out;
};

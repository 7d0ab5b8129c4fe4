/**
 * Stop 66: where a class is constructed, by its name. A package walk (package-walks.ts) runs only
 * when an object of the subclass exists: nova's `filters.HostFilterHandler()` (scheduler/host_manager.py:335)
 * and `HostFilterHandler().get_all_classes()` (scheduler/filters/__init__.py:64). A subclass that no
 * file calls by name is never made, so its base's walk never runs for it and the modules of its
 * package are loaded by nothing.
 */
import { sortedPaths } from '../../util/file-index.js';
import type { FrameworkContext } from '../types.js';

/** Where a class is called: the file and the 1-based line of the first call there. */
export interface Construction {
  file: string;
  line: number;
}

/** A call of one of the names: `Name(` or `mod.Name(`, not a word that ends in the name. */
const callsOf = (names: readonly string[]): RegExp => new RegExp(String.raw`(?:^|[^\w])(${names.join('|')})\s*\(`, 'g');

/** `class Name(` (its header) and `super(Name, self)` are no construction. */
const notCall = (line: string, at: number): boolean => /\bclass\s+$/.test(line.slice(0, at)) || /\bsuper\s*\(\s*$/.test(line.slice(0, at));

/**
 * For each name, the first call of it in each .py file of the scan, in path order. Names are plain
 * identifiers (class names); a file without any of them is not split into lines.
 */
export const constructionsOf = (ctx: FrameworkContext, names: ReadonlySet<string>): Map<string, Construction[]> => {
  const out = new Map<string, Construction[]>();
  const wanted = [...names].filter((n) => /^[A-Za-z_]\w*$/.test(n));
  if (wanted.length === 0) return out;
  const any = new RegExp(String.raw`\b(?:${wanted.join('|')})\b`);
  const calls = callsOf(wanted);
  for (const file of sortedPaths(ctx.files)) {
    if (!file.endsWith('.py')) continue;
    const text = ctx.readText(file);
    if (text === null || !any.test(text)) continue;
    const seen = new Set<string>();
    const lines = text.split('\n');
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l];
      if (line.trimStart().startsWith('#')) continue;
      for (const m of line.matchAll(calls)) {
        const name = m[1];
        const at = (m.index ?? 0) + m[0].indexOf(name);
        if (seen.has(name) || notCall(line, at)) continue;
        seen.add(name);
        (out.get(name) ?? out.set(name, []).get(name)!).push({ file, line: l + 1 });
      }
    }
  }
  return out;
};

/**
 * Stop 66: the package prefixes a subclass gives a loader method it inherits. docutils'
 * LanguageImporter loops `for package in self.packages: import_module(package+name)`
 * (docutils/languages/__init__.py:40-42) over its class attribute `packages = ('docutils.languages.', '')`;
 * RstLanguageImporter(LanguageImporter) sets `packages = ('docutils.parsers.rst.languages.', '')`
 * (docutils/parsers/rst/languages/__init__.py:29) and inherits the method, so its instance loads from
 * that package. A subclass counts where its file imports the base by name (`from … import Base`) or
 * is the base's own file, its `class Sub(…Base…):` line names the base, and its body sets the attribute
 * on one line to a literal tuple or list whose every item is a dotted package with its dot, or ''.
 * The edge goes from the subclass's file: the prefix is used only where the subclass is.
 */
import type { FrameworkContext } from '../types.js';
import { importIndex } from './python-files.js';
import { trailingDotPackages } from './loader-templates.js';

export interface SubclassPrefix {
  file: string;
  className: string;
  /** The line of the attribute's assignment in the class body. */
  line: number;
  /** `'pkg.sub.'`: the package with its dot. */
  prefix: string;
}

const CLASS_LINE = /^class\s+([A-Za-z_]\w*)\s*\(([^)]*)\)\s*:/;
/** Files read per base class: a hostile tree of thousands of importers costs no more. */
const MAX_FILES = 200;

export const subclassPrefixes = (ctx: FrameworkContext, baseFile: string, base: string, attr: string): SubclassPrefix[] => {
  const files = [baseFile, ...(importIndex(ctx).byFromName.get(base) ?? []).filter((f) => f !== baseFile)].slice(0, MAX_FILES);
  const out: SubclassPrefix[] = [];
  const namesBase = new RegExp(`(?:^|[\\s,.])${base}\\s*(?:,|$)`);
  // The value is cut at its first `#` by hand: a lazy `(.+?)\s*(?:#.*)?$` retries `\s*` at every char
  // and is quadratic on a long run of spaces (a 200 KB line took minutes).
  const setsAttr = new RegExp(`^\\s+${attr}\\s*=\\s*(.+)$`);
  for (const file of files) {
    const text = ctx.readText(file);
    if (text === null || !text.includes(base)) continue;
    const lines = text.split('\n');
    for (let l = 0; l < lines.length; l++) {
      const m = CLASS_LINE.exec(lines[l]);
      if (m === null || m[1] === base || !namesBase.test(m[2])) continue;
      // The class body: the indented lines below, up to the next line at the left margin; an
      // assignment counts at the body's own indent (a method's local `packages = …` is deeper).
      let indent = -1;
      for (let b = l + 1; b < lines.length && (lines[b].trim() === '' || /^\s/.test(lines[b])); b++) {
        if (lines[b].trim() === '') continue;
        const at = lines[b].length - lines[b].trimStart().length;
        if (indent < 0) indent = at;
        const set = at === indent ? setsAttr.exec(lines[b]) : null;
        const hash = set === null ? -1 : set[1].indexOf('#', 1);
        const value = set === null ? '' : (hash < 0 ? set[1] : set[1].slice(0, hash)).trimEnd();
        if (set !== null) for (const prefix of trailingDotPackages(value)) out.push({ file, className: m[1], line: b + 1, prefix });
      }
    }
  }
  return out;
};

/**
 * Stop 59: a repo loader handed to a function as a parameter of the same name, then called there with
 * a module name under a package. powerline's segment.py:254 `def gen_segment_getter(pl, ext, …,
 * get_module_attr, top_theme)` gets the loader of __init__.py (`def get_module_attr(module, attr, …)`
 * around `__import__(module, …)` at :392) and its nested get_selector calls `get_module_attr(module,
 * …)` (:270) after `module = 'powerline.selectors.' + ext` (:269): any module of powerline.selectors.
 *
 * A loader is a def of a file with a computed import whose parameter goes straight into a core load
 * call (attribute-templates' fileLoaders). Read: a def with a parameter named like one (not `self`-bound,
 * no attribute: the bare name), its bare calls of that name in its body (nested defs too, unless one
 * takes a parameter of that name again), the module argument a template under a literal package
 * (prefixed-imports' childTemplateOf), directly or assigned on its own line just above. A parameter
 * that merely shares a loader's name, called with a literal, a computed head, or a package the repo
 * lacks, gives nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths } from '../../util/file-index.js';
import { lineStarts } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { CORE_LOADS } from '../../languages/python/loader-names.js';
import { splitCommas } from '../../languages/python/sys-path.js';
import { assignmentAbove, firstComputedImport, indentOf } from './python-files.js';
import { childTemplateOf, moduleConstants, templateChildren } from './prefixed-imports.js';
import { blankComments } from './package-paths.js';
import { blank, DEF, fileLoaders, MAX_LINE, paramsOf } from './attribute-templates.js';

/** The repo's loader defs by name → where one is defined and its module parameter's index (past `self`). */
const repoLoaders = (ctx: FrameworkContext, py: readonly string[]): Map<string, { file: string; index: number }> => {
  const out = new Map<string, { file: string; index: number }>();
  const core: ReadonlySet<string> = new Set(CORE_LOADS);
  for (const file of py) {
    if (ctx.facts(file)?.computedImportLines === undefined) continue;
    const text = ctx.readText(file);
    if (text === null) continue;
    for (const [name, index] of fileLoaders(text.split('\n'))) if (!core.has(name) && !out.has(name)) out.set(name, { file, index });
  }
  return out;
};

export const collectHandedLoaders = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const py = sortedPaths(ctx.files).filter((f) => f.endsWith('.py'));
  const loaders = repoLoaders(ctx, py);
  if (loaders.size === 0) return out;
  const names = [...loaders.keys()].map(escapeRegExp).join('|');
  const anyCall = new RegExp(String.raw`(?<![\w.])(?:${names})\(`);
  const argList = String.raw`\(([^()]*(?:\([^()]*\)[^()]*)*)\)`;
  for (const file of py) {
    const text = ctx.readText(file);
    if (text === null || !anyCall.test(text)) continue;
    // A call in a comment after code (`x = 1  # was get_module_attr('app.old.' + ext, …)`) loads nothing.
    const lines = blankComments(text).split('\n');
    let starts: number[] | undefined;
    let constants: Map<string, string> | undefined;
    const seen = new Set<string>();
    for (let l = 0; l < lines.length; l++) {
      const def = lines[l].length > MAX_LINE ? null : DEF.exec(lines[l]);
      if (def === null) continue;
      const handed = paramsOf(def[3]).filter((p) => loaders.has(p));
      for (const name of handed) {
        const { file: from, index } = loaders.get(name)!;
        if (from === file) continue;
        const call = new RegExp(String.raw`(?<![\w.])${escapeRegExp(name)}${argList}`, 'g');
        // Nested defs that take the name again (their own parameter) hide it to the end of their body.
        let hiddenBelow = -1;
        for (let k = l + 1; k < lines.length; k++) {
          if (blank(lines[k])) continue;
          if (indentOf(lines[k]) <= indentOf(def[1])) break;
          if (lines[k].length > MAX_LINE) continue;
          if (hiddenBelow >= 0 && indentOf(lines[k]) > hiddenBelow) continue;
          hiddenBelow = -1;
          const inner = DEF.exec(lines[k]);
          if (inner !== null) {
            if (paramsOf(inner[3]).includes(name)) hiddenBelow = indentOf(inner[1]);
            continue;
          }
          for (const m of lines[k].matchAll(call)) {
            const arg = splitCommas(m[1])?.[index]?.trim();
            if (arg === undefined || arg === '') continue;
            const assigned = /^[A-Za-z_]\w*$/.test(arg) ? assignmentAbove(text, (starts ??= lineStarts(text)), k + 1, arg) : null;
            // The assignment in the call's own body: one above a def line between belongs to another function.
            if (assigned !== null && lines.slice(assigned.line, k).some((x) => DEF.test(x))) continue;
            const value = assigned?.value ?? arg;
            const template = childTemplateOf(value, (constants ??= moduleConstants(text)));
            if (template === null) continue;
            const key = `${template.prefix}\0${template.tail}\0${k}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const detail = `(${m[0].replace(/\s+/g, ' ')}${assigned === null ? '' : `, ${arg} = ${value.replace(/\s+/g, ' ')} at line ${assigned.line}`}; ${name} is the parameter of ${def[2]} at line ${l + 1}, named as the loader ${from} defines)`;
            for (const t of templateChildren(ctx, template, file, k + 1, detail, `${file}:${k + 1} loads through the handed ${name}`)) {
              if (t.target !== file) out.references.push({ from: file, target: t.target, targetKind: 'file', line: k + 1, label: t.label });
            }
          }
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'handed-loaders',
  title: 'Python loaders handed to a function as a parameter and called there with a module under a package',
  ecosystem: 'python',
  enabledBy: firstComputedImport,
  collect: collectHandedLoaders,
};

export default reader;

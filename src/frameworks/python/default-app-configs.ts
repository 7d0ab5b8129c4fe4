/**
 * Stop 63: Django (before 4.1) reads an installed app package's `default_app_config` attribute as
 * the dotted path of its AppConfig class and imports that module when the apps are set up. The
 * package sets it in its own `__init__.py` (`default_app_config = 'blog.apps.BlogConfig'`), or the
 * program sets it on another package before setup: FreedomBox's plinth/__main__.py:15
 * `axes.default_app_config = 'plinth.axes_app_config.AppConfig'`, the only thing that loads
 * plinth/axes_app_config.py (census saw it dead).
 *
 * The rule: in a tree that imports django, an assignment at a line's start of `default_app_config`
 * or `<name>.default_app_config` to a string literal `pkg.mod.Name`, where `pkg.mod` is a repo module
 * defining `Name` at its top level, loads that module; the edge is from the assigning file at the
 * line. Read only where it can take effect: a package's `__init__.py` that defines the name (its
 * extracted definitions), and a program's startup code (a file with a runnable mark: `__main__.py`,
 * a script), since an assignment must run before django.setup() reads the apps. A name the module
 * does not define, a line of a docstring, a commented or computed value, or a tree without django gives nothing.
 */
import { lineAt } from '../../util/lines.js';
import { basename } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { pythonFiles, somePackageImporter } from './python-files.js';
import { definesTopLevel } from './settings-class-paths.js';
import { insideSpans, tripleQuotedSpans } from './triple-quoted.js';

const ASSIGNMENT = /^[ \t]*(?:([A-Za-z_][\w.]*)\.)?default_app_config[ \t]*=[ \t]*(['"])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\2[ \t]*(?:#.*)?$/gm;

/** The files where an assignment takes effect: package inits that define the name, and startup code. */
const candidates = (ctx: FrameworkContext): string[] =>
  pythonFiles(ctx).filter((path) => {
    const facts = ctx.facts(path);
    if (facts === undefined) return true;
    return basename(path) === '__init__.py' ? facts.definitions.includes('default_app_config') : facts.runnable.length > 0;
  });

const scan = perScan((ctx: FrameworkContext): ReferenceInput[] => {
  const out: ReferenceInput[] = [];
  if (!somePackageImporter(ctx, ['django'])) return out;
  for (const path of candidates(ctx)) {
    const text = ctx.readText(path);
    if (text === null || !text.includes('default_app_config')) continue;
    // A docstring's example (`    axes.default_app_config = '...'` in a module's usage text) runs nothing.
    let strings: [number, number][] | null = null;
    for (const m of text.matchAll(ASSIGNMENT)) {
      strings ??= tripleQuotedSpans(text);
      if (insideSpans(strings, m.index ?? 0)) continue;
      const value = m[3];
      const dot = value.lastIndexOf('.');
      const file = ctx.module(value.slice(0, dot))[0];
      if (file === undefined || file === path) continue;
      const source = ctx.readText(file);
      if (source === null || !definesTopLevel(source, value.slice(dot + 1))) continue;
      const line = lineAt(text, m.index ?? 0);
      const owner = m[1] === undefined ? 'its package' : `the ${m[1]} package`;
      out.push({
        from: path,
        target: value,
        targetKind: 'module-attr',
        line,
        label: `named as default_app_config in ${path}:${line} ('${value}'), the AppConfig class Django imports for ${owner}`,
      });
    }
  }
  return out;
});

const reader: FrameworkReader = {
  id: 'default-app-configs',
  title: "Django AppConfig classes named by a package's default_app_config",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = scan(ctx)[0];
    return first === undefined ? null : `${first.from}:${first.line} sets default_app_config`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    out.references.push(...scan(ctx));
    return out;
  },
};

export default reader;

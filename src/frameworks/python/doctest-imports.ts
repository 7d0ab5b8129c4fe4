/**
 * Modules the doctests of a module import, when the module runs its own doctests. A docstring's
 * example lines (`>>> from . import test`, `>>> from lib.layer.test import make_test_stack`) are
 * test code, and `doctest.testmod()` in the module (MyPaint's `_test()` under its `__main__`
 * guard) runs them: a helper only they import (lib/layer/test.py, which builds a layer stack for
 * the examples) is test support, not dead. Each module named by an example's `import`/`from`
 * that is a repo file is a test entry, with the example's line and the testmod call as evidence.
 * A module that imports `doctest` is read (its facts say so, an import inside a function too);
 * one whose examples no testmod of its own runs gives nothing, and an example marked
 * `# doctest: +SKIP` is not run.
 */
import { listedPaths } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { fromName, moduleFile } from './python-files.js';

/** `doctest.testmod(` / `testmod(` (bound by `from doctest import testmod`). */
const TESTMOD = /(?<![\w.])(?:doctest\s*\.\s*)?testmod\s*\(/;
/** An example line that imports: `>>> import a.b as c, d` / `>>> from .x import y, z`. */
const EXAMPLE_IMPORT = /^[ \t]*>>>(?=[^\n]{0,500}$)[ \t]+(?:import[ \t]+([\w. \t,]+?)|from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\(?([\w \t,]+?)\)?)[ \t]*(#[^\n]*)?$/gm;
const DOTTED = /^\.*[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*$|^\.+$/;

interface DoctestImport {
  file: string;
  line: number;
  example: string;
  testmodLine: number;
  target: string;
}

const fileOf = (ctx: FrameworkContext, from: string, specifier: string): string | null => (DOTTED.test(specifier) ? moduleFile(ctx, from, specifier) : null);

/** Every repo module an example of a self-testing module imports (once per scan). */
const doctestImports = perScan((ctx: FrameworkContext): DoctestImport[] => {
  const out: DoctestImport[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py') || !(ctx.facts(file)?.imports ?? []).some((i) => i.specifier === 'doctest')) continue;
    const text = ctx.readText(file);
    if (text === null || !text.includes('>>>')) continue;
    const testmod = TESTMOD.exec(text);
    if (testmod === null) continue;
    const testmodLine = lineAt(text, testmod.index);
    const seen = new Set<string>();
    for (const m of text.matchAll(EXAMPLE_IMPORT)) {
      // `# doctest: +SKIP`: the example is not run.
      if (m[4] !== undefined && /doctest:.*\+SKIP/.test(m[4])) continue;
      const targets: (string | null)[] = [];
      if (m[1] !== undefined) {
        for (const part of m[1].split(',')) targets.push(fileOf(ctx, file, part.trim().split(/[ \t]+as[ \t]+/)[0]));
      } else {
        const spec = m[2];
        const names = m[3].split(',').map((n) => n.trim().split(/[ \t]+as[ \t]+/)[0]).filter((n) => n !== '');
        // `from pkg import mod`: the module when it is one, else the package that defines the name.
        const modules = names.map((n) => fileOf(ctx, file, fromName(spec, n)));
        targets.push(...modules);
        if (modules.some((t) => t === null) && spec.replace(/\./g, '') !== '') targets.push(fileOf(ctx, file, spec));
      }
      const line = lineAt(text, m.index);
      for (const target of targets) {
        if (target === null || target === file || seen.has(target)) continue;
        seen.add(target);
        out.push({ file, line, example: m[0].replace(/#[^\n]*$/, '').trim(), testmodLine, target });
      }
    }
  }
  return out;
});

const reader: FrameworkReader = {
  id: 'doctest-imports',
  title: "modules a module's own doctests import (doctest.testmod())",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = doctestImports(ctx)[0];
    return first ? `${first.file}:${first.testmodLine} runs its doctests, whose example at line ${first.line} imports ${first.target}` : null;
  },
  collect: (ctx): FrameworkOutput => {
    const out = emptyFrameworkOutput();
    for (const d of doctestImports(ctx)) {
      out.entries.push({
        source: d.file,
        target: d.target,
        targetKind: 'file',
        kind: 'test',
        line: d.line,
        evidence: `a doctest of ${d.file}:${d.line} imports it (${d.example}), run by doctest.testmod() at ${d.file}:${d.testmodLine}`,
      });
    }
    return out;
  },
};

export default reader;

/**
 * Tests read source-shaped files as data: a codemod spec reads `basic.input.ts` and
 * `basic.output.ts` beside it with `readFile(join(here, name))`; nothing imports them, yet they
 * are the test's fixtures, not dead code. In a test file that uses `fs` (the test runners' roots
 * the entry detectors found), a string literal that names a file of the test's own folder, by its
 * name or a `./`-relative path, is a reference from the test: the file is reached as test data.
 */
import { byString } from '../../util/compare.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { fileReference } from './support.js';
import { buildLineTable } from '../../languages/javascript/line-table.js';
import { testRoots } from '../test-roots.js';

const CODE = /\.[cm]?[jt]sx?$/;
const FS = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra']);
/** A quoted file name with an extension: `'basic.input.ts'`, `"./fixtures/a.tsx"`. */
const NAME = /(["'`])((?:\.\/)?[\w@.+-]+(?:\/[\w@.+-]+)*\.[A-Za-z]\w*)\1/g;

const testFiles = (ctx: FrameworkContext): string[] =>
  [...testRoots(ctx)]
    .filter((f) => CODE.test(f))
    .filter((f) => (ctx.facts(f)?.imports ?? []).some((i) => FS.has(i.specifier)))
    .sort(byString);

const testData: FrameworkReader = {
  id: 'test-data',
  title: 'files a test reads as data from its own folder (codemod input/output fixtures)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = testFiles(ctx);
    return found.length === 0 ? null : `${found[0]} is a test that reads files`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const test of testFiles(ctx)) {
      const text = ctx.readText(test) ?? '';
      // Strings the test imports are imports, not data.
      const seen = new Set<string>((ctx.facts(test)?.imports ?? []).map((i) => joinRepo(dirname(test), i.specifier) ?? ''));
      // The matches come in order: lines counted on from the last one, where the text before each was split anew.
      const lines = buildLineTable(text);
      for (const m of text.matchAll(NAME)) {
        const target = joinRepo(dirname(test), m[2]);
        if (target === null || target === test || seen.has(target) || seen.has(m[2]) || !ctx.files.has(target)) continue;
        seen.add(target);
        const line = lines.lineOf(m.index);
        out.references.push(fileReference(test, target, line, `read as test data by ${test}:${line} ("${m[2]}")`));
      }
    }
    return out;
  },
};

export default testData;

/**
 * A worker script workerpool runs by path: `workerpool.pool(script)` starts each worker (a child
 * process or a worker thread) on that file, as `new Worker(path)` does. ember-cli's
 * lib/models/asset-size-printer.js binds `const { pool: workerPool } = require('workerpool')` and
 * calls ``workerPool(`${__dirname}/worker.js`)``: nothing imports lib/models/worker.js.
 *
 * Read: in a module that binds workerpool as module-binding.ts moduleAliases reads a binding
 * (`const workerpool = require('workerpool')`, `const { pool: p } = …`, `const p =
 * require('workerpool').pool`, `import workerpool, { pool } from …`, `import * as wp from …`, a
 * compiler's `__importDefault(require("workerpool"))` called as `wp.default.pool(`),
 * a call of its `pool` whose first argument is a path folder-expr.ts settles on the module's own
 * folder (`${__dirname}/worker.js`, `path.join(__dirname, 'worker.js')`, a const holding one) and
 * that names a code file of the scan. Where it stops: a bare string (workerpool hands it to the
 * process's working folder, not the module's), `pool()` with no script (workerpool's own default
 * worker), a `pool` of another module or of workerpool's `pool` itself (`p.pool(` after `p = require('workerpool').pool`), a path to no file of the scan, a call in a comment or a string. `require.resolve('./worker')`
 * (mocha's) is an import census already reads.
 */
import { lineAt } from '../../util/lines.js';
import { folderOf, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { moduleAliases } from '../../languages/javascript/module-binding.js';
import { callsOf } from './parameter-values.js';
import { insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { codeFilesMarked, dependsOn, jsPackages, labelledReferences, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';
import type { FrameworkReader } from '../types.js';
import { blankedText } from './blanked-texts.js';

const CODE = /\.[cm]?[jt]sx?$/;
const POOL: ReadonlySet<string> = new Set(['pool']);

/**
 * The names the module calls workerpool's `pool` by, as the one binder reads its bindings: `ns.pool`
 * for the module bound whole, `pool` or an alias for the part (destructured, imported by name, or
 * read off the require: `const p = require('workerpool').pool`). A compiler's interop wrapper is
 * called through `ns.default.pool` (`__importDefault`) or `ns.pool` (`__importStar`).
 */
const poolNames = (text: string): string[] => {
  const names = moduleAliases(text, (m) => m === 'workerpool', true, POOL).flatMap(({ local, member, via }) =>
    member === 'pool' ? [local] : member !== null ? [] : via === 'interop' ? [`${local}.pool`, `${local}.default.pool`] : [`${local}.pool`],
  );
  return [...new Set(names)];
};

const scripts = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  // Only a scan whose package declares workerpool has its modules (payload: 4-8 ms of texts searched for none).
  if (!jsPackages(ctx).some((p) => dependsOn(p, 'workerpool'))) return out;
  // The script is read only when anchored at the module's folder, so a file without `dirname` has none.
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    const written = ctx.readText(file) ?? '';
    if (!written.includes('workerpool')) continue;
    // A call in a comment (retired code) or in a string (a usage message) starts no worker.
    const text = blankedText(ctx, file, written);
    const quoted = quotedSpans(text);
    for (const name of poolNames(text)) {
      for (const call of callsOf(text, name)) {
        if (insideQuoted(text, quoted, call.index)) continue;
        const arg = call.args[0];
        if (arg === undefined) continue;
        const target = folderOf(templateAsJoin(arg), file, text);
        if (target === null || target === file || !CODE.test(target) || !ctx.files.has(target)) continue;
        const line = lineAt(text, call.index);
        out.push({ from: file, target, line, label: `started by ${file}:${line} as a workerpool worker (${name}(${arg.replace(/\s+/g, ' ')}))` });
      }
    }
  }
  return out;
});

const workerpoolScripts: FrameworkReader = {
  id: 'workerpool-scripts',
  title: 'worker scripts workerpool runs by path (workerpool.pool(`${__dirname}/worker.js`))',
  ecosystem: 'javascript',
  ...labelledReferences((ctx) => scripts(ctx)),
};

export default workerpoolScripts;


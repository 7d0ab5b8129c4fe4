/**
 * Stop 56: functions an rq queue runs by their dotted name. `Queue.enqueue('pkg.mod.func', …)`
 * (also `enqueue_call(func='pkg.mod.func')`, `enqueue_in(delta, 'pkg.mod.func')`,
 * `enqueue_at(when, 'pkg.mod.func')`) stores the name; an rq worker imports `pkg.mod` and calls
 * `func` (rq's job.py: `import_attribute(self.func_name)`). recon-ng's core/web/api.py:61
 * `current_app.task_queue.enqueue('recon.core.tasks.run_module', …)`, the queue made as
 * `rq.Queue('recon-tasks', …)` in core/web/__init__.py, is the only thing that reaches
 * recon/core/tasks.py.
 *
 * Only in a tree where some Python file imports rq (other libraries have an `enqueue` too); only a
 * string literal; only when the name's module is a repo module that defines the function at its
 * top level (`def func(` or `async def func(` at column 0). A computed name, a module outside the
 * repo, a name whose last part the module does not define give nothing.
 */
import { listedPaths } from '../../util/file-index.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { callArguments, literalValue } from './call-text.js';
import { moduleFileAsImported } from './python-files.js';

/** The call and which argument holds the function: enqueue(f), enqueue_call(func=f), enqueue_in/at(time, f). */
const ENQUEUE = /\.\s*(enqueue|enqueue_call|enqueue_in|enqueue_at)\s*\(/g;
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
/** Calls read per file. */
const MAX_CALLS = 200;

interface Job {
  file: string;
  line: number;
  name: string;
  call: string;
  target: string;
}

const importsRq = (ctx: FrameworkContext, file: string): boolean => ctx.facts(file)?.imports.some((i) => i.specifier === 'rq' || i.specifier.startsWith('rq.')) ?? false;

/** The function argument of an enqueue call, by rq's signatures. */
const functionArgument = (call: string, args: readonly string[]): string | undefined => {
  const keyword = args.find((a) => /^(?:func|f)\s*=(?!=)/.test(a));
  if (keyword !== undefined) return keyword.replace(/^\w+\s*=\s*/, '');
  if (call === 'enqueue_in' || call === 'enqueue_at') return args[1];
  return args[0];
};

const defines = (text: string, name: string): boolean => new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${name}\\s*\\(`, 'm').test(text);

const rqJobs = perScan((ctx): Job[] => {
  const python = listedPaths(ctx.files).filter((f) => f.endsWith('.py'));
  if (!python.some((f) => importsRq(ctx, f))) return [];
  const out: Job[] = [];
  for (const file of python) {
    const text = ctx.manifests.transientText(file);
    if (text === null || !text.includes('enqueue')) continue;
    const starts = lineStarts(text);
    let calls = 0;
    for (const m of text.matchAll(ENQUEUE)) {
      if (++calls > MAX_CALLS) break;
      const args = callArguments(text, m.index + m[0].length - 1);
      const arg = args === null ? undefined : functionArgument(m[1], args.map((a) => a.trim()));
      const name = arg === undefined ? null : literalValue(arg);
      if (name === null || !DOTTED.test(name)) continue;
      const at = name.lastIndexOf('.');
      const target = moduleFileAsImported(ctx, file, name.slice(0, at));
      if (target === null || target === file) continue;
      const source = ctx.manifests.transientText(target);
      if (source === null || !defines(source, name.slice(at + 1))) continue;
      out.push({ file, line: lineOfOffset(starts, m.index), name, call: m[1], target });
    }
  }
  return out;
});

const reader: FrameworkReader = {
  id: 'python-rq-jobs',
  title: 'Functions an rq queue runs by their dotted name',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = rqJobs(ctx)[0];
    return first ? `${first.file}:${first.line} enqueues '${first.name}' on an rq queue` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const job of rqJobs(ctx)) {
      const ref: ReferenceInput = {
        from: job.file,
        target: job.target,
        targetKind: 'file',
        line: job.line,
        label: `run by an rq worker: ${job.file}:${job.line} enqueues '${job.name}' (${job.call}), which the worker imports by name`,
      };
      out.references.push(ref);
    }
    return out;
  },
};

export default reader;

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
 * string literal, read from tokens so a call in a comment or a docstring (a retired job commented out
 * is what dead code looks like) is none; only when the name's module is a repo module that defines the function at its
 * top level (`def func(` or `async def func(` at column 0). A computed name, a module outside the
 * repo, a name whose last part the module does not define give nothing.
 */
import { listedPaths } from '../../util/file-index.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { tokenize, type PythonTokens } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, isOp, nameText, unwrap, type CallArgs } from '../../languages/python/ranges.js';
import { stringValue } from '../../languages/python/literals.js';
import { moduleFileAsImported, packageImporters } from './python-files.js';

/** The calls that take a function: enqueue(f), enqueue_call(func=f), enqueue_in/at(time, f). */
const ENQUEUE_CALLS: ReadonlySet<string> = new Set(['enqueue', 'enqueue_call', 'enqueue_in', 'enqueue_at']);
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

/** The token range of an enqueue call's function argument, by rq's signatures. */
const functionArgument = (call: string, args: CallArgs): [number, number] | undefined => {
  // rq's own parameter names: enqueue(f, …) and enqueue_at(datetime, f, …) take `f`, enqueue_call(func, …) and
  // enqueue_in(time_delta, func, …) take `func`; any other keyword (`enqueue(hook, func=…)`) is handed on to the job.
  const keyword = call === 'enqueue_call' || call === 'enqueue_in' ? 'func' : 'f';
  return args.keywords.get(keyword) ?? (call === 'enqueue_in' || call === 'enqueue_at' ? args.positional[1] : args.positional[0]);
};

/** The literal dotted names a file's enqueue calls are handed, with their lines and calls. */
const enqueuedNames = (t: PythonTokens): { name: string; line: number; call: string }[] => {
  const out: { name: string; line: number; call: string }[] = [];
  let calls = 0;
  for (let i = 1; i + 1 < t.count; i++) {
    if (t.kind[i] !== Kind.Name || !isOp(t, i - 1, Op.Dot) || !isOp(t, i + 1, Op.LParen)) continue;
    const call = nameText(t, i);
    if (!ENQUEUE_CALLS.has(call)) continue;
    if (++calls > MAX_CALLS) break;
    const args = callArgs(t, i + 1, t.count);
    const range = args === null ? undefined : functionArgument(call, args);
    if (range === undefined) continue;
    const [s, e] = unwrap(t, range[0], range[1]);
    const name = stringValue(t, s, e);
    if (name !== null && DOTTED.test(name)) out.push({ name, line: t.line[i], call });
  }
  return out;
};

const defines = (text: string, name: string): boolean => new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${name}\\s*\\(`, 'm').test(text);

const rqJobs = perScan((ctx): Job[] => {
  if (packageImporters(ctx, 'rq', 'listed').length === 0) return [];
  const python = listedPaths(ctx.files).filter((f) => f.endsWith('.py'));
  const out: Job[] = [];
  for (const file of python) {
    const text = ctx.manifests.transientText(file);
    if (text === null || !text.includes('enqueue')) continue;
    for (const { name, line, call } of enqueuedNames(tokenize(text))) {
      const at = name.lastIndexOf('.');
      const target = moduleFileAsImported(ctx, file, name.slice(0, at));
      if (target === null || target === file) continue;
      const source = ctx.manifests.transientText(target);
      if (source === null || !defines(source, name.slice(at + 1))) continue;
      out.push({ file, line, name, call, target });
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

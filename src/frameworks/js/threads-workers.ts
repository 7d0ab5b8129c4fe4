/**
 * Workers of the `threads` package (threads.js): `spawn(new Worker('./workers/auth'))`, or
 * `new Threads.Worker('./MinifyWorker')` off `require('threads')`. Unlike node:worker_threads, whose
 * bare string is relative to the process's working folder, threads rebases a relative path on the
 * folder of the file that calls `new Worker` (it reads the caller from the stack) and hands the
 * result to `require.resolve`, so the extension is completed as Node completes a require (`.js`,
 * an `index.js` folder; `.ts` when ts-node is installed). A string literal starting with `./` or
 * `../` is read; anything else is left alone. The worker is a reference from the calling file.
 */
import { dirname } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { emptyFrameworkOutput, type FrameworkReader } from '../types.js';
import { codeFilesMarked, fileReference, resolveToolPath } from './support.js';
import { perScan } from '../per-scan.js';

const FROM_THREADS = /(?:require\(\s*|from\s*)(['"])threads\1/;
/** `new Worker('./x')` or `new NS.Worker('./x')`: the namespace (if any) and the path. */
const NEW_WORKER = /\bnew\s+(?:([A-Za-z_$][\w$]*)\s*\.\s*)?Worker\s*\(\s*(['"`])(\.\.?\/[^'"`$\n]*)\2/g;

interface Spawned {
  file: string;
  line: number;
  spec: string;
  target: string;
}

/** The local names the file binds to threads' module (`const Threads = require('threads')`, `import * as T from 'threads'`). */
const namespaceNames = (text: string): Set<string> => {
  const names = new Set<string>();
  for (const m of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*(['"])threads\2\s*\)/g)) names.add(m[1]);
  for (const m of text.matchAll(/\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s*(['"])threads\2/g)) names.add(m[1]);
  return names;
};

/** Whether the file binds threads' `Worker` itself (`import { spawn, Worker } from 'threads'`, `const { Worker } = require('threads')`). */
const bindsWorker = (text: string): boolean =>
  /\{[^{}]*\bWorker\b(?!\s*(?:as|:))[^{}]*\}\s*(?:from\s*|=\s*require\(\s*)(['"])threads\1/.test(text);

const spawnedWorkers = perScan((ctx): Spawned[] => {
  const out: Spawned[] = [];
  for (const file of codeFilesMarked(ctx, ['threads'])) {
    const text = ctx.readText(file) ?? '';
    if (!text.includes('Worker') || !FROM_THREADS.test(text)) continue;
    const namespaces = namespaceNames(text);
    const bare = bindsWorker(text);
    for (const m of text.matchAll(NEW_WORKER)) {
      if (m[1] === undefined ? !bare : !namespaces.has(m[1])) continue;
      const target = resolveToolPath(ctx, dirname(file), m[3]);
      if (target === null || target === file) continue;
      out.push({ file, line: lineAt(text, m.index ?? 0), spec: m[3], target });
    }
  }
  return out;
});

const threadsWorkers: FrameworkReader = {
  id: 'threads-workers',
  title: "workers of the threads package (new Worker('./x') relative to the calling file)",
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = spawnedWorkers(ctx)[0];
    return first ? `${first.file}:${first.line} starts a threads worker ${first.spec}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const w of spawnedWorkers(ctx)) {
      out.references.push(fileReference(w.file, w.target, w.line, `${w.file}:${w.line} new Worker('${w.spec}') from the threads package, relative to ${w.file}`));
    }
    return out;
  },
};

export default threadsWorkers;

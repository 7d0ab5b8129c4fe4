/**
 * AWS Lambda handler strings (`<path>.<export>`, as the Serverless Framework and SAM templates
 * spell them) → the repo file the runtime loads: the path before the last dot, from the code's
 * folder, with the runtime's extensions (nodejs* → .js/.mjs/.cjs and the .ts a bundler compiles;
 * python* → .py, a dotted module as folders; no runtime → whatever file is there). Other runtimes
 * (java, go, provided, dotnet) name no source file.
 */
import { joinRepo } from '../../util/path.js';

const NODE = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];
/** With a TypeScript bundler in front, `handler.ts` is the source even beside a `handler.js`. */
const NODE_TS_FIRST = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

/** The module path of a handler (`src/app.handler` → `src/app`), or null when it is not `<path>.<export>`. */
export const handlerModule = (handler: string): string | null => {
  const dot = handler.lastIndexOf('.');
  return dot <= 0 || handler.indexOf('/', dot) >= 0 ? null : handler.slice(0, dot);
};

/** True for the runtimes whose handler names a source file census can find. */
export const namesSourceFile = (runtime: string | undefined): boolean => runtime === undefined || /^(nodejs|python)/.test(runtime);

/** The repo file a handler's module path names for a runtime, trying each folder in turn, or null. */
export const lambdaHandlerFile = (files: ReadonlySet<string>, dirs: string[], modulePath: string, runtime: string | undefined, tsFirst: boolean): string | null => {
  const node = tsFirst ? NODE_TS_FIRST : NODE;
  // Python imports `pkg.mod` from pkg/mod.py; a path segment of `.` or `..` stays as it is.
  const dotted = modulePath.split('/').map((s) => (s === '.' || s === '..' ? s : s.replaceAll('.', '/'))).join('/');
  const tries: [string, string[]][] = runtime?.startsWith('nodejs')
    ? [[modulePath, node]]
    : runtime?.startsWith('python')
      ? [[modulePath, ['.py']], [dotted, ['.py']]]
      : runtime === undefined
        ? [[modulePath, [...node, '.py']], [dotted, ['.py']]]
        : [];
  for (const dir of dirs) {
    for (const [base, exts] of tries) {
      const joined = joinRepo(dir, base);
      if (joined === null) continue;
      for (const ext of exts) if (files.has(`${joined}${ext}`)) return `${joined}${ext}`;
    }
  }
  return null;
};

/** `target` as the code folder sees it, for evidence (`src/app.ts` rather than `services/api/src/app.ts`). */
export const relativeTo = (dir: string, target: string): string => (dir !== '' && target.startsWith(`${dir}/`) ? target.slice(dir.length + 1) : target);

/**
 * Import modules in a real interpreter, in batches, one subprocess per batch. A watchdog gives
 * each module its own time limit: a module that hangs is recorded as a timeout, its process is
 * killed, and the next batch starts after it; a module that ends the process (os._exit, a crash)
 * is recorded as such. Nothing here throws: every module gets an outcome.
 */
import { spawn } from 'node:child_process';
import type { ModuleToImport } from './modules.js';
import { VERIFY_DRIVER } from './driver.js';

export type ImportOutcome =
  | { kind: 'ok' }
  | { kind: 'error'; type: string; message: string; name?: string; at?: [string, number] }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'exited'; code: number | null; signal: string | null };

export interface RunOptions {
  interpreter: string;
  rootAbs: string;
  timeoutMs: number;
  batchSize?: number;
}

export interface RunResult {
  outcomes: ImportOutcome[];
  /** Set when the interpreter could not be started at all. */
  startError?: string;
}

interface BatchResult {
  /** Index (into the batch) of the first module without an outcome. */
  next: number;
  startError?: string;
}

const parseResult = (json: string): { i: number; outcome: ImportOutcome } | null => {
  try {
    const r = JSON.parse(json) as { i: number; ok: boolean; type?: string; message?: string; name?: string | null; at?: [string, number] };
    if (typeof r.i !== 'number') return null;
    if (r.ok) return { i: r.i, outcome: { kind: 'ok' } };
    return {
      i: r.i,
      outcome: {
        kind: 'error', type: r.type ?? 'Exception', message: r.message ?? '',
        ...(typeof r.name === 'string' ? { name: r.name } : {}),
        ...(Array.isArray(r.at) ? { at: r.at } : {}),
      },
    };
  } catch {
    return null;
  }
};

const runBatch = (batch: ModuleToImport[], offset: number, o: RunOptions, outcomes: ImportOutcome[]): Promise<BatchResult> =>
  new Promise((resolve) => {
    let started = -1;
    let settled = false;
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
    const child = spawn(o.interpreter, ['-c', VERIFY_DRIVER], { cwd: o.rootAbs, env, stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    const finish = (r: BatchResult): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(r);
    };
    const arm = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        child.stdout.destroy();
        child.unref();
        if (started < 0) {
          finish({ next: 0, startError: `${o.interpreter} did not start importing within ${o.timeoutMs / 1000} s and was stopped` });
          return;
        }
        outcomes[offset + started] = { kind: 'timeout', seconds: o.timeoutMs / 1000 };
        finish({ next: started + 1 });
      }, o.timeoutMs);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish({ next: 0, startError: e.code === 'ENOENT' ? `no such interpreter: ${o.interpreter}` : `${o.interpreter} could not be started (${e.code ?? e.message})` });
    });
    child.stdin.on('error', () => undefined); // a process that dies early closes its stdin; the outcome says why
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('B ')) {
          started = Number(line.slice(2));
          arm();
        } else if (line.startsWith('R ')) {
          const r = parseResult(line.slice(2));
          if (r && r.i >= 0 && r.i < batch.length) outcomes[offset + r.i] = r.outcome;
        }
      }
    });
    child.on('close', (code, signal) => {
      if (settled) return;
      if (started < 0) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        finish({ next: 0, startError: `${o.interpreter} ${how} before importing anything (is it Python 3?)` });
        return;
      }
      // Stopped before every module reported: the first one without a result ended the process.
      for (let i = 0; i < batch.length; i++) {
        if (outcomes[offset + i] !== undefined) continue;
        outcomes[offset + i] = { kind: 'exited', code, signal };
        finish({ next: i + 1 });
        return;
      }
      finish({ next: batch.length });
    });
    arm();
    child.stdin.end(JSON.stringify({ root: o.rootAbs, modules: batch.map((m, i) => ({ i, module: m.module, paths: m.paths })) }));
  });

export const importModules = async (modules: ModuleToImport[], o: RunOptions): Promise<RunResult> => {
  const outcomes: ImportOutcome[] = new Array(modules.length);
  const size = o.batchSize ?? 100;
  let at = 0;
  while (at < modules.length) {
    const batch = modules.slice(at, at + size);
    const r = await runBatch(batch, at, o, outcomes);
    if (r.startError) return { outcomes, startError: r.startError };
    // A batch always settles at least one module (a timeout, an exit or a result), so this ends.
    at += Math.max(1, r.next);
  }
  return { outcomes };
};

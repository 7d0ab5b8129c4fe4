/**
 * `npm run x`, `npm test|start|stop|restart`, `npm --prefix dir run x`; `npm exec`/`npm x` run a bin.
 * Words after the script's name (`npm run serve -- server.ts`, `npm test -- a.test.ts`) are
 * appended to the script's command, as npm does: everything after `--`, and the positionals before
 * it (npm keeps its own options, which come before `--`).
 * `npm -w <workspace>` (a name or a folder) and `npm --workspaces` run the script in workspace
 * packages, picked against the repo's workspace later (graph/workspace-selection.ts).
 */
import { commandAfter, scanArgs } from '../args.js';
import { type Value, literal, text } from '../value.js';
import { type Intent, type Launcher, argv, npmScript, script, workspaceRun } from './types.js';

const VALUES = ['--prefix', '-w', '--workspace', '--userconfig', '--registry', '--cache', '--loglevel', '--script-shell', '--include', '--omit', '--tag', '--otp', '-p', '--package', '-c', '--call'];
const LIFECYCLE: Readonly<Record<string, string>> = { test: 'test', t: 'test', tst: 'test', start: 'start', stop: 'stop', restart: 'restart' };

export const npm: Launcher = {
  names: ['npm'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: VALUES });
    const [cmd, name] = scanned.positionals;
    const sub = literal(cmd);
    const prefix = scanned.options.get('--prefix')?.at(-1);
    const workspaces = [...(scanned.options.get('-w') ?? []), ...(scanned.options.get('--workspace') ?? [])];
    let scriptName: Value | undefined;
    let passed: Value[] = [];
    if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') {
      scriptName = name;
      passed = scanned.positionals.slice(2);
    } else if (sub !== null && Object.hasOwn(LIFECYCLE, sub)) {
      scriptName = text(LIFECYCLE[sub]);
      passed = scanned.positionals.slice(1);
    }
    else if (sub === 'exec' || sub === 'x') {
      const call = scanned.options.get('-c') ?? scanned.options.get('--call');
      if (call) return call.map((c) => script(c, prefix));
      const words = commandAfter(scanArgs(args, { values: VALUES, stopAtPositional: true }).rest, { values: VALUES });
      return words.length > 0 ? [argv(words, prefix)] : [];
    }
    if (!scriptName) return [];
    if (scanned.options.has('--workspaces') || scanned.options.has('--ws')) return [workspaceRun('npm', { by: 'all', includeRoot: false }, { script: scriptName }, prefix)];
    if (workspaces.length > 0) return [workspaceRun('npm', { by: 'selectors', selectors: workspaces }, { script: scriptName }, prefix)];
    return [npmScript(scriptName, prefix, passed)];
  },
};

/**
 * Programs that run another command: `exec`, `nohup`, `timeout 30`, `sudo -u app`, `env X=1`,
 * `time`, `nice`, … One data row each: the options that take a value, how many operands come
 * before the command, and which options move the directory or hold shell text.
 */
import { optionValue, scanArgs } from '../args.js';
import { literal, text as textValue } from '../value.js';
import { nodeOptionPreloads } from './node.js';
import { type Intent, type Launcher, argv, script } from './types.js';

interface WrapperSpec {
  names: readonly string[];
  values?: readonly string[];
  /** Operands before the command: `timeout DURATION cmd`, `gosu USER cmd`, `flock FILE cmd`. */
  operands?: number;
  /** `NAME=value` words before the command set its environment (env, sudo). */
  assignments?: boolean;
  /** Options whose value is the directory the command runs in (`env -C dir`, `sudo -D dir`). */
  chdir?: readonly string[];
  /** Options whose value is shell text to run (`su -c "…"`, `flock -c "…"`). */
  shellText?: readonly string[];
  /** Options that make it a question rather than a run (`command -v python`). */
  queries?: readonly string[];
}

const wrapper = (spec: WrapperSpec): Launcher => ({
  names: spec.names,
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: [...(spec.values ?? []), ...(spec.chdir ?? []), ...(spec.shellText ?? [])], stopAtPositional: true });
    if (spec.queries?.some((q) => scanned.options.has(q))) return [];
    const dir = spec.chdir ? optionValue(scanned, ...spec.chdir) : undefined;
    const text = spec.shellText ? optionValue(scanned, ...spec.shellText) : undefined;
    if (text) return [script(text, dir)];
    let words = [...scanned.positionals, ...scanned.rest].slice(spec.operands ?? 0);
    const preloads: Intent[] = [];
    if (spec.assignments) {
      const i = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(literal(w) ?? ''));
      // `cross-env NODE_OPTIONS='-r ./otel.cjs' pnpm start`: every node process below loads the preload.
      for (const w of i < 0 ? words : words.slice(0, i)) {
        const t = literal(w);
        if (t?.startsWith('NODE_OPTIONS=')) preloads.push(...nodeOptionPreloads(textValue(t.slice('NODE_OPTIONS='.length))));
      }
      words = i < 0 ? [] : words.slice(i);
    }
    return words.length > 0 ? [...preloads, argv(words, dir)] : preloads;
  },
});

/** `wait-for-it db:5432 -t 30 -- python app.py`: the command after `--`. */
const afterDashes: Launcher = {
  names: ['wait-for-it', 'wait-for-it.sh', 'wait-for'],
  run(args): Intent[] {
    const i = args.findIndex((a) => literal(a) === '--');
    return i >= 0 && i + 1 < args.length ? [argv(args.slice(i + 1))] : [];
  },
};

export const WRAPPERS: readonly Launcher[] = [
  afterDashes,
  wrapper({ names: ['exec'], values: ['-a'] }),
  wrapper({ names: ['nohup', 'setsid', 'builtin', 'caffeinate', 'unbuffer', 'catchsegv', 'with-contenv', 'ddtrace-run', 'opentelemetry-instrument'] }),
  wrapper({ names: ['time'], values: ['-f', '--format', '-o', '--output'] }),
  wrapper({ names: ['xvfb-run'], values: ['-s', '--server-args', '-n', '--server-num', '-f', '--auth-file', '-e', '--error-file', '-p', '--xauth-protocol'] }),
  wrapper({ names: ['tini', 'dumb-init'], values: ['-e', '-p', '--rewrite'] }),
  wrapper({ names: ['command'], queries: ['-v', '-V'] }),
  wrapper({ names: ['timeout', 'gtimeout'], values: ['-s', '--signal', '-k', '--kill-after'], operands: 1 }),
  wrapper({ names: ['sudo', 'doas'], values: ['-u', '--user', '-g', '--group', '-C', '--close-from', '-h', '--host', '-p', '--prompt', '-U', '--other-user', '-r', '--role', '-t', '--type', '-T', '--command-timeout'], chdir: ['-D', '--chdir'], assignments: true }),
  wrapper({ names: ['env'], values: ['-u', '--unset'], chdir: ['-C', '--chdir'], shellText: ['-S', '--split-string'], assignments: true }),
  wrapper({ names: ['nice'], values: ['-n', '--adjustment'] }),
  wrapper({ names: ['ionice'], values: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid'] }),
  wrapper({ names: ['stdbuf'], values: ['-i', '--input', '-o', '--output', '-e', '--error'] }),
  wrapper({ names: ['chrt', 'taskset'], operands: 1 }),
  wrapper({ names: ['gosu', 'su-exec', 's6-setuidgid', 'setuidgid'], operands: 1 }),
  wrapper({ names: ['chpst'], values: ['-u', '-U', '-e', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c', '-r', '-t', '-/'] }),
  wrapper({ names: ['runuser'], values: ['-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell'], shellText: ['-c', '--command'] }),
  wrapper({ names: ['su'], values: ['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment'], shellText: ['-c', '--command'] }),
  wrapper({ names: ['flock'], values: ['-w', '--timeout', '-E', '--conflict-exit-code'], shellText: ['-c', '--command'], operands: 1 }),
  wrapper({ names: ['cross-env', 'cross-env-shell'], assignments: true }),
  wrapper({ names: ['dotenv', 'env-cmd'], values: ['-e', '-f', '--file', '-c', '--environments', '-v'] }),
  wrapper({ names: ['newrelic-admin'], operands: 1 }),
  // Socket Firewall: `sfw npm install`, `sfw uv sync` run the package manager through its proxy.
  wrapper({ names: ['sfw'] }),
];

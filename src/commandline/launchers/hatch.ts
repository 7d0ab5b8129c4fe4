/** `hatch run [env:]cmd …`: the `env:` prefix picks an environment, the rest is the command. */
import { literal, text } from '../value.js';
import { envRunner } from './env-runner.js';

export const hatch = envRunner({
  names: ['hatch'],
  subcommand: ['run'],
  values: ['-e', '--env', '-p', '--project'],
  commandWord: (word) => {
    const t = literal(word);
    const m = t === null ? null : /^[\w.+-]+:(.+)$/.exec(t);
    return m ? text(m[1]) : word;
  },
});

/** `concurrently "cmd a" "cmd b" "npm:build"`: each argument is shell text; `npm:x` is a package.json script. */
import { scanArgs } from '../args.js';
import { literal, text } from '../value.js';
import { type Intent, type Launcher, npmScript, script } from './types.js';

const VALUES = ['-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-s', '--success', '-m', '--max-processes', '--restart-tries', '--restart-after', '--hide', '--name-separator', '-t', '--timestamp-format', '-l', '--prefix-length', '--default-input-target', '--pad-prefix', '--passthrough-arguments'];

export const concurrently: Launcher = {
  names: ['concurrently'],
  run(args): Intent[] {
    return scanArgs(args, { values: VALUES }).positionals.map((p) => {
      const t = literal(p);
      const m = t === null ? null : /^(?:npm|yarn|pnpm|bun):(.+)$/.exec(t);
      return m ? npmScript(text(m[1])) : script(p);
    });
  },
};

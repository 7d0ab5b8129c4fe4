/**
 * tsdown reads its build the way tsup does (https://tsdown.dev/options/config-file): `entry` (a
 * string, an array with globs or an object of names, in one config or an array of them) from
 * tsdown.config.{ts,mts,cts,js,mjs,cjs,json}, from the `"tsdown"` key of package.json, or from the
 * file `tsdown --config x` / `-c x` names; `tsdown src/a.ts` names entries on the command line.
 */
import { entryBundlerReader } from './tsup.js';

const tsdown = entryBundlerReader({
  tool: 'tsdown',
  title: 'tsdown (config and package.json entry, entries on the command line)',
  config: /^tsdown\.config\.([cm]?[jt]s|json)$/,
  valueFlags: ['-c', '--config', '-d', '--out-dir', '-f', '--format', '--target', '--platform', '--tsconfig', '--external', '--env', '--from-vite', '--log-level', '--public-dir', '--copy', '--on-success', '-F', '--filter', '-W', '--workspace'],
});

export default tsdown;

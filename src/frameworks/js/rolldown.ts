/**
 * Rolldown reads Rollup's config shape (https://rolldown.rs/reference/config-options): `input` as a
 * string, an array or an object of names, in rolldown.config.{js,cjs,mjs,ts,mts,cts} (one config,
 * or `defineConfig([...])`'s array) or the file `rolldown -c x` names; `rolldown src/main.ts -d dist`
 * names inputs on the command line. So the rollup reader's rules apply, with Rolldown's names.
 */
import { rollupLikeReader } from './rollup.js';

export default rollupLikeReader(
  {
    id: 'rolldown',
    tool: 'rolldown',
    name: 'Rolldown',
    packages: ['rolldown'],
    config: /^rolldown\.config\.[cm]?[jt]s$/,
    valueFlags: ['-c', '--config', '-o', '--file', '-d', '--dir', '-f', '--format', '-n', '--name', '-p', '--platform', '-e', '--external', '-g', '--globals', '--environment', '--cwd', '--log-level', '--tsconfig'],
  },
  'Rolldown (config input, -c configs, inputs on the command line)',
);

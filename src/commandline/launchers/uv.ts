/** `uv run [options] cmd …` / `uv run -m mod` / `uv run x.py` / `uv tool run tool …`; `uvx tool …`. */
import type { Intent, Launcher } from './types.js';
import { envRunner } from './env-runner.js';

const VALUES = [
  '--with', '--with-editable', '--with-requirements', '--python', '-p', '--project', '--package', '--extra', '--group', '--only-group',
  '--no-group', '--env-file', '--index', '--index-url', '--extra-index-url', '--find-links', '-f', '--config-file', '--cache-dir', '--color',
  '--python-preference', '--resolution', '--prerelease', '--exclude-newer', '--link-mode', '--refresh-package', '--upgrade-package', '-P',
  '--reinstall-package', '--no-binary-package', '--no-build-package', '--keyring-provider', '--index-strategy', '--config-setting', '-C', '--from',
];

const run = envRunner({ names: ['uv'], subcommand: ['run'], values: VALUES, dirOptions: ['--directory'], moduleOptions: ['-m', '--module'] });
const toolRun = envRunner({ names: ['uv'], subcommand: ['tool', 'run'], values: VALUES, dirOptions: ['--directory'] });

export const uv: Launcher = {
  names: ['uv'],
  run: (args, name, env): Intent[] => {
    const intents = run.run(args, name, env);
    return intents.length > 0 ? intents : toolRun.run(args, name, env);
  },
};

export const uvx: Launcher = envRunner({ names: ['uvx'], subcommand: [], values: VALUES, dirOptions: ['--directory'] });

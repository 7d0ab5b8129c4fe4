/** `pipenv run cmd …`. */
import { envRunner } from './env-runner.js';

export const pipenv = envRunner({ names: ['pipenv'], subcommand: ['run'], values: ['--python', '--pypi-mirror'] });

/** `poetry [-C dir] run cmd …`. */
import { envRunner } from './env-runner.js';

export const poetry = envRunner({ names: ['poetry'], subcommand: ['run'], values: ['-P', '--project'], dirOptions: ['-C', '--directory'] });

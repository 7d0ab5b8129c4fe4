/** `pdm [-p project] run [options] cmd …` (a pdm script name is analysed as a command and names nothing census knows). */
import { envRunner } from './env-runner.js';

export const pdm = envRunner({ names: ['pdm'], subcommand: ['run'], values: ['-p', '--project', '-c', '--config', '--venv', '--env-file'] });

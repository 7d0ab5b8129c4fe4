/** `hypercorn [-c file:conf.py | python:mod] pkg.mod:app`. */
import { optionValue, scanArgs } from '../args.js';
import { literal, text } from '../value.js';
import { type Intent, type Launcher, file, module } from './types.js';

const FLAGS = ['--reload', '--debug', '--help', '-h', '--version', '--quic-bind-present'];

export const hypercorn: Launcher = {
  names: ['hypercorn'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { flagsOnly: FLAGS });
    const out: Intent[] = [];
    const config = optionValue(scanned, '-c', '--config');
    const configText = literal(config);
    if (configText?.startsWith('python:')) out.push(module(text(configText.slice('python:'.length))));
    else if (configText?.startsWith('file:')) out.push(file(text(configText.slice('file:'.length))));
    else if (config && !configText?.endsWith('.toml')) out.push(file(config));
    const app = scanned.positionals[0];
    if (app) out.push(module(app));
    return out;
  },
};

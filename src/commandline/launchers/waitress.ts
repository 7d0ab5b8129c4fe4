/** `waitress-serve [--listen=…] [--call] [--app=]pkg.mod:app`: the WSGI app's module. */
import { optionValue, scanArgs } from '../args.js';
import { type Intent, type Launcher, module } from './types.js';

const FLAGS = [
  '--call', '--expose-tracebacks', '--no-expose-tracebacks', '--ipv4', '--no-ipv4', '--ipv6', '--no-ipv6', '--log-untrusted-proxy-headers',
  '--no-log-untrusted-proxy-headers', '--clear-untrusted-proxy-headers', '--no-clear-untrusted-proxy-headers', '-h', '--help',
];

export const waitress: Launcher = {
  names: ['waitress-serve'],
  run(args): Intent[] {
    const scanned = scanArgs(args, { flagsOnly: FLAGS });
    const app = optionValue(scanned, '--app') ?? scanned.positionals[0];
    return app ? [module(app)] : [];
  },
};

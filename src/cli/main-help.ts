/** `census --help`: the command list, from the registry lines alone (no command is loaded to print it). */
import { VERSION } from '../version.js';
import type { CommandEntry } from './command.js';

export const mainHelp = (commands: Pick<CommandEntry, 'name' | 'summary'>[]): string =>
  [
    `census ${VERSION} — a census of a code repository: every file, how it is wired in, and the evidence`,
    '',
    'usage: census <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Run `census <command> --help` for its options. Exit codes: 0 ok, 1 findings (gates), 2 usage, config or internal error, 3 incomplete (check could not read everything).',
    '',
  ].join('\n');

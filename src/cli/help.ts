/** --help text, generated from the command list and the option table. */
import { VERSION } from '../version.js';
import type { Command } from './command.js';
import { formatHelp } from './format.js';
import { OPTIONS, type OptionSpec } from './options.js';

const optionLine = (name: string, spec: OptionSpec): string => {
  const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
  return `  ${flag.padEnd(34)} ${spec.description}`;
};

export const mainHelp = (commands: Command[]): string =>
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

export const commandHelp = (command: Command): string =>
  [
    `usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'options:',
    ...command.options.map((name) => optionLine(name, OPTIONS[name])),
    optionLine('help', OPTIONS.help),
    ...(command.details ? ['', ...command.details] : []),
    ...(command.view ? ['', ...formatHelp(command.view)] : []),
    '',
  ].join('\n');

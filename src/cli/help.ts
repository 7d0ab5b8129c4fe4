/** A command's --help text, generated from the command and the option table (the main help is main-help.ts). */
import type { Command } from './command.js';
import { formatHelp } from './format.js';
import { OPTIONS, type OptionSpec } from './options.js';

const optionLine = (name: string, spec: OptionSpec): string => {
  const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
  return `  ${flag.padEnd(34)} ${spec.description}`;
};

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

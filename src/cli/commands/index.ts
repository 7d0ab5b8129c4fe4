/** The subcommands, in the order --help lists them. */
import type { Command } from '../command.js';
import { scanCommand } from './scan.js';
import { whyCommand } from './why.js';
import { reportCommand } from './report.js';
import { traceCommand } from './trace.js';

export const COMMANDS: Command[] = [scanCommand, whyCommand, reportCommand, traceCommand];

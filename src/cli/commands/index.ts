/** The subcommands, in the order --help lists them. */
import type { Command } from '../command.js';
import { scanCommand } from './scan.js';
import { whyCommand } from './why.js';
import { reportCommand } from './report.js';
import { traceCommand } from './trace.js';
import { importsCommand } from './imports.js';
import { dupesCommand } from './dupes.js';
import { baselineCommand } from './baseline.js';
import { checkCommand } from './check.js';
import { historyCommand } from './history.js';
import { diffCommand } from './diff.js';

export const COMMANDS: Command[] = [scanCommand, whyCommand, importsCommand, dupesCommand, reportCommand, traceCommand, baselineCommand, checkCommand, historyCommand, diffCommand];

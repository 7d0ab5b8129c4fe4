import { FORMATS } from '../../report/index.js';
import { FORMAT_NAMES, formatFrom, renderOptions } from '../format.js';
import { scan } from '../../pipeline.js';
import { EXIT_OK, type Command } from '../command.js';
import { emit } from '../output.js';
import { SCAN_OPTIONS } from '../options.js';
import { scanOptionsFrom } from '../scan-options.js';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'list every file, its imports and wiring, and the verdict for each source file',
  usage: 'census scan [path] [--format terminal|json|md] [--output FILE] [--runtime FILE...] [--scope FOLDER]',
  options: ['format', 'output', 'runtime', 'scope', ...SCAN_OPTIONS],
  details: [`formats: ${FORMAT_NAMES}`],
  run: async (args, io) => {
    const format = formatFrom(args);
    const result = await scan(scanOptionsFrom(args, io));
    emit(FORMATS[format](result.audit, renderOptions(args, io)), args, io);
    return EXIT_OK;
  },
};

/**
 * `census mcp [path]`: serve the census of a repo to coding agents and editors over the Model
 * Context Protocol on stdio. The SDK is loaded only here, when the command runs, so every other
 * command starts as fast as before.
 */
import { EXIT_OK, type Command } from '../command.js';
import { SCAN_OPTIONS } from '../options.js';

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'serve the census to coding agents (Model Context Protocol on stdio): one warm audit, kept up to date as files change',
  usage: 'census mcp [path] [--runtime FILE...] [--duplicates]',
  options: ['runtime', 'scope', 'duplicates', ...SCAN_OPTIONS],
  details: [
    'Speaks MCP (JSON-RPC) on standard input and output; logs go to standard error. Register it in your MCP client',
    '(Claude Desktop, VS Code, Cursor) as the command `census` with the arguments `mcp /path/to/repo` (see the README).',
    'Tools: census_summary, census_file, census_why, census_list, census_imports, census_dupes, census_impact;',
    'resources: census://audit.json, census://report.md. It never runs the repo\'s code.',
  ],
  run: async (args, io) => {
    const { scanOptionsFrom } = await import('../scan-options.js');
    const scanOptions = scanOptionsFrom(args, io, { whole: true, announce: false });
    const quiet = args.values.quiet === true;
    const { serveMcp } = await import('../../mcp/server.js');
    await serveMcp({
      scanOptions: { ...scanOptions, ...(args.values.duplicates === true ? { duplicates: {} } : {}) },
      log: (line) => {
        if (!quiet) io.stderr(`census mcp: ${line}\n`);
      },
    });
    return EXIT_OK;
  },
};

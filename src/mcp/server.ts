/**
 * census mcp: a Model Context Protocol server on stdio (the official SDK's McpServer and
 * StdioServerTransport) over one warm audit. It answers from the Audit only: no tool runs the
 * repo's code (no trace, no import verification). A bad message is logged on stderr and skipped;
 * the server stops when its client closes stdin.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Audit } from '../model/audit.js';
import type { ScanOptions } from '../pipeline.js';
import { VIEWS } from '../report/index.js';
import { VERSION } from '../version.js';
import { AuditSession } from './session.js';
import { registerTools } from './tools.js';

export interface ServeOptions {
  scanOptions: ScanOptions;
  /** One line for the person watching the server's stderr. */
  log: (line: string) => void;
  watch?: boolean;
  stdin?: NodeJS.ReadableStream & { once(event: 'end' | 'close', listener: () => void): unknown };
  stdout?: NodeJS.WritableStream;
}

const INSTRUCTIONS = [
  'census audits this repository: every file gets one verdict (production, tooling, test, documented, manual, dead) with the evidence chain for it.',
  'Start with census_summary; census_file and census_why explain one file; census_impact says what would break if a file moved or went away;',
  'census_imports separates real broken imports from environment noise; census_dupes finds copies. Answers come from an audit kept up to date as files change.',
].join(' ');

const text = (rendered: string | Iterable<string>): string => (typeof rendered === 'string' ? rendered : [...rendered].join(''));

const registerResources = (server: McpServer, session: AuditSession): void => {
  const resource = (name: string, uri: string, mimeType: string, description: string, render: (audit: Audit) => Promise<string>) =>
    server.registerResource(name, uri, { title: name, description, mimeType }, async (asked) => {
      const { result } = await session.current();
      return { contents: [{ uri: asked.href, mimeType, text: await render(result.audit) }] };
    });
  resource('audit', 'census://audit.json', 'application/json', 'The whole Audit JSON (docs/audit.schema.json): files, edges, entries, warnings, imports.', async (a) =>
    text((await VIEWS.audit.formats.json.load())(a, { color: false })),
  );
  resource('report', 'census://report.md', 'text/markdown', 'The inventory as Markdown: one table per folder with verdicts and evidence.', async (a) =>
    text((await VIEWS.audit.formats.md!.load())(a, { color: false })),
  );
};

/** Serves until stdin closes. The first scan starts at once, so the first question waits less. */
export const serveMcp = async (options: ServeOptions): Promise<void> => {
  const session = new AuditSession({ scanOptions: options.scanOptions, watch: options.watch ?? true, log: options.log });
  const server = new McpServer({ name: 'census', version: VERSION }, { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS });
  registerTools(server, session);
  registerResources(server, session);
  // Malformed lines and other protocol errors: say so and go on reading.
  server.server.onerror = (e) => options.log(`skipped a bad message: ${e.message.split('\n')[0]}`);
  const stdin = options.stdin ?? process.stdin;
  const closed = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
  const transport = new StdioServerTransport(stdin as NodeJS.ReadStream, options.stdout as NodeJS.WriteStream | undefined);
  await server.connect(transport);
  session.current().catch((e: unknown) => options.log(`scan failed: ${e instanceof Error ? e.message : String(e)} (each question retries)`));
  await closed;
  session.close();
  await server.close();
};

/**
 * census mcp end to end: the real server (`node bin/census.js mcp <repo>`) driven over stdio by the
 * SDK's own client: initialize, list tools and resources, call every tool, see a file change in the
 * next answer, and get tool errors (never a crash) for bad paths and bad arguments; plus raw
 * JSON-RPC lines, malformed ones among them, that must not stop the server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const CENSUS = join(REPO_ROOT, 'bin/census.js');

const scratchCopy = (): string => {
  const dir = join(mkdtempSync(join(tmpdir(), 'census-mcp-e2e-')), 'small');
  cpSync(join(REPO_ROOT, 'test/fixtures/mcp/small'), dir, { recursive: true });
  return dir;
};

const connect = async (dir: string): Promise<Client> => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CENSUS, 'mcp', dir, '--workers', '1'], stderr: 'pipe' });
  const client = new Client({ name: 'census-e2e', version: '1.0.0' });
  await client.connect(transport);
  return client;
};

const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = (r: CallToolResult): any => {
  assert.ok(!r.isError, `tool error: ${JSON.stringify(r.content)}`);
  assert.deepEqual(JSON.parse((r.content[0] as { text: string }).text), r.structuredContent, 'the text is the structured content');
  return r.structuredContent;
};
const errorText = (r: CallToolResult): string => {
  assert.equal(r.isError, true, `expected a tool error, got ${JSON.stringify(r.structuredContent)}`);
  return (r.content[0] as { text: string }).text;
};

test('census mcp over stdio: tools, resources, a change, bad inputs', async (t) => {
  const dir = scratchCopy();
  const client = await connect(dir);
  t.after(async () => {
    await client.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  });
  assert.equal(client.getServerVersion()?.name, 'census');

  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((x) => x.name).sort(), ['census_dupes', 'census_file', 'census_impact', 'census_imports', 'census_list', 'census_plan', 'census_summary', 'census_why']);
  for (const tool of tools) {
    assert.equal(tool.inputSchema.type, 'object', tool.name);
    assert.equal(tool.outputSchema?.type, 'object', `${tool.name} has structured output`);
  }
  assert.deepEqual(Object.keys(tools.find((x) => x.name === 'census_file')!.inputSchema.properties ?? {}), ['path']);

  const summary = data(await call(client, 'census_summary'));
  assert.equal(summary.files, 8);
  assert.deepEqual(summary.verdicts, { production: 2, tooling: 1, test: 0, documented: 0, manual: 1, dead: 2 });
  assert.equal(summary.entryPoints.total, 2);
  assert.equal(summary.realBreakages, 1);
  assert.equal(summary.scan.scans, 1);

  const file = data(await call(client, 'census_file', { path: 'src/lib.js' }));
  assert.equal(file.file.verdict, 'production');
  assert.deepEqual(file.importers.map((e: { from: string }) => e.from), ['docs/usage.md', 'scripts/build.js', 'src/cli.js']);
  assert.deepEqual([file.importerCount, file.importCount], [3, 0]);
  assert.equal(file.duplicates, null, 'duplicates are not computed before census_dupes');

  const why = data(await call(client, 'census_why', { path: 'src/lib.js', limit: 2 }));
  assert.equal(why.chains.length, 2);
  assert.equal(why.truncated, true);
  const every = data(await call(client, 'census_why', { path: 'src/lib.js' }));
  // scripts/build.js is an npm script (tooling) and a Node script that runs at load time (manual): a chain each.
  assert.deepEqual(every.chains.map((c: { tier: string }) => c.tier).sort(), ['documented', 'manual', 'production', 'tooling']);
  assert.equal(every.truncated, false);
  assert.match(every.chains.find((c: { tier: string }) => c.tier === 'production').sentences.join(' → '), /package\.json bin "small" → .*src\/cli\.js/);

  const dead = data(await call(client, 'census_list', { verdict: 'dead' }));
  assert.deepEqual(dead.items.map((f: { path: string }) => f.path), ['src/format.js', 'src/old/lib.js']);
  const paged = data(await call(client, 'census_list', { folder: 'src', limit: 2 }));
  assert.deepEqual([paged.total, paged.items.length, paged.nextOffset], [4, 2, 2]);
  const python = data(await call(client, 'census_list', { language: 'python' }));
  assert.deepEqual(python.items.map((f: { verdict: string }) => f.verdict), ['manual']);

  const imports = data(await call(client, 'census_imports', { bucket: 'broken-internal' }));
  assert.deepEqual(imports.realBreakages.map((f: { file: string; specifier: string }) => `${f.file} ${f.specifier}`), ['src/cli.js ./missing.js']);
  assert.equal(imports.rootCauses.length, 1);
  assert.equal(data(await call(client, 'census_imports', { path: 'scripts' })).findings.total, 0);

  const impact = data(await call(client, 'census_impact', { path: 'src/lib.js' }));
  assert.deepEqual(impact.dependents.items.map((d: { file: string }) => d.file), ['scripts/build.js', 'src/cli.js']);
  assert.deepEqual(impact.entryPoints.first.map((e: { kind: string }) => e.kind), ['production', 'tooling']);
  assert.deepEqual(impact.entryPoints.byKind, { production: 1, tooling: 1 });

  const dupes = data(await call(client, 'census_dupes', { path: 'src/old' }));
  assert.deepEqual(dupes.clusters.items.map((c: { kind: string; keep: string }) => [c.kind, c.keep]), [['exact', 'src/lib.js']]);
  assert.equal(data(await call(client, 'census_file', { path: 'src/lib.js' })).duplicates.length, 1, 'census_file shows clusters once computed');

  const plan = data(await call(client, 'census_plan'));
  const actionOf = new Map(plan.items.items.map((i: { path: string; action: string }) => [i.path, i.action]));
  assert.equal(actionOf.get('src/lib.js'), 'keep', 'a production file is kept');
  assert.equal(actionOf.get('src/cli.js'), 'keep');
  assert.equal(actionOf.get('src/format.js'), 'archive', 'a dead file with no sign of use is archived');
  // The copy's file name appears in an import of its keeper: the plan leans to review, as census plan does.
  assert.equal(actionOf.get('src/old/lib.js'), 'review');
  assert.equal(plan.archiveDir, 'archive');
  const inOld = data(await call(client, 'census_plan', { path: 'src/old' }));
  assert.deepEqual(inOld.items.items.map((i: { path: string }) => i.path), ['src/old/lib.js']);
  assert.match(errorText(await call(client, 'census_plan', { path: 'src/lib.js' })), /is a file/);

  const { resources } = await client.listResources();
  assert.deepEqual(resources.map((r) => r.uri).sort(), ['census://audit.json', 'census://report.md']);
  const audit = JSON.parse(((await client.readResource({ uri: 'census://audit.json' })).contents[0] as { text: string }).text);
  assert.equal(audit.schemaVersion, 1);
  assert.equal(audit.files.length, 8);
  const report = ((await client.readResource({ uri: 'census://report.md' })).contents[0] as { text: string }).text;
  assert.match(report, /^# Census of /);
  assert.match(report, /\n## dead \(2 files\)\n[^]*\n\| format\.js \| src\/format\.js is not imported/);

  // A change, then a question that sees it.
  const scansBefore = data(await call(client, 'census_summary')).scan.scans;
  appendFileSync(join(dir, 'src/cli.js'), "import { shout } from './format.js';\nshout('now used');\n");
  const progress: string[] = [];
  const after = data(
    (await client.callTool({ name: 'census_file', arguments: { path: 'src/format.js' } }, undefined, { onprogress: (p) => progress.push(p.message ?? '') })) as CallToolResult,
  );
  // The watch's background refresh (300 ms after the write) can win the race on a loaded machine:
  // the question then waits for a scan already under way, or finds the audit fresh, and hears
  // fewer stages or none. What it hears is stage progress; session.test.ts holds the whole sequence.
  assert.ok(progress.every((m) => /^[a-z][\w ()-]*: /.test(m)), `the re-scan's stages came as progress: ${JSON.stringify(progress)}`);
  assert.equal(after.file.verdict, 'production');
  assert.deepEqual(after.importers.map((e: { from: string }) => e.from), ['src/cli.js']);
  const rescanned = data(await call(client, 'census_summary'));
  assert.equal(rescanned.scan.scans, scansBefore + 1);
  assert.deepEqual(rescanned.scan.changed, ['src/cli.js']);
  assert.equal(rescanned.verdicts.dead, 1);

  // Bad inputs are tool errors; the server keeps answering.
  assert.match(errorText(await call(client, 'census_file', { path: '../../etc/passwd' })), /outside the repository/);
  assert.match(errorText(await call(client, 'census_file', { path: '/etc/passwd' })), /outside the repository/);
  assert.match(errorText(await call(client, 'census_file', { path: 'src/nope.js' })), /not in the census/);
  assert.match(errorText(await call(client, 'census_impact', { path: 'nowhere/at/all' })), /neither a file nor a folder/);
  assert.match(errorText(await call(client, 'census_list', { language: 'cobol' })), /no cobol files/);
  assert.match(errorText(await call(client, 'census_list', { folder: 'src/lib.js' })), /is a file/);
  assert.match(errorText(await call(client, 'census_why', { path: 'src/lib.js', limit: 'many' })), /Invalid arguments|expected number/i);
  assert.match(errorText(await call(client, 'census_list', { verdict: 'alive' })), /Invalid arguments|Invalid option/i);
  assert.match(errorText(await call(client, 'census_file', {})), /Invalid arguments|required/i);
  assert.match(errorText(await call(client, 'census_trace', {})), /not found/);
  assert.equal(data(await call(client, 'census_summary')).files, 8);
});

/** Lines of JSON written to the server as-is; answers read back by id. */
test('malformed JSON-RPC lines are skipped and the server answers the next request', async (t) => {
  const dir = scratchCopy();
  const child = spawn(process.execPath, [CENSUS, 'mcp', dir, '--workers', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  t.after(() => {
    child.kill();
    rmSync(dirname(dir), { recursive: true, force: true });
  });
  const answers = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  const lines = createInterface({ input: child.stdout });
  const stdoutLines: string[] = [];
  lines.on('line', (line) => {
    stdoutLines.push(line);
    const message = JSON.parse(line) as { id?: number; result?: unknown; error?: unknown };
    if (typeof message.id === 'number') answers.get(message.id)?.(message);
  });
  const request = (id: number, method: string, params: unknown) =>
    new Promise<{ result?: unknown; error?: unknown }>((resolve) => {
      answers.set(id, resolve);
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  const init = await request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } });
  assert.ok(init.result);
  child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  child.stdin.write('this is not json\n');
  child.stdin.write('{"jsonrpc":"2.0","id":7,"method":\n');
  child.stdin.write('{"hello":"world"}\n');
  child.stdin.write('[1,2,3]\n');
  const unknown = await request(2, 'no/such/method', {});
  assert.ok(unknown.error, 'an unknown method is a JSON-RPC error');
  const answer = (await request(3, 'tools/call', { name: 'census_summary', arguments: {} })) as { result: { structuredContent: { files: number } } };
  assert.equal(answer.result.structuredContent.files, 8);
  assert.match(stderr, /skipped a bad message/);
  assert.equal(child.exitCode, null, 'still running');
  // Nothing but JSON-RPC on stdout.
  for (const line of stdoutLines) assert.equal((JSON.parse(line) as { jsonrpc: string }).jsonrpc, '2.0');
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, 'closing stdin ends the server cleanly');
});

/**
 * census mcp's tools: each one's JSON schema (zod, which the SDK turns into JSON Schema for the
 * client), its description for the agent, and the call from validated arguments to a query over
 * the warm Audit. Every answer is structured content plus the same JSON as text. A mistake in a
 * call (unknown path, outside the repo) is thrown as ToolError; the SDK answers it as a tool
 * error (isError) and the server goes on.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { DUPLICATE_KINDS } from '../model/duplicates.js';
import { PLAN_ACTIONS } from '../model/plan.js';
import { IMPORT_BUCKETS } from '../model/imports.js';
import { VERDICTS } from '../model/verdict.js';
import { impactOf } from './impact.js';
import { DEFAULT_LIMIT, listFiles, MAX_LIMIT, page } from './listing.js';
import { censusFile, censusPath, ToolError } from './paths.js';
import { dupesOf, fileOf, importsOf, summaryOf, whyOf } from './queries.js';
import type { AuditSession } from './session.js';
import { planOf } from './plan.js';

/** What the SDK hands a tool besides its arguments: the request's progress token and a way to notify. */
interface CallExtra {
  _meta?: { progressToken?: string | number };
  sendNotification: (notification: { method: 'notifications/progress'; params: { progressToken: string | number; progress: number; message?: string } }) => Promise<void>;
}

/**
 * The session's audit for one question. A question that has to wait for a scan reports each
 * pipeline stage as MCP progress when the client asked for it (a progress token), so a client
 * that resets its timeout on progress does not give up on the first scan of a large repo.
 */
const auditFor = async <T>(session: AuditSession, extra: CallExtra, get: (s: AuditSession) => Promise<T>): Promise<T> => {
  const token = extra._meta?.progressToken;
  if (token === undefined) return get(session);
  let progress = 0;
  const stop = session.onProgress((event) => {
    progress += 1;
    extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, message: `${event.stage}: ${event.detail}` } }).catch(() => undefined);
  });
  try {
    return await get(session);
  } finally {
    stop();
  }
};
const current = (session: AuditSession, extra: CallExtra) => auditFor(session, extra, (s) => s.current());

const answer = (data: object): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(data) }],
  structuredContent: data as Record<string, unknown>,
});

// Inputs.
const pathIn = z.string().min(1).describe('a path in the repository: relative to its root (or absolute inside it)');
const folderIn = z.string().describe('a folder or file of the repository, relative to its root ("" or "." = everything)');
const offsetIn = z.number().int().min(0).optional().describe('skip this many items (paging; the answer gives nextOffset)');
const limitIn = z.number().int().min(1).max(MAX_LIMIT).optional().describe(`at most this many items (default ${DEFAULT_LIMIT})`);
const verdictIn = z.enum(VERDICTS);

// Outputs: the main fields typed, nested records loose (their fields are the Audit's, docs/audit.schema.json).
const record = z.looseObject({});
const pageOf = <T extends z.ZodType>(item: T) => ({ total: z.number(), offset: z.number(), limit: z.number(), nextOffset: z.number().nullable(), items: z.array(item) });

export const TOOL_NAMES = ['census_summary', 'census_file', 'census_why', 'census_list', 'census_imports', 'census_dupes', 'census_impact', 'census_plan'] as const;

export const registerTools = (server: McpServer, session: AuditSession): void => {
  server.registerTool(
    'census_summary',
    {
      title: 'Repository census summary',
      description:
        'Counts of files per verdict (production, tooling, test, documented, manual, dead), languages, entry points (what starts code: services, containers, package bins, CI jobs, scripts), failing imports, and when the audit was last refreshed. Start here.',
      inputSchema: {},
      outputSchema: {
        root: z.string(),
        files: z.number(),
        sourceFiles: z.number(),
        verdicts: z.record(z.string(), z.number()),
        languages: z.array(record),
        entryPoints: z.object({ total: z.number(), byKind: z.record(z.string(), z.number()), first: z.array(record) }),
        unresolvedImports: z.number(),
        realBreakages: z.number(),
        warnings: z.number(),
        scan: z.object({ scans: z.number(), scannedAt: z.string(), scanMs: z.number(), changed: z.array(z.string()), watching: z.enum(['folders', 'off']), duplicates: z.boolean() }),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (_args, extra) => {
      const { result, status } = await current(session, extra);
      return answer({ ...summaryOf(result.audit), scan: status });
    },
  );

  server.registerTool(
    'census_file',
    {
      title: 'One file: verdict, evidence, importers, imports',
      description:
        'Everything census knows about one file: its verdict and the evidence chain for it, the entry points that start it, the files that import/run/reference it (importers) and what it imports, its failing imports, its duplicate clusters (null until census_dupes has run once) and runtime evidence (null without --runtime).',
      inputSchema: { path: pathIn },
      outputSchema: {
        file: record,
        entryPoints: z.array(record),
        importers: z.array(record),
        importerCount: z.number(),
        imports: z.array(record),
        importCount: z.number(),
        failingImports: z.array(record),
        duplicates: z.array(record).nullable(),
        runtime: record.nullable(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path }, extra) => {
      const { result } = await current(session, extra);
      return answer(fileOf(result.audit, censusFile(result.audit, result.rootAbs, path)));
    },
  );

  server.registerTool(
    'census_why',
    {
      title: 'Why a file has its verdict: every chain',
      description:
        'Every chain from an entry point (production, tooling or test root, or a doc/manual root) to the file, shortest first, each a list of sentences from the root to the file; up to `limit` chains. A dead file has no chain: its evidence says what was checked.',
      inputSchema: { path: pathIn, limit: z.number().int().min(1).max(200).optional().describe('at most this many chains (default 20)') },
      outputSchema: {
        path: z.string(),
        verdict: verdictIn.optional(),
        evidence: z.array(z.string()),
        chains: z.array(z.object({ tier: verdictIn, sentences: z.array(z.string()) })),
        limit: z.number(),
        truncated: z.boolean(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path, limit }, extra) => {
      const { result } = await current(session, extra);
      return answer(whyOf(result.audit, censusFile(result.audit, result.rootAbs, path), limit ?? 20));
    },
  );

  server.registerTool(
    'census_list',
    {
      title: 'List files by verdict, folder or language',
      description: 'The files of the census (path order) that match every filter given, a page at a time: each with language, verdict, lines, one-line summary and the first sentence of its evidence.',
      inputSchema: {
        verdict: verdictIn.optional().describe('only files with this verdict'),
        folder: folderIn.optional(),
        language: z.string().optional().describe('only files in this language (python, typescript, javascript, shell, markdown, ...)'),
        offset: offsetIn,
        limit: limitIn,
      },
      outputSchema: pageOf(record),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ verdict, folder, language, offset, limit }, extra) => {
      const { result } = await current(session, extra);
      const audit = result.audit;
      const where = folder === undefined ? undefined : censusPath(audit, result.rootAbs, folder);
      if (where && !where.folder) throw new ToolError(`${folder} is a file; census_list takes a folder (census_file describes one file)`);
      const languages = new Set(audit.files.map((f) => f.language));
      if (language !== undefined && !languages.has(language as never)) throw new ToolError(`no ${language} files in this census; its languages: ${[...languages].sort().join(', ')}`);
      const files = listFiles(audit, { ...(verdict ? { verdict } : {}), ...(where ? { folder: where.path } : {}), ...(language !== undefined ? { language: language as never } : {}) });
      return answer(page(files, offset, limit));
    },
  );

  server.registerTool(
    'census_imports',
    {
      title: 'Failing imports: root causes and real breakages',
      description:
        'Broken-import triage. Every import that would fail is in one bucket; real breakages (broken-internal, missing-name, stdlib-removed) are bugs in the repo, the rest is environment (not installed, undeclared) or harmless (optional, type-only). Root causes group the cascades ("torch not installed: 21 imports fail, 73 modules through them"). Filter by bucket and/or a file or folder; findings are paged.',
      inputSchema: { bucket: z.enum(IMPORT_BUCKETS as [string, ...string[]]).optional().describe('only this bucket'), path: folderIn.optional(), offset: offsetIn, limit: limitIn },
      outputSchema: {
        environment: z.string(),
        counts: z.record(z.string(), z.number()),
        rootCauses: z.array(record),
        rootCauseCount: z.number(),
        realBreakages: z.array(record),
        realBreakageCount: z.number(),
        findings: z.object(pageOf(record)),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ bucket, path, offset, limit }, extra) => {
      const { result } = await current(session, extra);
      const where = path === undefined ? undefined : censusPath(result.audit, result.rootAbs, path);
      const found = importsOf(result.audit, { ...(bucket ? { bucket: bucket as (typeof IMPORT_BUCKETS)[number] } : {}), ...(where ? { path: where.path, folder: where.folder } : {}) });
      return answer({ ...found, findings: page(found.findings, offset, limit) });
    },
  );

  server.registerTool(
    'census_dupes',
    {
      title: 'Duplicate clusters touching a file or folder',
      description:
        'Copies, renamed copies, diverged same-name files, near-duplicates, shared blocks and possible cross-language overlap, each cluster with the copy to keep and why. The first call computes duplicates for the whole repo (one more scan, seconds on a large repo); later calls are instant.',
      inputSchema: { path: folderIn.optional(), kind: z.enum(DUPLICATE_KINDS as [string, ...string[]]).optional().describe('only clusters of this kind'), offset: offsetIn, limit: limitIn },
      outputSchema: { filesCompared: z.number(), clusters: z.object(pageOf(record)) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path, kind, offset, limit }, extra) => {
      const { result } = await auditFor(session, extra, (s) => s.withDuplicates());
      const where = path === undefined ? { path: '', folder: true } : censusPath(result.audit, result.rootAbs, path);
      const report = result.audit.duplicates!;
      const clusters = dupesOf(report.clusters, where.path, where.folder, kind as (typeof DUPLICATE_KINDS)[number] | undefined);
      return answer({ filesCompared: report.filesCompared, clusters: page(clusters, offset, limit) });
    },
  );

  server.registerTool(
    'census_impact',
    {
      title: 'What would break if this file or folder moved or went away',
      description:
        'Reverse reachability: every file that imports, runs or references the target, directly or through other files (nearest first, with the edge that links it), the entry points that start any of them, and the docs that mention it (they go stale; nothing breaks). A folder target counts only dependents outside the folder.',
      inputSchema: { path: pathIn, offset: offsetIn, limit: limitIn },
      outputSchema: {
        path: z.string(),
        folder: z.boolean(),
        targetFiles: z.number(),
        direct: z.number(),
        byVerdict: z.record(z.string(), z.number()),
        entryPoints: z.object({ total: z.number(), byKind: z.record(z.string(), z.number()), first: z.array(record) }),
        mentionedIn: z.array(record),
        mentionCount: z.number(),
        dependents: z.object(pageOf(record)),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path, offset, limit }, extra) => {
      const { result } = await current(session, extra);
      const where = censusPath(result.audit, result.rootAbs, path);
      const impact = impactOf(result.audit, where.path, where.folder);
      return answer({ ...impact, dependents: page(impact.dependents, offset, limit) });
    },
  );

  server.registerTool(
    'census_plan',
    {
      title: 'Cleanup plan: keep, review, merge, archive, delete or move per file',
      description:
        "What census plan recommends for each source file under a folder, with the reasons from the evidence. Nothing a root reaches, no framework file and no file with any sign of use is ever merged, archived or deleted (those are review). Read-only: it changes nothing (census apply, run by a person, carries a plan out). Needs duplicates, so the first call computes them like census_dupes.",
      inputSchema: {
        path: folderIn.optional(),
        action: z.enum(PLAN_ACTIONS).optional().describe('only items with this action'),
        recentDays: z.number().int().min(0).max(36500).optional().describe('a dead file changed within this many days is review, never removed (default 90)'),
        deleteDead: z.boolean().optional().describe('dead files with no sign of use are deleted instead of archived (default false)'),
        offset: offsetIn,
        limit: limitIn,
      },
      outputSchema: { archiveDir: z.string(), summary: z.record(z.string(), z.number()), items: z.object(pageOf(record)) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path, action, recentDays, deleteDead, offset, limit }, extra) => {
      const { result } = await auditFor(session, extra, (s) => s.withDuplicates());
      const where = path === undefined ? { path: '', folder: true } : censusPath(result.audit, result.rootAbs, path);
      if (!where.folder) throw new ToolError(`${path} is a file; census_plan takes a folder (census_file describes one file)`);
      const plan = planOf(result.audit, result.rootAbs, { folder: where.path, ...(recentDays !== undefined ? { recentDays } : {}), ...(deleteDead !== undefined ? { deleteDead } : {}) });
      const items = action === undefined ? plan.items : plan.items.filter((i) => i.action === action);
      return answer({ archiveDir: plan.archiveDir, summary: plan.summary, items: page(items, offset, limit) });
    },
  );
};

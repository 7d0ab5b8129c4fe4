/**
 * The subcommands, in the order --help lists them. Each is one line: its name and summary for the
 * main help, and a dynamic import so that start-up loads only the command that runs.
 */
import type { CommandEntry } from '../command.js';

export const COMMANDS: CommandEntry[] = [
  { name: 'scan', summary: 'list every file, its imports and wiring, and the verdict for each source file', load: async () => (await import('./scan.js')).scanCommand },
  { name: 'why', summary: 'explain one file\'s verdict: the chain from an entry point, or what was checked', load: async () => (await import('./why.js')).whyCommand },
  { name: 'imports', summary: 'triage every import that would fail: real breakages vs. environment noise, with root causes', load: async () => (await import('./imports.js')).importsCommand },
  { name: 'dupes', summary: 'find copied, renamed, diverged and near-duplicate files, shared blocks and cross-language overlap, with the copy to keep', load: async () => (await import('./dupes.js')).dupesCommand },
  { name: 'report', summary: 're-render a saved Audit JSON in another format, without scanning again', load: async () => (await import('./report.js')).reportCommand },
  { name: 'trace', summary: 'run a command with tracing and record which repo files it loaded (this runs your code)', load: async () => (await import('./trace.js')).traceCommand },
  { name: 'baseline', summary: 'accept today\'s findings: write them to .census/baseline.json, which census check compares against', load: async () => (await import('./baseline.js')).baselineCommand },
  { name: 'check', summary: 'fail (exit 1) on findings that are not in the accepted baseline or exceed the config\'s limits', load: async () => (await import('./check.js')).checkCommand },
  { name: 'history', summary: 'show how the verdicts and findings changed over the runs recorded in .census/history.db', load: async () => (await import('./history.js')).historyCommand },
  { name: 'diff', summary: 'compare two recorded runs: counts that moved, findings that appeared and went', load: async () => (await import('./diff.js')).diffCommand },
  { name: 'mcp', summary: 'serve the census to coding agents (Model Context Protocol on stdio): one warm audit, kept up to date as files change', load: async () => (await import('./mcp.js')).mcpCommand },
  { name: 'plan', summary: 'recommend keep, review, merge, archive, delete or move for every source file, with the evidence, as a plan census apply can carry out', load: async () => (await import('./plan.js')).planCommand },
  { name: 'apply', summary: 'carry out a cleanup plan (census plan) with git mv / git rm, rewrite the references, re-audit, roll back if anything broke', load: async () => (await import('./apply.js')).applyCommand },
];

/** Every command, loaded (tests and tools that need the whole table; the CLI loads one). */
export const loadAllCommands = async () => Promise.all(COMMANDS.map((c) => c.load()));

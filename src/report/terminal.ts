/** The terminal summary: what a person wants to see first, and where to look next. */
import type { Audit } from '../model/audit.js';
import { formatDiagnostic } from '../util/diagnostics.js';
import { VERDICTS } from '../model/verdict.js';
import { folderRows, headline, verdictFiles, verdictRows } from './inventory.js';
import { missingTargets } from './missing-view.js';
import { runtimeLists, utilizationLine } from './runtime-view.js';
import { importsHeadline, sectionOf } from './imports-view.js';
import { formatCount, pct, style, textTable } from './text.js';
import type { Reporter, RenderOptions } from './types.js';
import { DEFAULT_LIST_LINES, fileListLines, type FileLists } from './file-lists.js';
import type { Entry } from '../model/entry.js';

/** The width lists are packed to when the caller gives none (not a terminal). */
const NO_TTY_WIDTH = 100;
import { plural } from '../util/words.js';

const MAX_WARNINGS_SHOWN = 10;
const MAX_FOLDERS_SHOWN = 12;

/** The files to look at, by name: a summary that names no file sends everyone to another format. */
const listSection = (lists: FileLists | null, bold: (s: string) => string): string[] =>
  lists === null || lists.lines.length === 0 ? [] : ['', bold('Files that are not production, by folder:'), ...lists.lines];

const verdictSection = (audit: Audit, lists: FileLists | null, bold: (s: string) => string): string[] => {
  const files = verdictFiles(audit);
  if (files.length === 0) return [];
  const rows = verdictRows(files).map((r) => [r.verdict, formatCount(r.files), pct(r.files, files.length), formatCount(r.codeLines)]);
  const folders = folderRows(files, false);
  const folderTable = textTable(
    ['folder', ...VERDICTS],
    folders.slice(0, MAX_FOLDERS_SHOWN).map((f) => [f.folder === '.' ? '.' : `${f.folder}/`, ...VERDICTS.map((v) => (f.counts[v] ? String(f.counts[v]) : '·'))]),
  );
  return [
    '',
    bold(`${headline(audit)}.`),
    '',
    textTable(['verdict', 'files', 'share', 'code lines'], rows),
    '',
    folderTable,
    ...(folders.length > MAX_FOLDERS_SHOWN ? [`… ${folders.length - MAX_FOLDERS_SHOWN} more folders (see --format md)`] : []),
    ...listSection(lists, bold),
    '',
    'Explain any verdict with: census why <file>',
  ];
};

/** What the report is about: the root, or the asked folder inside the project found around it ("sidecar/ in the project at ../"). */
export const subject = (audit: Audit): string => {
  if (audit.focus === undefined || audit.focus === '') return audit.root;
  const root = audit.root === '.' ? 'the current folder' : /^(\.\.\/)*\.\.$/.test(audit.root) ? `${audit.root}/` : audit.root;
  return `${audit.focus}/ in the project at ${root}`;
};

const header = (audit: Audit): string => {
  const git = audit.git?.commit ? ` @ ${audit.git.commit.slice(0, 10)}${audit.git.dirty ? ' (uncommitted changes)' : ''}` : '';
  return `census ${audit.tool.version} — ${subject(audit)}${git}`;
};

const languageTable = (audit: Audit): string =>
  textTable(
    ['language', 'files', 'lines', 'code'],
    audit.summary.languages.map((l) => [l.language, formatCount(l.files), formatCount(l.lines), formatCount(l.codeLines)]),
  );

const importLine = (audit: Audit): string => {
  const imports = audit.edges.filter((e) => e.kind === 'import' || e.kind === 'dynamic-import' || e.kind === 'type-import');
  const internal = imports.filter((e) => e.to !== null).length;
  const external = imports.filter((e) => e.unresolved === 'external').length;
  const stdlib = imports.filter((e) => e.unresolved === 'stdlib' || e.unresolved === 'builtin').length;
  const notFound = imports.filter((e) => e.unresolved === 'not-found').length;
  return `imports: ${formatCount(internal)} to repo files, ${formatCount(external)} third-party, ${formatCount(stdlib)} standard library, ${formatCount(notFound)} not found`;
};

const MAX_RUNTIME_ITEMS = 15;
const MAX_MISSING_SHOWN = 10;

/**
 * Entry points and commands that run files the repo does not have: findings, listed where a person
 * looks first; the entry points the file lists already named are not listed twice.
 */
const missingSection = (audit: Audit, listed: ReadonlySet<Entry>, yellow: (s: string) => string): string[] => {
  const missing = missingTargets(audit, listed);
  if (missing.length === 0) return [];
  const out = ['', yellow(`${missing.length} command${missing.length === 1 ? ' runs a file' : 's run files'} missing from the repo:`)];
  for (const m of missing.slice(0, MAX_MISSING_SHOWN)) out.push(`  ${m.where}: ${m.what}`);
  if (missing.length > MAX_MISSING_SHOWN) out.push(`  … and ${missing.length - MAX_MISSING_SHOWN} more (see --format md)`);
  return out;
};

const runtimeSection = (audit: Audit, bold: (s: string) => string): string[] => {
  const line = utilizationLine(audit);
  if (!line) return [];
  const out = ['', bold(`Runtime: ${line}.`)];
  for (const list of runtimeLists(audit)) {
    out.push(`${list.title}: ${list.items.length}`);
    for (const item of list.items.slice(0, MAX_RUNTIME_ITEMS)) out.push(`  ${item}`);
    if (list.items.length > MAX_RUNTIME_ITEMS) out.push(`  … and ${list.items.length - MAX_RUNTIME_ITEMS} more`);
  }
  return out;
};

/** One line on the import triage, pointing at the command that explains it. */
const triageTeaser = (audit: Audit): string[] => {
  const section = sectionOf(audit);
  if (!section || section.findings.length === 0) return [];
  return ['', `Imports: ${importsHeadline(section)} Run census imports for the root causes.`];
};

export const renderTerminal: Reporter = (audit, options) => {
  const s = style(options.color);
  const parts: string[] = [s.bold(header(audit)), ''];
  parts.push(`${plural(audit.summary.files, 'file', 'files', formatCount)}, ${plural(audit.summary.sourceFiles, 'source file', 'source files', formatCount)}, ${plural(audit.summary.edges, 'edge', 'edges', formatCount)}`);
  // The lists are shown only under the verdict tables (a repo with no source files has neither).
  const lists = options.listLines === 0 || verdictFiles(audit).length === 0 ? null : fileListLines(audit, options.listLines ?? DEFAULT_LIST_LINES, options.width ?? NO_TTY_WIDTH);
  parts.push(importLine(audit), '', languageTable(audit), ...verdictSection(audit, lists, s.bold), ...runtimeSection(audit, s.bold), ...triageTeaser(audit), ...missingSection(audit, lists?.entries ?? new Set(), s.yellow));
  // Notes (severity info, such as an ambiguous doc mention) are counted, not listed: they are not problems.
  const problems = audit.warnings.filter((w) => w.severity !== 'info');
  const notes = audit.warnings.length - problems.length;
  if (problems.length > 0) {
    parts.push('', s.yellow(`${plural(problems.length, 'warning')}:`));
    for (const w of problems.slice(0, MAX_WARNINGS_SHOWN)) parts.push(`  ${formatDiagnostic(w)}`);
    if (problems.length > MAX_WARNINGS_SHOWN) parts.push(s.dim(`  … and ${problems.length - MAX_WARNINGS_SHOWN} more (see --format json or md)`));
  }
  if (notes > 0) parts.push('', s.dim(`${plural(notes, 'note')} (ambiguous doc mentions and the like) in --format json or md`));
  const junk = audit.junk ?? [];
  if (junk.length > 0) parts.push('', s.dim(`Skipped ${plural(junk.length, 'junk file')} (${[...new Set(junk.map((j) => j.reason))].join(', ')}): ${junk.slice(0, 3).map((j) => j.path).join(', ')}${junk.length > 3 ? ', …' : ''}`));
  return `${parts.join('\n')}\n`;
};

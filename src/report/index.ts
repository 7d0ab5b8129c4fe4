/**
 * The reporter registry: every view census prints × the formats it renders, each format one line.
 * The CLI takes every command's --format from here (one error wording, cli/format.ts), help and
 * usage list the formats from here, and test/report/registry.test.ts holds the README's formats
 * table to it. Adding a format to a view = one renderer file + one line below. Renderers load on
 * demand: a command pays for the one it prints with (the HTML page's client alone is 27 modules),
 * and `census why` starts in a fraction of a second.
 */
import type { ApplyReport } from '../model/apply.js';
import type { Audit } from '../model/audit.js';
import type { DuplicatesReport } from '../model/duplicates.js';
import type { RunDiff } from '../model/findings.js';
import type { Plan } from '../model/plan.js';
import type { WhyExplanation } from '../model/why.js';
import { displaySafe } from './display-safe.js';
import { fitToWidth } from './fit-width.js';
import type { BaselineView } from './guardrails/baseline-terminal.js';
import type { CheckView } from './guardrails/check-view.js';
import type { HistoryView } from './guardrails/history-terminal.js';
import type { Renderer, RenderOptions } from './types.js';

export const FORMAT_NAMES = ['terminal', 'json', 'md', 'html', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** The default of every view: what a person at a terminal reads. */
export const DEFAULT_FORMAT: FormatName = 'terminal';

export interface FormatEntry<D> {
  load: () => Promise<Renderer<D>>;
  /** What this format of this view is, in a few words (help and the README's formats table). */
  what: string;
}

export interface View<D> {
  /** The census commands that print this view. */
  commands: string[];
  /** Its formats in the order help lists them; every view has terminal and json. */
  formats: { terminal: FormatEntry<D>; json: FormatEntry<D> } & { [F in FormatName]?: FormatEntry<D> };
}

/** The data each view renders: model data only, computed by the command before rendering. */
export interface ViewData {
  audit: Audit;
  imports: Audit;
  dupes: DuplicatesReport;
  why: WhyExplanation;
  baseline: BaselineView;
  check: CheckView;
  history: HistoryView;
  diff: RunDiff;
  apply: ApplyReport;
  plan: Plan;
}

export type ViewName = keyof ViewData;

export const VIEWS: { [V in ViewName]: View<ViewData[V]> } = {
  audit: {
    commands: ['scan', 'report'],
    formats: {
      terminal: { load: async () => (await import('./terminal.js')).renderTerminal, what: 'the summary: verdicts, folders, entry points, warnings' },
      json: { load: async () => (await import('./json.js')).jsonPieces, what: 'the whole Audit (docs/audit.schema.json), the document every other report is rendered from' },
      md: { load: async () => (await import('./markdown.js')).renderMarkdown, what: 'the inventory, by verdict then folder (`--summary`: the counts, the top findings and where to find the rest, small enough for a GitHub issue)' },
      html: { load: async () => (await import('./html/index.js')).renderHtml, what: 'one self-contained page: treemap, graph, table, imports, duplicates' },
    },
  },
  imports: {
    commands: ['imports'],
    formats: {
      terminal: { load: async () => (await import('./imports-terminal.js')).renderImportsTerminal, what: 'categories, root causes, real breakages file by file' },
      json: { load: async () => (await import('./json.js')).jsonPieces, what: 'the whole Audit; the triage is its `imports` section' },
      md: { load: async () => (await import('./imports-markdown.js')).renderImportsMarkdown, what: 'the triage as a document' },
    },
  },
  dupes: {
    commands: ['dupes'],
    formats: {
      terminal: { load: async () => (await import('./duplicates-terminal.js')).renderDuplicatesTerminal, what: 'clusters by kind, keeper first' },
      json: { load: async () => (await import('./json-views.js')).renderDuplicatesJson, what: 'the Audit\'s `duplicates` section alone: clusters with kind, files, similarity, keep, reason' },
      md: { load: async () => (await import('./duplicates-markdown.js')).renderDuplicatesMarkdown, what: 'one table per kind with the evidence' },
    },
  },
  why: {
    commands: ['why'],
    formats: {
      terminal: { load: async () => (await import('./why.js')).renderWhyTerminal, what: 'the verdict and the chain that decided it' },
      json: { load: async () => (await import('./json-views.js')).renderWhyJson, what: '`{ file, chains? }`: the file\'s record as in the Audit, and with `--all` every chain `{ tier, sentences }`' },
    },
  },
  baseline: {
    commands: ['baseline'],
    formats: {
      terminal: { load: async () => (await import('./guardrails/baseline-terminal.js')).renderBaselineTerminal, what: 'what was written, by kind, and how it differs from the previous baseline' },
      json: { load: async () => (await import('./json-views.js')).renderBaselineJson, what: '`{ census, commit, date, environment?, findings }`: the baseline written to `.census/baseline.json`' },
    },
  },
  check: {
    commands: ['check'],
    formats: {
      terminal: { load: async () => (await import('./guardrails/check-terminal.js')).renderCheckTerminal, what: 'new and fixed findings, the limits, the verdict' },
      md: { load: async () => (await import('./guardrails/check-markdown.js')).renderCheckMarkdown, what: 'a pull-request summary' },
      sarif: { load: async () => (await import('./guardrails/check-sarif.js')).renderCheckSarif, what: 'SARIF 2.1.0 for code scanning' },
      github: { load: async () => (await import('./guardrails/check-github.js')).renderCheckGithub, what: 'workflow annotations' },
      json: { load: async () => (await import('./json-views.js')).renderCheckJson, what: 'the check result: `new`, `fixed`, `unchanged`, `counts`, `breaches`, `status`' },
    },
  },
  history: {
    commands: ['history'],
    formats: {
      terminal: { load: async () => (await import('./guardrails/history-terminal.js')).renderHistoryTerminal, what: 'one row per run, the counts that moved' },
      json: { load: async () => (await import('./json-views.js')).renderHistoryJson, what: '`{ file, runs }`: the shown runs, oldest first' },
    },
  },
  diff: {
    commands: ['diff'],
    formats: {
      terminal: { load: async () => (await import('./guardrails/history-terminal.js')).renderRunDiffTerminal, what: 'counts that moved, findings that appeared and went' },
      json: { load: async () => (await import('./json-views.js')).renderRunDiffJson, what: '`{ from, to, added, removed, changes }`: both runs, the finding keys added and removed, the counts that moved' },
    },
  },
  plan: {
    commands: ['plan'],
    formats: {
      terminal: { load: async () => (await import('./plan-terminal.js')).renderPlanTerminal, what: 'counts per action, then every file to remove, move or review with its reasons' },
      md: { load: async () => (await import('./plan-markdown.js')).renderPlanMarkdown, what: 'a pull-request summary: counts, then one table per action with the reasons' },
      json: { load: async () => (await import('./json-views.js')).renderPlanJson, what: 'the Plan (docs/plan.schema.json): one item per source file, the document `census apply` reads' },
    },
  },
  apply: {
    commands: ['apply'],
    formats: {
      terminal: { load: async () => (await import('./apply-views.js')).renderApplyTerminal, what: 'what was done, the references rewritten, the re-audit, the diff' },
      md: { load: async () => (await import('./apply-views.js')).renderApplyMarkdown, what: 'the same as a pull-request description' },
      json: { load: async () => (await import('./apply-views.js')).renderApplyJson, what: 'the ApplyReport: `status`, `problems`, `actions`, `edits`, `checks`, `test`, `notes`, `diff`, `diffSize`' },
    },
  },
};

/** Formats read by a person or a CI log as text; json, sarif and html escape repo strings their own way. */
const TEXT_FORMATS: ReadonlySet<FormatName> = new Set(['terminal', 'md', 'github']);

/** The formats of a view, in the order help lists them. */
export const formatsOf = (view: ViewName): FormatName[] => Object.keys(VIEWS[view].formats) as FormatName[];

export const isFormatOf = (view: ViewName, name: string): name is FormatName => Object.hasOwn(VIEWS[view].formats, name);

/** Renders `data` as `view` in `format` (a format the view has: check with isFormatOf first). */
export const renderView = async <V extends ViewName>(view: V, format: FormatName, data: ViewData[V], options: RenderOptions): Promise<string | Iterable<string>> => {
  const entry = (VIEWS[view].formats as Partial<Record<FormatName, FormatEntry<ViewData[V]>>>)[format];
  if (!entry) throw new Error(`the ${view} view has no ${format} format`);
  const render = await entry.load();
  // Text formats show repo strings to a terminal or a CI log: control characters must not get there raw.
  const rendered = render(TEXT_FORMATS.has(format) ? displaySafe(data) : data, options);
  return format === 'terminal' && options.width !== undefined && typeof rendered === 'string' ? fitToWidth(rendered, options.width) : rendered;
};

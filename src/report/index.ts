/**
 * The reporter registry: every view census prints × the formats it renders, each format one line.
 * The CLI takes every command's --format from here (one error wording, cli/format.ts), help and
 * usage list the formats from here, and test/report/registry.test.ts holds the README's formats
 * table to it. Adding a format to a view = one renderer file + one line below.
 */
import type { ApplyReport } from '../model/apply.js';
import type { Audit } from '../model/audit.js';
import type { DuplicatesReport } from '../model/duplicates.js';
import type { RunDiff } from '../model/findings.js';
import type { Plan } from '../model/plan.js';
import type { WhyExplanation } from '../model/why.js';
import { renderApplyJson, renderApplyMarkdown, renderApplyTerminal } from './apply-views.js';
import { displaySafe } from './display-safe.js';
import { fitToWidth } from './fit-width.js';
import { renderDuplicatesMarkdown } from './duplicates-markdown.js';
import { renderDuplicatesTerminal } from './duplicates-terminal.js';
import { renderBaselineTerminal, type BaselineView } from './guardrails/baseline-terminal.js';
import { renderCheckGithub } from './guardrails/check-github.js';
import { renderCheckMarkdown } from './guardrails/check-markdown.js';
import { renderCheckSarif } from './guardrails/check-sarif.js';
import { renderCheckTerminal } from './guardrails/check-terminal.js';
import type { CheckView } from './guardrails/check-view.js';
import { renderHistoryTerminal, renderRunDiffTerminal, type HistoryView } from './guardrails/history-terminal.js';
import { renderHtml } from './html/index.js';
import { renderImportsMarkdown } from './imports-markdown.js';
import { renderImportsTerminal } from './imports-terminal.js';
import { jsonPieces } from './json.js';
import { renderBaselineJson, renderCheckJson, renderDuplicatesJson, renderHistoryJson, renderPlanJson, renderRunDiffJson, renderWhyJson } from './json-views.js';
import { renderMarkdown } from './markdown.js';
import { renderPlanMarkdown } from './plan-markdown.js';
import { renderPlanTerminal } from './plan-terminal.js';
import { renderTerminal } from './terminal.js';
import type { Renderer, RenderOptions } from './types.js';
import { renderWhyTerminal } from './why.js';

export const FORMAT_NAMES = ['terminal', 'json', 'md', 'html', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** The default of every view: what a person at a terminal reads. */
export const DEFAULT_FORMAT: FormatName = 'terminal';

export interface FormatEntry<D> {
  render: Renderer<D>;
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
      terminal: { render: renderTerminal, what: 'the summary: verdicts, folders, entry points, warnings' },
      json: { render: jsonPieces, what: 'the whole Audit (docs/audit.schema.json), the document every other report is rendered from' },
      md: { render: renderMarkdown, what: 'the inventory, by verdict then folder (`--summary`: the counts, the top findings and where to find the rest, small enough for a GitHub issue)' },
      html: { render: renderHtml, what: 'one self-contained page: treemap, graph, table, imports, duplicates' },
    },
  },
  imports: {
    commands: ['imports'],
    formats: {
      terminal: { render: renderImportsTerminal, what: 'categories, root causes, real breakages file by file' },
      json: { render: jsonPieces, what: 'the whole Audit; the triage is its `imports` section' },
      md: { render: renderImportsMarkdown, what: 'the triage as a document' },
    },
  },
  dupes: {
    commands: ['dupes'],
    formats: {
      terminal: { render: renderDuplicatesTerminal, what: 'clusters by kind, keeper first' },
      json: { render: renderDuplicatesJson, what: 'the Audit\'s `duplicates` section alone: clusters with kind, files, similarity, keep, reason' },
      md: { render: renderDuplicatesMarkdown, what: 'one table per kind with the evidence' },
    },
  },
  why: {
    commands: ['why'],
    formats: {
      terminal: { render: renderWhyTerminal, what: 'the verdict and the chain that decided it' },
      json: { render: renderWhyJson, what: '`{ file, chains? }`: the file\'s record as in the Audit, and with `--all` every chain `{ tier, sentences }`' },
    },
  },
  baseline: {
    commands: ['baseline'],
    formats: {
      terminal: { render: renderBaselineTerminal, what: 'what was written, by kind, and how it differs from the previous baseline' },
      json: { render: renderBaselineJson, what: '`{ census, commit, date, environment?, findings }`: the baseline written to `.census/baseline.json`' },
    },
  },
  check: {
    commands: ['check'],
    formats: {
      terminal: { render: renderCheckTerminal, what: 'new and fixed findings, the limits, the verdict' },
      md: { render: renderCheckMarkdown, what: 'a pull-request summary' },
      sarif: { render: renderCheckSarif, what: 'SARIF 2.1.0 for code scanning' },
      github: { render: renderCheckGithub, what: 'workflow annotations' },
      json: { render: renderCheckJson, what: 'the check result: `new`, `fixed`, `unchanged`, `counts`, `breaches`, `status`' },
    },
  },
  history: {
    commands: ['history'],
    formats: {
      terminal: { render: renderHistoryTerminal, what: 'one row per run, the counts that moved' },
      json: { render: renderHistoryJson, what: '`{ file, runs }`: the shown runs, oldest first' },
    },
  },
  diff: {
    commands: ['diff'],
    formats: {
      terminal: { render: renderRunDiffTerminal, what: 'counts that moved, findings that appeared and went' },
      json: { render: renderRunDiffJson, what: '`{ from, to, added, removed, changes }`: both runs, the finding keys added and removed, the counts that moved' },
    },
  },
  plan: {
    commands: ['plan'],
    formats: {
      terminal: { render: renderPlanTerminal, what: 'counts per action, then every file to remove, move or review with its reasons' },
      md: { render: renderPlanMarkdown, what: 'a pull-request summary: counts, then one table per action with the reasons' },
      json: { render: renderPlanJson, what: 'the Plan (docs/plan.schema.json): one item per source file, the document `census apply` reads' },
    },
  },
  apply: {
    commands: ['apply'],
    formats: {
      terminal: { render: renderApplyTerminal, what: 'what was done, the references rewritten, the re-audit, the diff' },
      md: { render: renderApplyMarkdown, what: 'the same as a pull-request description' },
      json: { render: renderApplyJson, what: 'the ApplyReport: `status`, `problems`, `actions`, `edits`, `checks`, `test`, `notes`, `diff`, `diffSize`' },
    },
  },
};

/** Formats read by a person or a CI log as text; json, sarif and html escape repo strings their own way. */
const TEXT_FORMATS: ReadonlySet<FormatName> = new Set(['terminal', 'md', 'github']);

/** The formats of a view, in the order help lists them. */
export const formatsOf = (view: ViewName): FormatName[] => Object.keys(VIEWS[view].formats) as FormatName[];

export const isFormatOf = (view: ViewName, name: string): name is FormatName => Object.hasOwn(VIEWS[view].formats, name);

/** Renders `data` as `view` in `format` (a format the view has: check with isFormatOf first). */
export const renderView = <V extends ViewName>(view: V, format: FormatName, data: ViewData[V], options: RenderOptions): string | Iterable<string> => {
  const entry = (VIEWS[view].formats as Partial<Record<FormatName, FormatEntry<ViewData[V]>>>)[format];
  if (!entry) throw new Error(`the ${view} view has no ${format} format`);
  // Text formats show repo strings to a terminal or a CI log: control characters must not get there raw.
  const rendered = entry.render(TEXT_FORMATS.has(format) ? displaySafe(data) : data, options);
  return format === 'terminal' && options.width !== undefined && typeof rendered === 'string' ? fitToWidth(rendered, options.width) : rendered;
};

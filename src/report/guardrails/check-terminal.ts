/** `census check` for people at a terminal: what is new, what was fixed, the limits, the verdict. */
import type { CheckResult, Finding } from '../../model/findings.js';
import { formatDiagnostic } from '../../util/diagnostics.js';
import { style, textTable } from '../text.js';
import { baselineLine, incompleteAdvice, incompleteSentence, limitText, splitNew, verdictLine, type CheckView } from './check-view.js';
import type { RenderOptions } from '../types.js';
import { plural } from '../../util/words.js';

const MAX_LISTED = 50;

const MAX_WHERE_WIDTH = 60;

const findingRows = (findings: Finding[]): string[] => {
  const shown = findings.slice(0, MAX_LISTED);
  const where = (f: Finding) => `${f.file}${f.line > 1 ? `:${f.line}` : ''}`;
  const categoryWidth = Math.max(...shown.map((f) => f.category.length));
  const whereWidth = Math.min(MAX_WHERE_WIDTH, Math.max(...shown.map((f) => where(f).length)));
  const rows = shown.map((f) => `  ${f.category.padEnd(categoryWidth)}  ${where(f).padEnd(whereWidth)}  ${f.message}`);
  if (findings.length > MAX_LISTED) rows.push(`  … and ${findings.length - MAX_LISTED} more (see --format json)`);
  return rows;
};

/** --quiet (a pre-commit hook): nothing on a pass; otherwise only what fails, and the files an incomplete run could not read. */
const renderQuiet = (result: CheckView['result'], s: ReturnType<typeof style>): string => {
  if (result.status === 'pass') return '';
  const { failing } = splitNew(result);
  const out = failing.length > 0 ? [s.red(`${plural(failing.length, 'new finding')} over the limits:`), ...findingRows(failing)] : [];
  const incomplete = incompleteSentence(result.incomplete);
  if (result.status === 'incomplete' && incomplete) out.push(s.yellow(`${incomplete}:`), ...result.incomplete.files.slice(0, MAX_LISTED).map((f) => `  ${f}`));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
};

export const renderCheckTerminal = ({ result }: CheckView, options: RenderOptions): string => {
  const s = style(options.color);
  if (options.quiet === true) return renderQuiet(result, s);
  const out: string[] = [s.bold(`census check — ${result.root}`), baselineLine(result)];
  if (result.environmentNote) out.push(s.yellow(`note: ${result.environmentNote}`));
  const { failing, other } = splitNew(result);
  if (failing.length > 0) out.push('', s.red(`${plural(failing.length, 'new finding')} over the limits:`), ...findingRows(failing));
  if (other.length > 0) out.push('', s.yellow(`${plural(other.length, 'new finding')} within the limits or not gated:`), ...findingRows(other));
  if (result.new.length === 0) out.push('', 'no new findings');
  if (result.fixed.length > 0) {
    out.push('', s.green(`${plural(result.fixed.length, 'finding')} fixed since the baseline (census baseline records the improvement):`));
    out.push(...result.fixed.slice(0, MAX_LISTED).map((k) => `  ${k}`));
    if (result.fixed.length > MAX_LISTED) out.push(`  … and ${result.fixed.length - MAX_LISTED} more`);
  }
  if (result.counts.length > 0) {
    out.push('', textTable(
      ['category', 'baseline', 'now', 'new', 'fixed', 'limit'],
      result.counts.map((c) => [c.category, String(c.baseline), String(c.current), String(c.new), String(c.fixed), limitText(c, result)]),
    ));
  }
  const incomplete = incompleteSentence(result.incomplete);
  if (incomplete) {
    out.push('', s.yellow(`${incomplete} — ${incompleteAdvice(result)}:`));
    out.push(...result.incomplete.files.slice(0, MAX_LISTED).map((f) => `  ${f}`));
    if (result.incomplete.files.length > MAX_LISTED) out.push(`  … and ${result.incomplete.files.length - MAX_LISTED} more`);
    out.push(...result.incomplete.crashes.map((d) => `  ${formatDiagnostic(d)}`));
  }
  const verdict = verdictLine(result);
  out.push('', result.status === 'pass' ? s.green(verdict) : s.red(verdict));
  if (result.status === 'regression') out.push('Fix the new findings, or accept them on purpose with: census baseline');
  return `${out.join('\n')}\n`;
};

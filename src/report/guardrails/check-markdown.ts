/** `census check --format md`: a pull-request summary (a comment or $GITHUB_STEP_SUMMARY). */
import type { CheckResult, Finding } from '../../model/findings.js';
import { formatDiagnostic } from '../../util/diagnostics.js';
import { cell } from '../markdown.js';
import { mdCode, mdText } from '../md-escape.js';
import { baselineLine, incompleteAdvice, incompleteSentence, limitText, repoPath, splitNew, verdictLine, type CheckView } from './check-view.js';
import { plural } from '../../util/words.js';

const MAX_ROWS = 100;

const table = (header: string[], rows: string[][]): string[] => [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
];

const findingTable = (findings: Finding[], view: CheckView): string[] => [
  ...table(['Category', 'Where', 'Finding'], findings.slice(0, MAX_ROWS).map((f) => [f.category, `${repoPath(f.file, view)}${f.line > 1 ? `:${f.line}` : ''}`, f.message])),
  ...(findings.length > MAX_ROWS ? ['', `… and ${findings.length - MAX_ROWS} more (census check --format json lists them all).`] : []),
  '',
];

export const renderCheckMarkdown = (view: CheckView): string => {
  const { result } = view;
  const icon = result.status === 'pass' ? '✅' : result.status === 'regression' ? '❌' : '⚠️';
  const out: string[] = [`## ${icon} ${verdictLine(result)}`, '', `_${baselineLine(result)}_`, ''];
  if (result.environmentNote) out.push(`> Note: ${mdText(result.environmentNote)}.`, '');
  const { failing, other } = splitNew(result);
  if (failing.length > 0) out.push(`### ${plural(failing.length, 'new finding')} over the limits`, '', ...findingTable(failing, view));
  if (other.length > 0) out.push(`### ${plural(other.length, 'new finding')} within the limits or not gated`, '', ...findingTable(other, view));
  if (result.fixed.length > 0) {
    out.push(`### ${plural(result.fixed.length, 'finding')} fixed`, '');
    out.push(...result.fixed.slice(0, MAX_ROWS).map((k) => `- ${mdCode(k)}`));
    if (result.fixed.length > MAX_ROWS) out.push(`- … and ${result.fixed.length - MAX_ROWS} more`);
    out.push('', 'Run `census baseline` to lock the improvement in.', '');
  }
  if (result.counts.length > 0) {
    out.push('### By category', '', ...table(
      ['Category', 'Baseline', 'Now', 'New', 'Fixed', 'Limit'],
      result.counts.map((c) => [c.category, String(c.baseline), String(c.current), String(c.new), String(c.fixed), limitText(c, result)]),
    ), '');
  }
  const incomplete = incompleteSentence(result.incomplete);
  if (incomplete) {
    out.push('### Incomplete analysis', '', `The ${incomplete.replace(/^the /, '')}: ${incompleteAdvice(result)}.`, '');
    out.push(...result.incomplete.files.slice(0, MAX_ROWS).map((f) => `- ${mdCode(repoPath(f, view))}`));
    out.push(...result.incomplete.crashes.map((d) => `- ${cell(formatDiagnostic(d))}`), '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
};

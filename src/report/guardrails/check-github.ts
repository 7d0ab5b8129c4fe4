/**
 * `census check --format github`: GitHub Actions workflow commands, so new findings show as
 * annotations on the pull request's files: `::error file=…,line=…,title=…::message`.
 */
import type { CheckResult, Finding } from '../../model/findings.js';
import { incompleteAdvice, incompleteSentence, repoPath, splitNew, verdictLine, type CheckView } from './check-view.js';
import { plural } from '../../util/words.js';

/** Escaping as the Actions runner expects: data escapes %, CR, LF; property values also : and ,. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const command = (level: 'error' | 'warning' | 'notice', message: string, where?: { file: string; line: number }, title?: string): string => {
  const props = [
    ...(where ? [`file=${escapeProperty(where.file)}`, `line=${where.line}`] : []),
    ...(title ? [`title=${escapeProperty(title)}`] : []),
  ];
  return `::${level}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
};

const annotate = (f: Finding, level: 'error' | 'warning' | 'notice', view: CheckView): string =>
  command(level, f.message, { file: repoPath(f.file, view), line: Math.max(1, f.line) }, `census: new ${f.category}`);

export const renderCheckGithub = (view: CheckView): string => {
  const { result } = view;
  const { failing, other } = splitNew(result);
  const gatedCategories = new Set(result.counts.filter((c) => c.gated).map((c) => c.category));
  const lines = [
    ...failing.map((f) => annotate(f, 'error', view)),
    ...other.map((f) => annotate(f, gatedCategories.has(f.category) ? 'warning' : 'notice', view)),
  ];
  if (result.environmentNote) lines.push(command('warning', result.environmentNote, undefined, 'census: different import environment'));
  if (!result.baselineFound) lines.push(command('warning', `no baseline at ${result.baselineFile}: every finding counts as new. Commit one made with census baseline.`, undefined, 'census: no baseline'));
  if (result.fixed.length > 0) lines.push(command('notice', `${plural(result.fixed.length, 'finding')} fixed since the baseline: ${result.fixed.join(', ')}. Run census baseline to lock the improvement in.`, undefined, 'census: fixed'));
  const incomplete = incompleteSentence(result.incomplete);
  if (incomplete) {
    const level = result.allowIncomplete ? 'warning' : 'error';
    lines.push(command(level, `${incomplete} — ${incompleteAdvice(result)}`, undefined, 'census: incomplete analysis'));
    for (const file of result.incomplete.files) lines.push(command(level, 'not read or parsed fully; its findings may be missing', { file: repoPath(file, view), line: 1 }, 'census: incomplete'));
    for (const d of result.incomplete.crashes) {
      lines.push(command(level, `${d.message} [${d.id}]`, d.location ? { file: repoPath(d.location.file, view), line: d.location.line ?? 1 } : undefined, 'census: analysis step crashed'));
    }
  }
  lines.push(verdictLine(result));
  return `${lines.join('\n')}\n`;
};

/** The ApplyReport (census apply) as a terminal summary, a Markdown document and JSON. */
import type { ApplyReport, VerificationCheck } from '../model/apply.js';
import { style } from './text.js';
import type { RenderOptions } from './types.js';

const HEADLINE: Record<ApplyReport['status'], string> = {
  refused: 'refused: nothing was touched',
  applied: 'applied and staged (review with `git diff --staged`, then commit)',
  'dry-run': 'dry run: the repo was not touched',
  'rolled-back': 'a check failed: the working tree and index were restored',
};

const checkLine = (c: VerificationCheck): string => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}`;

export const renderApplyTerminal = (r: ApplyReport, options: RenderOptions): string => {
  const s = style(options.color);
  const bad = r.status === 'refused' || r.status === 'rolled-back' || r.checks.some((c) => !c.ok);
  const out: string[] = [s.bold(`census apply ${r.plan} → ${r.root}: `) + (bad ? s.red(HEADLINE[r.status]) : s.green(HEADLINE[r.status]))];
  if (r.problems.length > 0) out.push('', s.bold('Problems'), ...r.problems.map((p) => `  - ${p}`));
  if (r.actions.length > 0) out.push('', s.bold(`Actions (${r.actions.length})`), ...r.actions.map((a) => `  ${a.action.padEnd(7)} ${a.done}`));
  if (r.edits.length > 0) out.push('', s.bold(`References rewritten (${r.edits.length})`), ...r.edits.map((e) => `  ${e.file}:${e.line}  ${e.before}  →  ${e.after}`));
  if (r.checks.length > 0) {
    out.push('', s.bold('Re-audit'));
    for (const c of r.checks) {
      out.push(`  ${c.ok ? s.green(checkLine(c)) : s.red(checkLine(c))}`);
      for (const f of c.failures) out.push(`       ${f}`);
    }
  }
  if (r.test && r.test.exitCode !== 0) out.push('', s.bold(`Test output (${r.test.command}, last lines)`), ...r.test.output.map((l) => `  ${l}`));
  if (r.skipped.length > 0) out.push('', s.dim(`Not carried out: ${r.skipped.filter((k) => k.action === 'review').length} review, ${r.skipped.filter((k) => k.action === 'keep').length} keep`));
  if (r.notes.length > 0) out.push('', s.bold('Notes'), ...r.notes.map((n) => `  - ${n}`));
  if (r.diff.length > 0) {
    out.push('', s.bold(r.status === 'dry-run' ? 'Diff' : 'Staged'), ...r.diff);
    // `git diff --stat` ends with its own totals; the full diff of a dry run has none.
    if (r.status === 'dry-run') out.push(s.dim(`${r.diffSize.files} files changed, ${r.diffSize.insertions} insertions, ${r.diffSize.deletions} deletions`));
  }
  return `${out.join('\n')}\n`;
};

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export const renderApplyMarkdown = (r: ApplyReport): string => {
  const out: string[] = [`# census apply: ${r.plan}`, '', `**${HEADLINE[r.status]}**`, ''];
  if (r.problems.length > 0) out.push('## Problems', '', ...r.problems.map((p) => `- ${p}`), '');
  if (r.actions.length > 0) out.push('## Actions', '', '| File | Action | To | Done |', '|---|---|---|---|', ...r.actions.map((a) => `| \`${cell(a.path)}\` | ${a.action} | ${a.to ? `\`${cell(a.to)}\`` : ''} | ${cell(a.done)} |`), '');
  if (r.edits.length > 0) out.push('## References rewritten', '', '| File | Line | Before | After | For |', '|---|---|---|---|---|', ...r.edits.map((e) => `| \`${cell(e.file)}\` | ${e.line} | \`${cell(e.before)}\` | \`${cell(e.after)}\` | \`${cell(e.item)}\` |`), '');
  if (r.checks.length > 0) {
    out.push('## Re-audit', '');
    for (const c of r.checks) out.push(`- ${c.ok ? '✅' : '❌'} ${c.name}`, ...c.failures.map((f) => `  - ${f}`));
    out.push('');
  }
  if (r.test) out.push(`Tests: \`${r.test.command}\` exited with ${r.test.exitCode}.`, '');
  if (r.notes.length > 0) out.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  if (r.diff.length > 0) out.push(r.status === 'dry-run' ? '## Diff' : '## Staged', '', '```diff', ...r.diff, '```', '');
  return `${out.join('\n')}\n`;
};

export const renderApplyJson = (r: ApplyReport): string => `${JSON.stringify(r, null, 2)}\n`;

/**
 * `census why` for people: the verdict, then the chain that decided it (or, with --all, every
 * chain found, shortest first), then the last commit when the evidence does not already say it.
 */
import type { WhyExplanation } from '../model/why.js';

export const renderWhyTerminal = ({ file: record, all }: WhyExplanation): string => {
  const file = record.path;
  const lines: string[] = [];
  if (!record.verdict) {
    lines.push(`${file}: ${record.language} file — census gives verdicts to source files only (Python, JavaScript/TypeScript, shell).`);
  } else {
    lines.push(`${file}: ${record.verdict}`);
    if (all) {
      const { chains, limit } = all;
      if (chains.length === 0) for (const e of record.evidence ?? []) lines.push(`  ${e}`);
      chains.forEach((c, i) => {
        lines.push(`  chain ${i + 1} (${c.tier}):`);
        c.sentences.forEach((s, k) => lines.push(`    ${k === 0 ? '' : '→ '}${s}`));
      });
      if (chains.length === limit) lines.push(`  (stopped at --limit ${limit})`);
    } else {
      (record.evidence ?? []).forEach((s, k) => lines.push(`  ${k === 0 ? '' : '→ '}${s}`));
    }
    if (record.lastChange && !(record.evidence ?? []).some((e) => e.includes(record.lastChange!))) lines.push(`  last commit ${record.lastChange}`);
  }
  return `${lines.join('\n')}\n`;
};

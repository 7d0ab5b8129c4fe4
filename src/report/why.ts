/**
 * `census why` for people: the verdict, then the chain that decided it (or, with --all, every
 * chain found, shortest first), then the last commit when the evidence does not already say it.
 * Arrows join a chain's hops only: a dead file's sentences say what was looked for and are not a
 * chain, and the last-commit note ends a chain without being a hop of it. A manual or documented
 * file's chain says what starts it, not that nothing more does: a line says which roots were
 * looked for and not found.
 */
import type { FileRecord } from '../model/file.js';
import type { WhyExplanation } from '../model/why.js';

/** What a manual or documented verdict means, which its chain (a runnable marker, a doc mention) does not say. */
const NOTHING_MORE: Partial<Record<NonNullable<FileRecord['verdict']>, string>> = {
  manual: 'no entry point, test rule or docs mention reaches it: census takes it for a script run by hand',
  documented: 'no entry point or test rule reaches it: only docs name it',
};

/** The record's sentences without the last-commit note (printed once, at the end), arrows between a chain's hops. */
const evidenceLines = (record: FileRecord, note: string | null, lines: string[]): void => {
  const evidence = (record.evidence ?? []).filter((s) => s !== note);
  evidence.forEach((s, k) => lines.push(`  ${k === 0 || record.verdict === 'dead' ? '' : '→ '}${s}`));
};

export const renderWhyTerminal = ({ file: record, all }: WhyExplanation): string => {
  const file = record.path;
  const lines: string[] = [];
  if (!record.verdict) {
    lines.push(`${file}: ${record.language} file — census gives verdicts to source files only (Python, JavaScript/TypeScript, shell).`);
  } else {
    lines.push(`${file}: ${record.verdict}`);
    const note = record.lastChange ? `last commit ${record.lastChange}` : null;
    if (all) {
      const { chains, limit } = all;
      if (chains.length === 0) for (const e of record.evidence ?? []) if (e !== note) lines.push(`  ${e}`);
      chains.forEach((c, i) => {
        lines.push(`  chain ${i + 1} (${c.tier}):`);
        c.sentences.forEach((s, k) => lines.push(`    ${k === 0 ? '' : '→ '}${s}`));
      });
      if (chains.length === limit) lines.push(`  (stopped at --limit ${limit})`);
    } else {
      evidenceLines(record, note, lines);
    }
    const meaning = NOTHING_MORE[record.verdict];
    if (meaning !== undefined) lines.push(`  ${meaning}`);
    if (note !== null) lines.push(`  ${note}`);
  }
  return `${lines.join('\n')}\n`;
};

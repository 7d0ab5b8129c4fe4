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
import { lastCommitNote, splitLastCommit } from '../util/last-commit.js';
import { chainRootFile, evidenceParts, type EvidenceParts } from './evidence-parts.js';

/**
 * What a manual or documented verdict means, which its chain (a runnable marker, a doc mention)
 * does not say. A file the chain reaches through imports is no script and named by no doc itself:
 * the line speaks of the chain's root (trove's backup_group.py is imported by int_tests.py).
 */
const nothingMore = (verdict: NonNullable<FileRecord['verdict']>, chain: readonly string[]): string | undefined => {
  const root = chain.length > 1 ? chainRootFile(chain) : null;
  if (verdict === 'manual') {
    return root === null
      ? 'no entry point, test rule or docs mention reaches it: census takes it for a script run by hand'
      : `no entry point, test rule or docs mention reaches it: it runs only when someone runs ${root} by hand`;
  }
  if (verdict === 'documented') {
    return root === null ? 'no entry point or test rule reaches it: only docs name it' : `no entry point or test rule reaches it: its chain starts at a docs mention of ${root}`;
  }
  return undefined;
};

/** The chain with arrows between its hops, then the sentences that are no hop. */
const evidenceLines = ({ chain, notes }: EvidenceParts, lines: string[]): void => {
  chain.forEach((s, k) => lines.push(`  ${k === 0 ? '' : '→ '}${s}`));
  for (const s of notes) lines.push(`  ${s}`);
};

export const renderWhyTerminal = ({ file: record, all }: WhyExplanation): string => {
  const file = record.path;
  const lines: string[] = [];
  if (!record.verdict) {
    lines.push(`${file}: ${record.language} file — census gives verdicts to source files only (Python, JavaScript/TypeScript, shell).`);
  } else {
    lines.push(`${file}: ${record.verdict}`);
    const parts = evidenceParts(record);
    const note = lastCommitNote(record.lastChange);
    if (all) {
      const { chains, limit } = all;
      if (chains.length === 0) for (const e of splitLastCommit(record).sentences) lines.push(`  ${e}`);
      chains.forEach((c, i) => {
        lines.push(`  chain ${i + 1} (${c.tier}):`);
        c.sentences.forEach((s, k) => lines.push(`    ${k === 0 ? '' : '→ '}${s}`));
      });
      if (chains.length === limit) lines.push(`  (stopped at --limit ${limit})`);
    } else {
      evidenceLines(parts, lines);
    }
    const meaning = nothingMore(record.verdict, parts.chain);
    if (meaning !== undefined) lines.push(`  ${meaning}`);
    if (note !== null) lines.push(`  ${note}`);
  }
  return `${lines.join('\n')}\n`;
};

/**
 * The `last commit …` note classify ends a manual, documented or dead file's evidence with. It is
 * no hop of a chain and no reason of its own, so every reader of the evidence (why, reports, the
 * plan, the chain search) splits it off here, by one rule.
 */
export const lastCommitNote = (lastChange: string | null | undefined): string | null => (lastChange ? `last commit ${lastChange}` : null);

export interface SplitEvidence {
  /** The evidence without the note. */
  sentences: string[];
  /** The note, when the evidence carries it. */
  lastCommit: string | null;
}

/** Classify writes the note last, and only when the record has a last change; nothing else is taken for it. */
export const splitLastCommit = (record: { evidence?: string[]; lastChange?: string | null }): SplitEvidence => {
  const evidence = record.evidence ?? [];
  const note = lastCommitNote(record.lastChange);
  return note !== null && evidence.at(-1) === note ? { sentences: evidence.slice(0, -1), lastCommit: note } : { sentences: [...evidence], lastCommit: null };
};

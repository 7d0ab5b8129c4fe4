/** The verdict classes, in the order they are tried (product.md). */
export const VERDICTS = ['production', 'tooling', 'test', 'documented', 'manual', 'dead'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Entry kinds are the root kinds of the first three verdict tiers. */
export type EntryKind = 'production' | 'tooling' | 'test';

/**
 * Worker entry: fingerprints the texts extract/fingerprint-thread.ts posts, in order; `null` asks
 * for an 'end' once all are answered. When the thread holds the fingerprints (census dupes without
 * the facts cache), they stay here and a `group` message groups them (analyses/duplicates/group.ts)
 * while the main thread resolves and classifies; the grouping module is loaded only then.
 */
import { parentPort, workerData } from 'node:worker_threads';
// fingerprint-text, not fingerprint: the worker never loads the language registry (the extractors and their parsers).
import { fingerprintText, type FileFingerprint, type FingerprintOptions } from '../analyses/duplicates/fingerprint-text.js';
import type { GroupFile, Grouping, GroupOptions } from '../analyses/duplicates/group.js';
import type { TokenMode } from '../analyses/duplicates/keywords.js';

export interface FingerprintJob {
  path: string;
  text: string;
  /** The tokenizer mode of the file's language (fingerprint.ts tokenModeOf). */
  mode: TokenMode;
  /** The code alone when the file mixes code and markup; absent: the whole text. */
  code?: string;
}

export type FingerprintAnswer = { fingerprint: FileFingerprint } | { held: true } | { error: string };

export interface FingerprintWorkerData {
  options: FingerprintOptions;
  /** Keep the fingerprints here for a `group` message instead of sending them back. */
  hold: boolean;
}

export interface GroupJob {
  group: {
    /** The files to group, each with its language family; files without a held fingerprint are left out. */
    files: [path: string, family: string][];
    options: GroupOptions;
    /** The kept copy of each class of exact copies, when the main thread already knows them. */
    keepers?: string[];
  };
}

/** How many of the files had a fingerprint (the report's filesCompared), and their grouping. */
export type GroupAnswer = { grouped: { grouping: Grouping; compared: number } } | { groupError: string };

const { options, hold } = workerData as FingerprintWorkerData;
const held = new Map<string, FileFingerprint>();

/** The typed arrays move to the main thread instead of being copied (each has a buffer of its own). */
const buffersOf = (fp: FileFingerprint): ArrayBuffer[] =>
  [fp.tokenHashes, fp.winnowHashes, fp.winnowPositions, fp.lineTokenStarts, fp.lineNumbers, fp.termCounts].map((a) => a.buffer as ArrayBuffer);

const group = async ({ files, options: groupOptions, keepers }: GroupJob['group']): Promise<GroupAnswer> => {
  try {
    const { groupDuplicates, provisionalRepresentative } = await import('../analyses/duplicates/group.js');
    const input: GroupFile[] = [];
    for (const [path, family] of files) {
      const fp = held.get(path);
      if (fp) input.push({ path, family, fp });
    }
    const kept = keepers ? new Set(keepers) : null;
    const grouping = groupDuplicates(input, groupOptions, (paths) => paths.find((p) => kept?.has(p)) ?? provisionalRepresentative(paths));
    return { grouped: { grouping, compared: input.length } };
  } catch (e) {
    return { groupError: (e as Error).message };
  }
};

parentPort?.on('message', (message: FingerprintJob[] | GroupJob | null) => {
  if (message === null) {
    parentPort?.postMessage('end');
    return;
  }
  if (!Array.isArray(message)) {
    void group(message.group).then((answer) => parentPort?.postMessage(answer));
    return;
  }
  const answers: FingerprintAnswer[] = [];
  const transfer = new Set<ArrayBuffer>();
  for (const job of message) {
    try {
      const fingerprint = fingerprintText(job.path, job.text, job.mode, options, job.code ?? job.text);
      if (hold) {
        held.set(job.path, fingerprint);
        answers.push({ held: true });
        continue;
      }
      answers.push({ fingerprint });
      for (const b of buffersOf(fingerprint)) transfer.add(b);
    } catch (e) {
      answers.push({ error: (e as Error).message });
    }
  }
  parentPort?.postMessage(answers, [...transfer]);
});

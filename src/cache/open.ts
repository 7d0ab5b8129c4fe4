/**
 * The pipeline's door to the facts cache: what the caller asked for (a folder, or the root's
 * `.census/cache/`) plus what this scan extracts with, as one FactsCache.
 */
import { FactsCache } from './facts-cache.js';
import { extractionFlavour } from './flavour.js';

export interface CacheSetting {
  /** Absolute folder for the cache (`--cache-dir`); absent: `.census/cache/` under the root. */
  dir?: string;
  /** One line on why the cache is off or was not written (census prints it on stderr). */
  onWarning?: (message: string) => void;
}

/** Room for a pack: far more than facts ever take (a few times the sources' size), far less than a hostile file could ask for. */
const packLimit = (sourceBytes: number): number => 64 * 1024 * 1024 + 8 * sourceBytes;

export const openFactsCache = (rootAbs: string, setting: CacheSetting, extractionOptions: unknown, sourceBytes: number): FactsCache =>
  new FactsCache({
    rootAbs,
    ...(setting.dir !== undefined ? { dir: setting.dir } : {}),
    flavour: extractionFlavour(extractionOptions),
    maxPackBytes: packLimit(sourceBytes),
    ...(setting.onWarning ? { onWarning: setting.onWarning } : {}),
  });

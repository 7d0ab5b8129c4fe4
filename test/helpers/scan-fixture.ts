import { scan, DEFAULT_MAX_FILE_SIZE, type ScanResult, type ScanOptions } from '../../src/pipeline.js';

export const scanDir = (dir: string, overrides: Partial<ScanOptions> = {}): Promise<ScanResult> =>
  scan({ root: dir, include: [], exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, defaultExcludes: true, workers: 1, ...overrides });

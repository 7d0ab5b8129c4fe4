/** A tree of files written under a fresh folder, and the scan requests discovery would make for them. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanRequest } from '../../src/extract/scan-file.js';
import type { Language } from '../../src/model/file.js';

export type TreeFile = [path: string, language: Language | null, text: string | Buffer];

export const writeScanTree = (prefix: string, files: TreeFile[]): { dir: string; requests: ScanRequest[] } => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const requests = files.map(([path, language, text]) => {
    const abs = join(dir, path);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    return { path, abs, bytes: Buffer.byteLength(text), executable: false, symlink: false, language };
  });
  return { dir, requests };
};

/** Views of the Audit's verdicts that several reporters share. Pure functions of the model. */
import type { Audit } from '../model/audit.js';
import type { FileRecord } from '../model/file.js';
import { VERDICTS, type Verdict } from '../model/verdict.js';
import { byString } from '../util/compare.js';
import { dirname, topFolder } from '../util/path.js';

export const verdictFiles = (audit: Audit): FileRecord[] => audit.files.filter((f) => f.verdict !== undefined);

export const headline = (audit: Audit): string => {
  const files = verdictFiles(audit);
  const production = files.filter((f) => f.verdict === 'production').length;
  return `${production} of ${files.length} source files are reachable from production`;
};

export interface VerdictRow {
  verdict: Verdict;
  files: number;
  codeLines: number;
}

export const verdictRows = (files: FileRecord[]): VerdictRow[] =>
  VERDICTS.map((verdict) => {
    const of = files.filter((f) => f.verdict === verdict);
    return { verdict, files: of.length, codeLines: of.reduce((n, f) => n + f.codeLines, 0) };
  });

export interface FolderRow {
  folder: string;
  counts: Record<Verdict, number>;
  total: number;
}

/** Verdict counts per folder (top folder, or the full folder with `deep`), largest first. */
export const folderRows = (files: FileRecord[], deep: boolean): FolderRow[] => {
  const rows = new Map<string, FolderRow>();
  for (const f of files) {
    const folder = (deep ? dirname(f.path) : topFolder(f.path)) || '.';
    let row = rows.get(folder);
    if (!row) {
      row = { folder, counts: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>, total: 0 };
      rows.set(folder, row);
    }
    row.counts[f.verdict!]++;
    row.total++;
  }
  return [...rows.values()].sort((a, b) => (deep ? byString(a.folder, b.folder) : b.total - a.total || byString(a.folder, b.folder)));
};

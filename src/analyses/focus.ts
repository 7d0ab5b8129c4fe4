/**
 * A report about one folder of a repository that was audited whole: the folder's files and what
 * concerns them, with verdicts and evidence computed over the whole repo (so a file imported from
 * outside the folder, or run by a unit elsewhere, keeps its true verdict). Pure.
 */
import type { JunkFile } from '../model/audit.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DuplicatesReport } from '../model/duplicates.js';
import type { Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import { IMPORT_BUCKETS, type ImportsSection } from '../model/imports.js';

/** True when a repo path lies in the folder ('' is the whole repo). */
export const inFolder = (folder: string): ((path: string) => boolean) =>
  folder === '' ? () => true : (path) => path === folder || path.startsWith(`${folder}/`);

export interface Focusable {
  files: FileRecord[];
  edges: Edge[];
  entries: Entry[];
  warnings: Diagnostic[];
  junk: JunkFile[];
  imports?: ImportsSection;
  duplicates?: DuplicatesReport;
}

const focusImports = (imports: ImportsSection, inside: (path: string) => boolean): ImportsSection => {
  const findings = imports.findings.filter((f) => inside(f.file));
  const causes = new Set(findings.map((f) => `${f.bucket}\0${f.rootCause}`));
  const counts = Object.fromEntries(IMPORT_BUCKETS.map((b) => [b, findings.filter((f) => f.bucket === b).length])) as ImportsSection['counts'];
  return { ...imports, findings, counts, rootCauses: imports.rootCauses.filter((c) => causes.has(`${c.bucket}\0${c.name}`)) };
};

export const focusOn = <T extends Focusable>(parts: T, folder: string): T => {
  if (folder === '') return parts;
  const inside = inFolder(folder);
  return {
    ...parts,
    files: parts.files.filter((f) => inside(f.path)),
    // An edge concerns the folder when either end is in it: what a file uses and what uses it.
    edges: parts.edges.filter((e) => inside(e.from) || (e.to !== null && inside(e.to))),
    entries: parts.entries.filter((e) => (e.file !== null && inside(e.file)) || inside(e.source)),
    warnings: parts.warnings.filter((w) => w.location === undefined || inside(w.location.file)),
    junk: parts.junk.filter((j) => inside(j.path)),
    ...(parts.imports ? { imports: focusImports(parts.imports, inside) } : {}),
    ...(parts.duplicates ? { duplicates: { ...parts.duplicates, clusters: parts.duplicates.clusters.filter((c) => c.files.some(inside)) } } : {}),
  };
};

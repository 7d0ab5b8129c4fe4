/**
 * What the Audit says about each source file that a cleanup decision depends on, gathered once:
 * who imports or runs it, which docs mention it, whether a run loaded it, which entries and
 * references name it, and the duplicate clusters it is in. The plan's rules read only this.
 */
import type { Audit } from '../model/audit.js';
import type { DuplicateCluster } from '../model/duplicates.js';
import type { Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import { byString } from '../util/compare.js';
import { findTextMentions, type TextMention } from './mentions.js';

export interface FileEvidence {
  file: FileRecord;
  /** Edges from other files that import, run or name it (doc mentions apart), sorted by file and line. */
  users: Edge[];
  /** Its own edges to other repo files (imports, runs, names), sorted by file and line. */
  uses: Edge[];
  /** Doc mentions of it, sorted by file and line. */
  docMentions: Edge[];
  /** Entries (systemd, package.json, framework conventions, ...) that start it. */
  entries: Entry[];
  /** The runs that loaded it (empty when the evidence names no run); null when no run did or none was merged. */
  runtimeLabels: string[] | null;
  /** A run loaded it and no static edge explains how: what loads it is unknown. */
  runtimeOnly: boolean;
  /** The duplicate clusters it is in, strongest kind first (the Audit's order). */
  clusters: DuplicateCluster[];
  /** Dead files only: where other files' text names it (path, module, quoted name), found or not by the analysis. */
  textMentions: TextMention[];
}

export interface PlanEvidence {
  byPath: Map<string, FileEvidence>;
  /** Every path the Audit lists (source or not): destinations must not collide with one. */
  allPaths: ReadonlySet<string>;
  /** The Audit came from a git work tree: a source file without a last-change date is uncommitted. */
  gitTracked: boolean;
}

const compareEdges = (a: Edge, b: Edge): number => byString(a.from, b.from) || a.line - b.line || byString(a.kind, b.kind);

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * `readText` reads a repo file's text (null when it cannot): with it, dead files are also looked
 * for in the text of every other file (mentions.ts); without it, only the Audit's edges count.
 */
export const gatherEvidence = (audit: Audit, readText?: (path: string) => string | null): PlanEvidence => {
  const users = new Map<string, Edge[]>();
  const mentions = new Map<string, Edge[]>();
  const uses = new Map<string, Edge[]>();
  for (const e of audit.edges) {
    if (e.to === null || e.to === e.from) continue;
    push(e.kind === 'doc-mention' ? mentions : users, e.to, e);
    if (e.kind !== 'doc-mention') push(uses, e.from, e);
  }
  const entries = new Map<string, Entry[]>();
  for (const entry of audit.entries) if (entry.file !== null) push(entries, entry.file, entry);
  const clusters = new Map<string, DuplicateCluster[]>();
  for (const c of audit.duplicates?.clusters ?? []) for (const f of c.files) push(clusters, f, c);
  const labels = new Map<string, string[]>();
  const runtimeOnly = new Set((audit.runtime?.runtimeOnly ?? []).map((r) => r.file));
  if (audit.runtime) {
    for (const f of audit.runtime.loaded) labels.set(f, []);
    for (const r of audit.runtime.runtimeOnly) labels.set(r.file, [...r.labels].sort(byString));
  }
  const dead = audit.files.filter((f) => f.verdict === 'dead').map((f) => f.path);
  const mentioned = readText ? findTextMentions(dead, audit.files.map((f) => f.path), readText) : new Map<string, TextMention[]>();
  const byPath = new Map<string, FileEvidence>();
  for (const file of audit.files) {
    if (file.verdict === undefined) continue;
    byPath.set(file.path, {
      file,
      users: (users.get(file.path) ?? []).sort(compareEdges),
      uses: (uses.get(file.path) ?? []).sort(compareEdges),
      docMentions: (mentions.get(file.path) ?? []).sort(compareEdges),
      entries: entries.get(file.path) ?? [],
      runtimeLabels: audit.runtime ? (labels.get(file.path) ?? null) : null,
      runtimeOnly: runtimeOnly.has(file.path),
      clusters: clusters.get(file.path) ?? [],
      textMentions: mentioned.get(file.path) ?? [],
    });
  }
  return { byPath, allPaths: new Set(audit.files.map((f) => f.path)), gitTracked: audit.git !== null };
};

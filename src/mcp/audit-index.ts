/**
 * Lookups over one Audit, built on first use and kept while the Audit is the session's: files by
 * path, folders, edges into and out of each file, entry points by file, the chain search's index.
 * A warm answer is then a few map reads, not a pass over every edge of a large repo.
 */
import { chainIndex, type ChainIndex } from '../classify/explain.js';
import type { Audit } from '../model/audit.js';
import type { Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import { byString } from '../util/compare.js';
import { foldersOf } from '../util/path.js';

export interface AuditIndex {
  byPath: Map<string, FileRecord>;
  /** Every folder that holds a file of the census, at any depth ('' = the root). */
  folders: Set<string>;
  /** Edges into each file from another file (doc mentions included), by importer then line. */
  incoming: Map<string, Edge[]>;
  /** Edges out of each file, in the Audit's order. */
  outgoing: Map<string, Edge[]>;
  entriesByFile: Map<string, Entry[]>;
  chains(): ChainIndex;
}

const built = new WeakMap<Audit, AuditIndex>();

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export const indexOf = (audit: Audit): AuditIndex => {
  const known = built.get(audit);
  if (known) return known;
  const folders = foldersOf(audit.files.map((f) => f.path));
  const incoming = new Map<string, Edge[]>();
  const outgoing = new Map<string, Edge[]>();
  for (const e of audit.edges) {
    push(outgoing, e.from, e);
    if (e.to !== null && e.to !== e.from) push(incoming, e.to, e);
  }
  for (const list of incoming.values()) list.sort((a, b) => byString(a.from, b.from) || a.line - b.line);
  const entriesByFile = new Map<string, Entry[]>();
  for (const e of audit.entries) if (e.file !== null) push(entriesByFile, e.file, e);
  let chains: ChainIndex | undefined;
  const index: AuditIndex = {
    byPath: new Map(audit.files.map((f) => [f.path, f])),
    folders,
    incoming,
    outgoing,
    entriesByFile,
    chains: () => (chains ??= chainIndex(audit)),
  };
  built.set(audit, index);
  return index;
};

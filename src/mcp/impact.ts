/**
 * census_impact: what would break if a file (or a folder) were moved or deleted. Reverse
 * reachability over the Audit's edges: every file that imports, runs or references it, directly or
 * through others, and the entry points that start any of them. Doc mentions do not break
 * anything; they are listed apart as places that would go stale.
 */
import type { Audit } from '../model/audit.js';
import type { EdgeKind } from '../model/edge.js';
import { VERDICTS, type EntryKind, type Verdict } from '../model/verdict.js';
import { byString } from '../util/compare.js';
import { indexOf } from './audit-index.js';
import { isUnder } from './paths.js';

export interface Dependent {
  file: string;
  /** 1: it points at the target itself; 2: at a file at distance 1; ... */
  distance: number;
  verdict?: Verdict;
  /** The edge that puts it in (the first found on a shortest path). */
  via: { to: string; kind: EdgeKind; line: number; specifier: string };
}

export interface ImpactEntry {
  kind: string;
  file: string;
  source: string;
  line?: number;
  evidence: string;
}

export interface Impact {
  path: string;
  folder: boolean;
  /** Files of the target (one, or the folder's). */
  targetFiles: number;
  /** Every file that reaches the target, nearest first; outside the target folder. */
  dependents: Dependent[];
  /** Dependents at distance 1. */
  direct: number;
  /** Dependents per verdict. */
  byVerdict: Partial<Record<Verdict, number>>;
  /**
   * Entry points that start the target or a dependent: these are what a move would break. A count
   * per kind, and the first LIST_CAP, production first, then tooling, then test.
   */
  entryPoints: { total: number; byKind: Partial<Record<EntryKind, number>>; first: ImpactEntry[] };
  /** Docs that mention the target (the first LIST_CAP; mentionCount: all): they would go stale, nothing breaks. */
  mentionedIn: { file: string; line: number; to: string }[];
  mentionCount: number;
}

/** At most this many entry points or doc mentions in one answer. */
const LIST_CAP = 100;
const KIND_ORDER: EntryKind[] = ['production', 'tooling', 'test'];

const compareDependents = (a: Dependent, b: Dependent): number => a.distance - b.distance || byString(a.file, b.file);

export const impactOf = (audit: Audit, path: string, folder: boolean): Impact => {
  const inTarget = (p: string) => isUnder(p, path, folder);
  const { incoming } = indexOf(audit);
  const targets = folder ? audit.files.map((f) => f.path).filter(inTarget) : [path];
  const mentionedIn: Impact['mentionedIn'] = [];
  for (const t of targets) {
    for (const e of incoming.get(t) ?? []) if (e.kind === 'doc-mention' && !inTarget(e.from)) mentionedIn.push({ file: e.from, line: e.line, to: t });
  }
  const verdictOf = indexOf(audit).byPath;
  const seen = new Set(targets);
  const dependents: Dependent[] = [];
  // Breadth-first from the target backwards, so each dependent gets its shortest distance.
  let frontier = targets;
  for (let distance = 1; frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const e of incoming.get(at) ?? []) {
        if (e.kind === 'doc-mention' || seen.has(e.from)) continue;
        seen.add(e.from);
        next.push(e.from);
        const verdict = verdictOf.get(e.from)?.verdict;
        dependents.push({ file: e.from, distance, ...(verdict ? { verdict } : {}), via: { to: at, kind: e.kind, line: e.line, specifier: e.specifier } });
      }
    }
    frontier = next.sort(byString);
  }
  dependents.sort(compareDependents);
  const byVerdict: Partial<Record<Verdict, number>> = {};
  for (const v of VERDICTS) {
    const count = dependents.filter((d) => d.verdict === v).length;
    if (count > 0) byVerdict[v] = count;
  }
  const reaching = audit.entries.filter((e) => e.file !== null && seen.has(e.file));
  const byKind: Partial<Record<EntryKind, number>> = {};
  for (const kind of KIND_ORDER) {
    const count = reaching.filter((e) => e.kind === kind).length;
    if (count > 0) byKind[kind] = count;
  }
  const first = KIND_ORDER.flatMap((kind) => reaching.filter((e) => e.kind === kind))
    .slice(0, LIST_CAP)
    .map((e) => ({ kind: e.kind, file: e.file!, source: e.source, ...(e.line !== undefined ? { line: e.line } : {}), evidence: e.evidence }));
  mentionedIn.sort((a, b) => byString(a.file, b.file) || a.line - b.line || byString(a.to, b.to));
  return {
    path,
    folder,
    targetFiles: targets.length,
    dependents,
    direct: dependents.filter((d) => d.distance === 1).length,
    byVerdict,
    entryPoints: { total: reaching.length, byKind, first },
    mentionedIn: mentionedIn.slice(0, LIST_CAP),
    mentionCount: mentionedIn.length,
  };
};

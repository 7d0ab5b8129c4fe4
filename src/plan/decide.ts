/**
 * The first recommendation for each source file, from its own evidence alone. Reachable files are
 * kept; files run by hand or named in docs are kept or left to a person; a dead file is removed
 * only when nothing suggests it is used (no runtime load, docs mention, recent change, guarded,
 * dynamic or string import, entry or framework convention). Rules that need other files' final
 * actions (a user that stays, a keeper that goes) run after this, in cascade.ts.
 */
import type { DuplicateCluster } from '../model/duplicates.js';
import type { Edge } from '../model/edge.js';
import type { PlanItem } from '../model/plan.js';
import { familyOf } from '../languages/registry.js';
import { joinRepo } from '../util/path.js';
import type { FileEvidence, PlanEvidence } from './evidence.js';
import { frameworkConvention } from './framework-paths.js';
import { daysBefore, MERGE_MIN_SIMILARITY, type PlanOptions } from './options.js';
import { clusterReason, docsReason, lastChangeReason, named, runtimeReason, usersReason, verdictReason } from './reasons.js';

const REACHED = new Set(['production', 'tooling', 'test']);
const GUARD_WORDS: Record<string, string> = { try: 'inside try/except', 'type-checking': 'under TYPE_CHECKING', function: 'inside a function' };
/** Imports that resolve relative to the importer's own folder or the script's: apply cannot point them elsewhere. */
const LOCAL_VIA = /^(?:script-dir|not-on-path)/;

/** Reasons a file must not be removed; empty when nothing speaks against it. */
export const removalBlockers = (ev: FileEvidence, evidence: PlanEvidence, options: PlanOptions): string[] => {
  const out: string[] = [];
  const { file } = ev;
  if (file.verdict !== undefined && REACHED.has(file.verdict)) out.push(`a ${file.verdict} root reaches it`);
  const convention = frameworkConvention(file.path);
  if (convention) out.push(`it looks like ${convention}, which a framework or tool loads by its place and name`);
  if (ev.entries.length > 0) out.push(`an entry starts it: ${named(ev.entries.map((e) => e.evidence), 2)}`);
  const runtime = runtimeReason(ev.runtimeLabels);
  if (runtime) out.push(runtime);
  const docs = docsReason(ev.docMentions);
  if (docs) out.push(docs);
  const soft: string[] = [];
  for (const e of ev.users) {
    if (e.kind === 'reference') soft.push(`named as a string in ${e.from}:${e.line} (a framework or config may load it)`);
    else if (e.kind === 'dynamic-import') soft.push(`imported dynamically by ${e.from}:${e.line}`);
    else if (e.guard !== null) soft.push(`imported ${GUARD_WORDS[e.guard] ?? 'under a guard'} by ${e.from}:${e.line}`);
  }
  if (soft.length > 0) out.push(named(soft, 3));
  // Text from a file that stays (a config, a doc, live code) names it: something may load it by that name.
  const namers = ev.textMentions.filter((m) => evidence.byPath.get(m.from)?.file.verdict !== 'dead');
  if (namers.length > 0) out.push(`its name appears in ${named(namers.map((m) => `${m.from}:${m.line} (${m.term})`), 3)}`);
  if (file.lastChange !== undefined && file.lastChange > daysBefore(options.today, options.recentDays)) {
    out.push(`changed recently (${file.lastChange}, within ${options.recentDays} days of ${options.today})`);
  } else if (file.lastChange === undefined && evidence.gitTracked) {
    out.push('not in the git history yet (a new, uncommitted file)');
  }
  return out;
};

const isCertainCopy = (c: DuplicateCluster): boolean => c.kind === 'exact' || c.kind === 'renamed';

/** The cluster whose keeper this file could merge into, when the copies are alike enough. */
export const mergeCluster = (ev: FileEvidence): DuplicateCluster | null =>
  ev.clusters.find(
    (c) => c.keep !== null && c.keep !== ev.file.path && (isCertainCopy(c) || ((c.kind === 'near' || c.kind === 'same-name') && c.similarity >= MERGE_MIN_SIMILARITY)),
  ) ?? null;

/** Why the users of `ev` cannot be switched to `keeper` by rewriting an import, or null when they can. */
const unswitchable = (ev: FileEvidence, keeper: FileEvidence): string | null => {
  const family = familyOf(ev.file.language);
  if (familyOf(keeper.file.language) !== family || (family !== 'python' && family !== 'javascript')) return `${keeper.file.path} is not a ${ev.file.language} module its users could import instead`;
  const stuck = ev.users.filter((e: Edge) => (e.kind !== 'import' && e.kind !== 'type-import') || (e.via !== undefined && LOCAL_VIA.test(e.via)) || e.from === keeper.file.path);
  return stuck.length === 0 ? null : `its users cannot all be switched by rewriting an import (${usersReason(stuck)})`;
};

const item = (ev: FileEvidence, action: PlanItem['action'], reasons: (string | null)[], to?: string): PlanItem => ({
  path: ev.file.path,
  action,
  ...(to !== undefined ? { to } : {}),
  hash: ev.file.hash,
  verdict: ev.file.verdict!,
  reasons: reasons.filter((r): r is string => r !== null),
});

/** Where an archived file goes: the same path under the archive folder. */
export const archivePath = (path: string, options: PlanOptions): string => joinRepo(options.archiveDir, path) ?? `${options.archiveDir}/${path}`;

const inArchive = (path: string, options: PlanOptions): boolean => path.startsWith(`${options.archiveDir}/`);

export interface Decision {
  item: PlanItem;
  /** For a copy merged into or deleted for its keeper: that keeper, which must stay. */
  keeper: string | null;
}

const decided = (item: PlanItem, keeper: string | null = null): Decision => ({ item, keeper });

/** With `merging` false (its keeper does not stay) a copy is judged like any other dead file. */
export const decide = (ev: FileEvidence, evidence: PlanEvidence, options: PlanOptions, merging = true): Decision => {
  const { file } = ev;
  const because = [verdictReason(file), usersReason(ev.users), docsReason(ev.docMentions), runtimeReason(ev.runtimeLabels)];
  const copy = merging ? mergeCluster(ev) : null;
  const copyOf = copy ? clusterReason(file.path, copy) : null;
  if (file.verdict !== 'dead') {
    // Reached and documented files stay, copies or not (identical route files of separate apps are
    // structure). A hand-run script that copies, or may have been superseded by, the keeper of its
    // cluster is for its owner to judge.
    const overlap = ev.clusters.find((c) => c.kind === 'overlap' && c.keep !== null && c.keep !== file.path);
    const flagged = file.verdict === 'manual' ? (copy ?? overlap) : undefined;
    if (flagged) {
      const why = 'it is run by hand, so a person decides whether it is still needed beside the copy to keep';
      return decided(item(ev, 'review', [...because, clusterReason(file.path, flagged), why, lastChangeReason(file)]));
    }
    // Shared blocks and possible overlaps are refactoring hints, not reasons about this file's fate.
    const copies = ev.clusters.filter((c) => c.kind !== 'block' && c.kind !== 'overlap').slice(0, 3);
    return decided(item(ev, 'keep', [...because, ...copies.map((c) => clusterReason(file.path, c))]));
  }
  const blockers = removalBlockers(ev, evidence, options);
  if (blockers.length > 0) return decided(item(ev, 'review', [verdictReason(file), ...blockers.map((b) => `not removed: ${b}`), usersReason(ev.users), copyOf]));
  if (inArchive(file.path, options)) return decided(item(ev, 'keep', [verdictReason(file), `already under the archive folder ${options.archiveDir}/`]));
  const others = ev.clusters.filter((c) => c !== copy).map((c) => `${clusterReason(file.path, c)}: not alike enough to merge`);
  if (copy !== null) {
    const keeper = evidence.byPath.get(copy.keep!);
    const stuck = keeper ? unswitchable(ev, keeper) : `its keeper ${copy.keep} is not a source file of this plan`;
    if (stuck === null) {
      if (isCertainCopy(copy) && ev.users.length === 0) return decided(item(ev, 'delete', [verdictReason(file), copyOf, `nothing uses it and ${copy.keep} keeps the same content`]), copy.keep);
      return decided(item(ev, 'merge', [verdictReason(file), copyOf, usersReason(ev.users) ? `switch its users to ${copy.keep}: ${usersReason(ev.users)}` : 'nothing uses it', ...others], copy.keep!), copy.keep);
    }
    others.unshift(`${copyOf}, but ${stuck}`);
  }
  const evidenceNote = 'no runtime load, docs mention, recent change, entry or guarded, dynamic or string import points at it';
  if (options.deleteDead) return decided(item(ev, 'delete', [verdictReason(file), evidenceNote, usersReason(ev.users), ...others]));
  return decided(item(ev, 'archive', [verdictReason(file), evidenceNote, usersReason(ev.users), ...others], archivePath(file.path, options)));
};

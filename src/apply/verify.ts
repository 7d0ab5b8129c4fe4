/**
 * The proof that an apply broke nothing: the re-audit against the audit before, with every
 * before-path read at its new place. No new broken import (broken-internal, missing-name), no
 * production or tooling file that lost its verdict, no entry point that now names a missing file.
 * Each failure names the plan item that most likely caused it.
 */
import type { Audit } from '../model/audit.js';
import type { VerificationCheck } from '../model/apply.js';
import { VERDICTS, type Verdict } from '../model/verdict.js';
import { sortedUnique } from '../util/compare.js';
import { posix } from '../util/path.js';
import type { PathMap } from './references.js';

const BROKEN = new Set(['broken-internal', 'missing-name']);
const rank = (v: Verdict | undefined): number => (v === undefined ? VERDICTS.length : VERDICTS.indexOf(v));

export interface VerifyContext {
  map: PathMap;
  /** Plan items by path, and the path each one leaves behind (a destination or keeper). */
  items: { path: string; action: string; to?: string }[];
  archiveDir: string;
}

/** The items whose file an edge or entry touched in the audit before: the likely culprits of a break at `file:line`. */
const culprits = (before: Audit, ctx: VerifyContext, file: string, line?: number): string[] => {
  const oldFile = ctx.items.find((i) => i.to === file && (i.action === 'move' || i.action === 'archive'))?.path ?? file;
  const touched = new Set<string>();
  for (const e of before.edges) {
    if (e.from !== oldFile || e.to === null || (line !== undefined && e.line !== line)) continue;
    if (ctx.items.some((i) => i.path === e.to)) touched.add(e.to);
  }
  if (ctx.items.some((i) => i.path === oldFile)) touched.add(oldFile);
  return [...touched].map((p) => {
    const i = ctx.items.find((x) => x.path === p)!;
    return `${i.action} ${i.path}${i.to ? ` → ${i.to}` : ''}`;
  });
};

const blame = (names: string[]): string => (names.length === 0 ? '' : ` (caused by: ${names.join('; ')})`);

export const verify = (before: Audit, after: Audit, ctx: VerifyContext, notes: string[] = []): VerificationCheck[] => {
  const { map } = ctx;
  const inArchive = (p: string): boolean => p === ctx.archiveDir || p.startsWith(`${ctx.archiveDir}/`);

  // Broken imports: a finding is old when the same file (at its new place) had it for the same specifier.
  const findingKey = (file: string, specifier: string, name?: string): string => `${file}\0${specifier}\0${name ?? ''}`;
  const old = new Set((before.imports?.findings ?? []).filter((f) => BROKEN.has(f.bucket)).map((f) => findingKey(map.placeOf(f.file), f.specifier, f.name)));
  const broken: string[] = [];
  for (const f of after.imports?.findings ?? []) {
    if (!BROKEN.has(f.bucket) || old.has(findingKey(f.file, f.specifier, f.name))) continue;
    // Archived code is retired, not run: its imports are allowed to break.
    if (inArchive(f.file)) continue;
    broken.push(`${f.file}:${f.line} imports ${f.specifier}${f.name ? ` (${f.name})` : ''}: ${f.bucket}${blame(culprits(before, ctx, f.file, f.line))}`);
  }

  // Verdicts: every production or tooling file keeps a verdict at least as strong, at its new place.
  const afterVerdict = new Map(after.files.map((f) => [f.path, f.verdict]));
  const lost: string[] = [];
  for (const f of before.files) {
    if (f.verdict !== 'production' && f.verdict !== 'tooling') continue;
    const item = ctx.items.find((i) => i.path === f.path);
    if (item?.action === 'merge') {
      const keeper = map.redirect(f.path)!;
      if (rank(afterVerdict.get(keeper)) > rank(f.verdict)) lost.push(`${f.path} was ${f.verdict}; its keeper ${keeper} is now ${afterVerdict.get(keeper) ?? 'gone'}${blame([`merge ${f.path} → ${item.to}`])}`);
      continue;
    }
    if (item?.action === 'delete' || item?.action === 'archive') {
      lost.push(`${f.path} was ${f.verdict} and the plan ${item.action === 'delete' ? 'deletes' : 'archives'} it${blame([`${item.action} ${f.path}`])}`);
      continue;
    }
    const now = map.placeOf(f.path);
    const v = afterVerdict.get(now);
    if (rank(v) <= rank(f.verdict)) continue;
    // A package's __init__.py is live only as the package of its modules: when the plan moves them out, it goes quiet.
    const pkg = posix.dirname(f.path);
    const emptied = posix.basename(f.path) === '__init__.py' && ctx.items.filter((i) => i.action !== 'delete' && i.path.startsWith(`${pkg}/`)).map((i) => i.path);
    if (emptied && emptied.length > 0) {
      notes.push(`${f.path} was ${f.verdict} as the package of ${emptied.join(', ')}, which the plan moves or merges away; it is now ${v ?? 'gone'}: remove it if the package is empty`);
      continue;
    }
    lost.push(`${now}${now !== f.path ? ` (was ${f.path})` : ''} was ${f.verdict}, now ${v ?? 'gone'}${blame(culprits(before, ctx, now))}`);
  }

  // Entry points: no manifest line now names a file that is not there.
  const missing = (a: Audit, place: (p: string) => string) =>
    new Set(a.entries.filter((e) => e.file === null && e.unresolved === 'not-found').map((e) => `${place(e.source)}:${e.line ?? ''}:${e.command ?? e.evidence}`));
  const missingBefore = new Set([...missing(before, map.placeOf)].map((k) => k.split(':').slice(0, 2).join(':')));
  const entries: string[] = [];
  for (const e of after.entries) {
    if (e.file !== null || e.unresolved !== 'not-found') continue;
    if (missingBefore.has(`${e.source}:${e.line ?? ''}`)) continue;
    const named = ctx.items.filter((i) => (e.command ?? e.evidence).includes(i.path)).map((i) => `${i.action} ${i.path}`);
    entries.push(`${e.evidence}: ${e.unresolvedReason ?? 'names a missing file'}${blame(named)}`);
  }

  return [
    { name: 'broken-imports', ok: broken.length === 0, failures: sortedUnique(broken) },
    { name: 'verdicts', ok: lost.length === 0, failures: sortedUnique(lost) },
    { name: 'entry-points', ok: entries.length === 0, failures: sortedUnique(entries) },
  ];
};

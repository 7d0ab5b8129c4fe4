/**
 * Placing expanded words in the repo: a relative path joins the command's directory, an absolute
 * one goes through the path map (longest prefix first), an anchored one starts at the script's
 * folder or the repo root. What cannot be placed says why.
 */
import { joinRepo, posix } from '../util/path.js';
import type { CommandContext, PathMapping } from './types.js';
import { type Value, describe } from './value.js';

const pathMapJson = new WeakMap<readonly PathMapping[], string>();

/**
 * A path map as a memo key (its JSON), kept per array: every deploy or CI line carries the scan's
 * shared deploy map (payload: 12 mappings, 1.5 KB), one array for all of them.
 */
export const pathMapKey = (pathMap: readonly PathMapping[]): string => {
  let key = pathMapJson.get(pathMap);
  if (key === undefined) pathMapJson.set(pathMap, (key = JSON.stringify(pathMap)));
  return key;
};

/** `mappedBy`: the label of the path-map entry an absolute path went through (`COPY … (Dockerfile:7)`). */
export type Placed = { ok: true; path: string; mappedBy?: string; underRoot?: boolean } | { ok: false; reason: string; dockerignored?: boolean };

const outside = (what: string): Placed => ({ ok: false, reason: `${what} is outside the repo` });

/** Whether a repo path is one a mapping's `excluded` list names, or lies below one of them. */
export const isExcluded = (path: string, excluded: readonly string[] | undefined): boolean =>
  excluded !== undefined && excluded.some((e) => path === e || path.startsWith(`${e}/`));

/** Which pattern leaves a repo path out of a mapping: `.dockerignore:2 "local"`, or just the file kind when unknown. */
const excludedWhy = (path: string, excluded: readonly string[] | undefined, excludedBy: Record<string, string> | undefined): string => {
  const entry = excluded?.find((e) => path === e || path.startsWith(`${e}/`));
  return (entry === undefined ? undefined : excludedBy?.[entry]) || '.dockerignore';
};

/**
 * A repo path an image leaves out: every path-map entry whose repo folder holds it excludes it
 * (a relative path under a WORKDIR the image copied, `CMD python local/check.py`). Null when some
 * entry carries it, or no entry holds it.
 */
export const excludedFromImage = (path: string, pathMap: CommandContext['pathMap']): { by: string; label?: string } | null => {
  // The first mapping of each container path counts: the command's own come before the repo-wide copies of them.
  const seen = new Set<string>();
  const holding = (pathMap ?? []).filter((m) => !seen.has(m.from) && seen.add(m.from) && (m.to === '' || path === m.to || path.startsWith(`${m.to}/`)));
  if (holding.length === 0 || !holding.every((m) => isExcluded(path, m.excluded))) return null;
  const m = holding[0];
  return { by: excludedWhy(path, m.excluded, m.excludedBy), ...(m.label ? { label: m.label } : {}) };
};

/** `/opt/check.py (local/check.py) is left out of the build context by .dockerignore:2 "/local" (Dockerfile:4 COPY …)`. */
const ignoredReason = (what: string, path: string, by: string, label: string | undefined): Placed => ({
  ok: false,
  reason: `${what}${what === path ? '' : ` (${path})`} is left out of the image's build context by ${by}${label ? `, so ${label} does not copy it` : ''}`,
  dockerignored: true,
});

/** An absolute path through the path map (and the entry's label), or null when no entry covers it. */
export const mapAbsoluteVia = (
  absolute: string,
  pathMap: CommandContext['pathMap'],
): { path: string | null; label?: string; underRoot?: boolean; excluded?: { path: string; by: string } } | null => {
  const abs = posix.normalize(absolute);
  const entries = [...(pathMap ?? [])].sort((a, b) => b.from.length - a.from.length);
  for (const { from, to, label, excluded, excludedBy } of entries) {
    const prefix = from === '/' ? '/' : posix.normalize(from).replace(/\/$/, '');
    const rest = abs === prefix ? '' : prefix === '/' ? abs.slice(1) : abs.startsWith(`${prefix}/`) ? abs.slice(prefix.length + 1) : null;
    if (rest === null) continue;
    const path = rest === '' ? joinRepo(to) : joinRepo(to, rest);
    // A file the build context leaves out (.dockerignore) is not in the image under this path.
    if (path !== null && isExcluded(path, excluded)) return { path: null, excluded: { path, by: excludedWhy(path, excluded, excludedBy) }, ...(label ? { label } : {}) };
    return { path, ...(label ? { label } : {}), ...(prefix === '/' ? { underRoot: true } : {}) };
  }
  return null;
};

/** An absolute path through the path map, or null when no entry covers it. */
export const mapAbsolute = (absolute: string, pathMap: CommandContext['pathMap']): string | null => mapAbsoluteVia(absolute, pathMap)?.path ?? null;

const placeAbsolute = (absolute: string, ctx: CommandContext): Placed => {
  const mapped = mapAbsoluteVia(absolute, ctx.pathMap);
  if (mapped?.excluded) return ignoredReason(absolute, mapped.excluded.path, mapped.excluded.by, mapped.label);
  if (mapped === null || mapped.path === null) return { ok: false, reason: `absolute path outside the repo (${absolute})` };
  return { ok: true, path: mapped.path, ...(mapped.label ? { mappedBy: mapped.label } : {}), ...(mapped.underRoot ? { underRoot: true } : {}) };
};

const placeUnder = (base: Placed, rest: string, what: string): Placed => {
  if (!base.ok) return base;
  const joined = joinRepo(base.path, rest);
  return joined === null ? outside(what) : { ok: true, path: joined, ...(base.mappedBy ? { mappedBy: base.mappedBy } : {}) };
};

/** The repo folder a directory value stands for. */
export const placeDir = (dir: Value, ctx: CommandContext): Placed => {
  switch (dir.kind) {
    case 'path':
      if (dir.anchor === 'repo') return placeUnder({ ok: true, path: '' }, dir.rest, describe(dir));
      if (dir.anchor === 'script') {
        if (ctx.scriptDir === undefined) return { ok: false, reason: `relative to the script's own folder, which is not known here (${describe(dir)})` };
        return placeUnder({ ok: true, path: ctx.scriptDir }, dir.rest, describe(dir));
      }
      if (ctx.cwd.startsWith('/')) return placeAbsolute(posix.join(ctx.cwd, dir.rest), ctx);
      return placeUnder({ ok: true, path: ctx.cwd }, dir.rest, describe(dir));
    case 'text':
      if (dir.text.startsWith('/')) return placeAbsolute(dir.text, ctx);
      return placeUnder(placeDir({ kind: 'path', anchor: 'start', rest: '' }, ctx), dir.text, dir.text);
    case 'self':
      return { ok: false, reason: 'the script itself' };
    case 'dynamic':
      return { ok: false, reason: `computed at run time (${dir.text})` };
  }
};

/** The repo path of a word used as a file, run from `cwd`. Glob patterns are kept as patterns when `allowGlob`. */
export const placePath = (path: Value, cwd: Value, ctx: CommandContext, allowGlob = false): Placed => {
  if (path.kind === 'text') {
    if (path.glob && !allowGlob) return { ok: false, reason: `a glob pattern (${path.text})` };
    if (path.text === '') return { ok: false, reason: 'an empty path' };
    if (path.text.startsWith('/')) return placeAbsolute(path.text, ctx);
    const base = placeDir(cwd, ctx);
    if (!base.ok) return { ok: false, reason: `${path.text} runs in a directory census cannot place: ${base.reason}` };
    const placed = placeUnder(base, path.text, path.text);
    // Relative to a WORKDIR the image copied: a file its build context leaves out is not there.
    const left = placed.ok && !placed.mappedBy ? excludedFromImage(placed.path, ctx.pathMap) : null;
    return left && placed.ok ? ignoredReason(path.text, placed.path, left.by, left.label) : placed;
  }
  return placeDir(path, ctx);
};

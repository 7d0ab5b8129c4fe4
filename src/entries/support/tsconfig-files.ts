/**
 * The files a tsconfig names for its program by name: `files`, and `include` entries that are a
 * file's path (no wildcard), inherited through relative `extends` as tsc does (each relative to the
 * config that says it), and the same for every project in `references` (a folder means its
 * tsconfig.json). Globbed and folder includes are left out on purpose: "type-check everything
 * here" (payload's test/tsconfig.typecheck.json includes `/**\/*.ts`) says nothing about which
 * files anything uses, and would make every test and helper below it a root of the command's kind.
 */
import { JSONC_MANIFEST, isRecord } from '../../manifests/json.js';
import type { Manifests } from '../../manifests/store.js';
import { dirname, joinRepo } from '../../util/path.js';

export interface ProgramFile {
  file: string;
  /** `test/tsconfig.json files "types.ts"`, `tsconfig.json references "../core" → core/tsconfig.json include "src/index.ts"`. */
  why: string;
}

const MAX_DEPTH = 8;
const WILDCARD = /[*?]/;
const strings = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : null);

/** `files` and `include` of a config, from the nearest config up its relative `extends` chain that sets each. */
const ownLists = (manifests: Manifests, config: string, depth: number): { files: [string, string][]; include: [string, string][] } => {
  const value = manifests.get(config, JSONC_MANIFEST);
  if (!isRecord(value) || depth > MAX_DEPTH) return { files: [], include: [] };
  const here = (list: string[] | null): [string, string][] | null => (list === null ? null : list.map((s) => [config, s]));
  let files = here(strings(value.files));
  let include = here(strings(value.include));
  const parents = typeof value.extends === 'string' ? [value.extends] : (strings(value.extends) ?? []);
  for (const parent of parents) {
    if (files !== null && include !== null) break;
    if (!/^\.{1,2}\//.test(parent)) continue;
    const path = joinRepo(dirname(config), parent.endsWith('.json') ? parent : `${parent}.json`);
    if (path === null || !manifests.files.has(path)) continue;
    const inherited = ownLists(manifests, path, depth + 1);
    files ??= inherited.files.length > 0 ? inherited.files : null;
    include ??= inherited.include.length > 0 ? inherited.include : null;
  }
  return { files: files ?? [], include: include ?? [] };
};

/** The files a tsconfig's program names by name, with its references' (see the file comment). */
export const namedProgramFiles = (manifests: Manifests, tsconfig: string, depth = 0, seen = new Set<string>()): ProgramFile[] => {
  if (depth > MAX_DEPTH || seen.has(tsconfig)) return [];
  seen.add(tsconfig);
  const out: ProgramFile[] = [];
  const { files, include } = ownLists(manifests, tsconfig, 0);
  for (const [field, list] of [['files', files], ['include', include]] as const) {
    for (const [config, spec] of list) {
      if (WILDCARD.test(spec)) continue;
      const file = joinRepo(dirname(config), spec);
      if (file !== null && manifests.files.has(file)) out.push({ file, why: `${config} ${field} "${spec}"` });
    }
  }
  const value = manifests.get(tsconfig, JSONC_MANIFEST);
  const references = isRecord(value) && Array.isArray(value.references) ? value.references : [];
  for (const reference of references) {
    const path = isRecord(reference) && typeof reference.path === 'string' ? reference.path : null;
    const target = path === null ? null : joinRepo(dirname(tsconfig), path.endsWith('.json') ? path : `${path}/tsconfig.json`);
    if (target === null || !manifests.files.has(target)) continue;
    for (const p of namedProgramFiles(manifests, target, depth + 1, seen)) out.push({ file: p.file, why: `${tsconfig} references "${path}", then ${p.why}` });
  }
  return out;
};

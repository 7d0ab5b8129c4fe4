/**
 * Is a module part of Python's standard library, for a given minor version? The lists are bundled
 * (src/languages/python/stdlib-data.ts, generated) so that the answer never depends on which
 * interpreter happens to be installed where census runs.
 */
import { STDLIB_MODULES, STDLIB_REMOVED, STDLIB_VERSIONS, type StdlibVersion } from './stdlib-data.js';

const minorOf = (v: StdlibVersion): number => Number(v.split('.')[1]);
const OLDEST = minorOf(STDLIB_VERSIONS[0]);
const NEWEST = minorOf(STDLIB_VERSIONS[STDLIB_VERSIONS.length - 1]);

/**
 * '3.11', '3.11.7', '3.13.0rc1' → the bundled list to use. Versions outside the bundled range
 * clamp to its nearest end (a removal stays a removal in later versions); anything that is not a
 * Python 3 version gives null.
 */
export const stdlibVersionOf = (version: string | undefined): StdlibVersion | null => {
  const m = /^\s*(\d+)\.(\d+)/.exec(version ?? '');
  if (!m || m[1] !== '3') return null;
  const minor = Math.min(Math.max(Number(m[2]), OLDEST), NEWEST);
  return `3.${minor}` as StdlibVersion;
};

const setsByVersion = new Map<StdlibVersion, Set<string>>();
const setFor = (v: StdlibVersion): Set<string> => {
  let s = setsByVersion.get(v);
  if (!s) {
    s = new Set(STDLIB_MODULES[v]);
    setsByVersion.set(v, s);
  }
  return s;
};

let anyVersion: Set<string> | null = null;
const anyVersionSet = (): Set<string> => {
  if (!anyVersion) anyVersion = new Set(STDLIB_VERSIONS.flatMap((v) => STDLIB_MODULES[v]));
  return anyVersion;
};

const REMOVED = new Map<string, StdlibVersion>(STDLIB_REMOVED.map(([name, v]) => [name, v]));

/**
 * A top-level module name (a dotted name is cut to its first part). Without a known version, a
 * module counts as stdlib when any bundled version has it: better to call `distutils` stdlib than
 * to call it an undeclared third-party package; `removedStdlibModule` says when it is gone.
 */
export const isStdlibModule = (topLevelName: string, version?: string): boolean => {
  const top = topLevelName.split('.')[0];
  const v = stdlibVersionOf(version);
  return v === null ? anyVersionSet().has(top) : setFor(v).has(top);
};

/**
 * When the module (or the package it lives in: `distutils.core` → `distutils`) was removed from
 * the standard library at or before `version`, the first version without it; otherwise null.
 */
export const removedStdlibModule = (name: string, version: string | undefined): { removedIn: string } | null => {
  const v = stdlibVersionOf(version);
  if (v === null) return null;
  const parts = name.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const removedIn = REMOVED.get(parts.slice(0, n).join('.'));
    if (removedIn !== undefined && minorOf(removedIn) <= minorOf(v)) return { removedIn };
  }
  return null;
};

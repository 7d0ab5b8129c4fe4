/**
 * Stop 58: a relative module name whose computed parts are whole segments below literal ones,
 * imported over the caller's package: supysonic's db.py:685 `importlib.import_module(
 * ".schema.migration.{}.{}".format(settings["provider"], date), __package__)` loads one migration
 * module of one provider folder (schema/migration/sqlite/20171230.py). From the package folder each
 * literal segment is a folder that must exist, each computed segment any subfolder (not `_private`),
 * and a computed last segment any `.py` module there (not `__init__`, not `_private`; a migration's
 * date name is no identifier, which import_module does not ask for). A computed part inside a
 * segment (`.x_{}`), a literal last segment, or a name that is not relative gives nothing.
 */
import type { FrameworkContext } from '../types.js';
import { pathsInDir } from '../../util/file-index.js';
import { basename } from '../../util/path.js';
import { templateParts } from './loader-templates.js';
import { folderIndex } from './folder-loaders.js';

/** At most this many modules are answered for one template. */
const MAX_MODULES = 64;

/** The segments of a relative template (`'.a.{}.{}'` → level 1, ['a', null, null]; null a computed one), or null. */
export const relativeSegments = (expression: string): { level: number; segments: Array<string | null> } | null => {
  const parts = templateParts(expression);
  if (parts === null || typeof parts[0] !== 'string' || !parts.some((p) => typeof p !== 'string')) return null;
  const head = /^\.+/.exec(parts[0]);
  if (head === null) return null;
  // Written back with a marker for each computed part; each must then stand alone between dots.
  const written = parts.map((p) => (typeof p === 'string' ? p : '\0')).join('').slice(head[0].length);
  const segments = written.split('.');
  if (segments.some((s) => s === '' || (s.includes('\0') && s !== '\0') || (s !== '\0' && !/^\w+$/.test(s)))) return null;
  if (segments[segments.length - 1] !== '\0') return null;
  return { level: head[0].length, segments: segments.map((s) => (s === '\0' ? null : s)) };
};

/** The module files a relative template's segments may name below the package `folder`. */
export const relativeTemplateFiles = (ctx: FrameworkContext, folder: string, segments: ReadonlyArray<string | null>): string[] => {
  const { subfolders, byFolder } = folderIndex(ctx);
  let folders = [folder];
  for (const segment of segments.slice(0, -1)) {
    const next: string[] = [];
    for (const f of folders) {
      if (segment !== null) {
        const sub = f === '' ? segment : `${f}/${segment}`;
        if (byFolder.has(sub) || subfolders.has(sub)) next.push(sub);
      } else next.push(...(subfolders.get(f) ?? []).filter((s) => !basename(s).startsWith('_')));
    }
    folders = next;
  }
  const out: string[] = [];
  for (const f of folders) {
    for (const child of pathsInDir(ctx.files, f)) {
      const name = basename(child);
      if (name.endsWith('.py') && name !== '__init__.py' && !name.startsWith('_')) out.push(child);
      if (out.length >= MAX_MODULES) return out;
    }
  }
  return out;
};

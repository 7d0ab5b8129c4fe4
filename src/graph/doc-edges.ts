/**
 * Docs → doc-mention edges: a path (relative to the doc or the root, or a unique path suffix),
 * an unambiguous file name, a dotted Python module name, or a command in a code block. An
 * ambiguous file name is reported as such and counts for nothing.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Edge } from '../model/edge.js';
import type { CommandContext } from '../commandline/types.js';
import type { FileRecord } from '../model/file.js';
import { isSourceLanguage } from '../languages/registry.js';
import { diagnostic } from '../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../util/path.js';
import { aboutFile } from '../util/sentences.js';
import { NO_NAMES, type FactsOfFile } from './import-edges.js';
import type { TargetResolver } from './targets.js';

const MAX_LISTED = 4;
const ROOT_CONTEXT: CommandContext = Object.freeze({ cwd: '' });

/** A path with an empty, `.` or `..` segment, or a leading or trailing slash: only joinRepo can join it. */
const NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * joinRepo for a doc's folder and a mentioned path: a plain path (most mentions) joins as written,
 * where joinRepo's path.posix.join normalises every one of them (payload: 2 per mention, 303 docs).
 */
export const joinNormal = (dir: string, path: string): string | null => {
  if (NOT_NORMAL.test(path)) return joinRepo(dir, path);
  if (dir === '') return path;
  return NOT_NORMAL.test(dir) ? joinRepo(dir, path) : `${dir}/${path}`;
};

export const buildDocEdges = (
  docs: FactsOfFile[],
  files: FileRecord[],
  targets: TargetResolver,
): { edges: Edge[]; diagnostics: Diagnostic[] } => {
  const paths = new Set(files.map((f) => f.path));
  const byName = new Map<string, string[]>();
  for (const f of files) {
    if (!isSourceLanguage(f.language)) continue;
    const name = basename(f.path);
    (byName.get(name) ?? byName.set(name, []).get(name)!).push(f.path);
  }
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];

  for (const doc of docs) {
    const dir = dirname(doc.path);
    const seen = new Set<string>();
    const add = (to: string, line: number, specifier: string, via: string) => {
      const key = `${to}\0${line}`;
      if (to === doc.path || seen.has(key)) return;
      seen.add(key);
      edges.push({ from: doc.path, to, kind: 'doc-mention', line, specifier, names: NO_NAMES, guard: null, via, label: aboutFile(to, `referenced in ${doc.path}:${line}`) });
    };
    const findPath = (target: string): { to: string; via: string } | { ambiguous: string[] } | null => {
      const clean = target.replace(/^\.\//, '').replace(/\/$/, '');
      for (const [base, via] of [[dir, 'doc-relative'], ['', 'root-relative']] as const) {
        const p = joinNormal(base, clean);
        if (p !== null && paths.has(p)) return { to: p, via };
      }
      const sameName = byName.get(basename(clean)) ?? [];
      const matches = clean.includes('/') ? sameName.filter((p) => p.endsWith(`/${clean}`)) : sameName;
      if (matches.length === 1) return { to: matches[0], via: clean.includes('/') ? 'path-suffix' : 'file-name' };
      if (matches.length > 1) return { ambiguous: matches };
      return null;
    };

    for (const ref of doc.facts.references) {
      if (ref.form === 'path') {
        const found = findPath(ref.target);
        if (found === null) continue;
        if ('ambiguous' in found) {
          const listed = found.ambiguous.slice(0, MAX_LISTED).join(', ') + (found.ambiguous.length > MAX_LISTED ? ', …' : '');
          diagnostics.push(diagnostic('docs/ambiguous-mention', 'info', `"${ref.target}" matches ${found.ambiguous.length} files (${listed}); not counted as a mention`, doc.path, ref.line));
          continue;
        }
        add(found.to, ref.line, ref.target, found.via);
      } else {
        const module = ref.target.split(':')[0];
        for (const to of targets.module(module, '').slice(0, 1)) add(to, ref.line, ref.target, 'module-name');
      }
    }
    // One context object per folder: the resolver keys its memo by the context's JSON, kept per
    // object, so a fresh `{ cwd }` per command made that key again (payload: 4,500 commands in 303 docs).
    const contexts = dir === '' ? [ROOT_CONTEXT] : [ROOT_CONTEXT, { cwd: dir }];
    for (const cmd of doc.facts.commands) {
      for (const cmdCtx of contexts) {
        const result = targets.command(cmd.command, cmdCtx);
        for (const f of result.files) add(f.file, cmd.line, cmd.command, 'doc-command');
        if (result.files.length > 0) break;
      }
    }
  }
  return { edges, diagnostics };
};

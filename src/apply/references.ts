/**
 * Finds every reference the plan's moves and merges change, from the Audit made just before
 * (import and command edges with their line and specifier, entry points with their manifest line),
 * and turns each into minimal spans in the referencing file. Nothing is written here: a reference
 * that cannot be rewritten safely becomes a problem, and the whole plan is refused.
 */
import type { Audit } from '../model/audit.js';
import type { Edge } from '../model/edge.js';
import type { ReferenceEdit } from '../model/apply.js';
import { JS_FAMILY_LANGUAGES } from '../languages/js-family.js';
import { byString } from '../util/compare.js';
import { posix } from '../util/path.js';
import type { Step } from './check-repo.js';
import { jsImportSpans } from './js-refs.js';
import { pathMentionSpans } from './path-refs.js';
import { pythonImportSpans } from './python-refs.js';
import { applySpans, binaryText, fromBinary, lineRange, type LineText, type Span } from './spans.js';

/** Where every path ends up: moved and archived files at their destination, merged ones at their keeper. */
export interface PathMap {
  /** The file's path after the apply (itself when it stays; archived files at their archive path). */
  placeOf(path: string): string;
  /** Where references to `path` must point after the apply, or null when they stay as they are. */
  redirect(path: string): string | null;
  removed: ReadonlySet<string>;
  archived: ReadonlySet<string>;
  /** The plan item (its path) that moves, merges or removes `path`. */
  itemOf(path: string): string | undefined;
}

export const pathMap = (steps: Step[]): PathMap => {
  const moved = new Map<string, string>();
  const merged = new Map<string, string>();
  const removed = new Set<string>();
  const archived = new Set<string>();
  for (const s of steps) {
    if (s.action === 'move' || s.action === 'archive') moved.set(s.path, s.to!);
    if (s.action === 'archive') archived.add(s.path);
    if (s.action === 'merge') merged.set(s.path, s.to!);
    if (s.action === 'merge' || s.action === 'delete') removed.add(s.path);
  }
  const placeOf = (p: string): string => moved.get(p) ?? p;
  return {
    placeOf,
    // Archived files are retired: what still points at them is the plan's mistake, and the re-audit says so.
    redirect: (p) => (merged.has(p) ? placeOf(merged.get(p)!) : moved.has(p) && !archived.has(p) ? moved.get(p)! : null),
    removed,
    archived,
    itemOf: (p) => (moved.has(p) || merged.has(p) || removed.has(p) ? p : undefined),
  };
};

const PYTHON = new Set(['python']);
// Every JS-family language, an MDX page's included: its imports are JS statements at their own lines, rewritten as a JS file's are.
const JS: ReadonlySet<string> = JS_FAMILY_LANGUAGES;
const IMPORT_KINDS = new Set(['import', 'dynamic-import', 'type-import']);

export interface FileEdit {
  /** The file by its path before the apply. */
  file: string;
  bytes: Buffer;
  edits: ReferenceEdit[];
}

export interface ReferencePlan {
  files: FileEdit[];
  problems: string[];
  notes: string[];
}

interface Pending {
  spans: { span: Span; item: string }[];
}

export const planReferenceEdits = (audit: Audit, map: PathMap, read: (path: string) => Buffer | null): ReferencePlan => {
  const problems: string[] = [];
  const notes: string[] = [];
  const texts = new Map<string, LineText | null>();
  const textOf = (path: string): LineText | null => {
    if (!texts.has(path)) {
      const bytes = read(path);
      texts.set(path, bytes === null ? null : binaryText(bytes));
    }
    return texts.get(path)!;
  };
  const pending = new Map<string, Pending>();
  const addSpans = (file: string, spans: Span[], item: string): void => {
    const p = pending.get(file) ?? { spans: [] };
    for (const span of spans) p.spans.push({ span, item });
    pending.set(file, p);
  };
  const language = new Map(audit.files.map((f) => [f.path, f.language]));

  const seen = new Set<string>();
  for (const edge of audit.edges) {
    if (edge.to === null || edge.via === 'package-init') continue;
    if (map.removed.has(edge.from) || map.archived.has(edge.from)) continue;
    const target = map.redirect(edge.to);
    const newFrom = map.placeOf(edge.from);
    if (target === null && newFrom === edge.from) continue;
    const newTo = target ?? (map.archived.has(edge.to) ? edge.to : map.placeOf(edge.to));
    const key = `${edge.from}\0${edge.line}\0${edge.specifier}\0${edge.to}\0${edge.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const item = map.itemOf(edge.to) ?? edge.from;
    const t = textOf(edge.from);
    if (t === null) {
      problems.push(`${edge.from} cannot be read to rewrite its reference to ${edge.to} (line ${edge.line})`);
      continue;
    }
    const result = spansForEdge(t, edge, newFrom, newTo, language.get(edge.from));
    if (typeof result === 'string') problems.push(`${item}: cannot rewrite ${edge.from}:${edge.line} (${edge.kind} of ${edge.to}): ${result}`);
    else if (result.length === 0 && target !== null && target !== edge.to) {
      const what = `${edge.from}:${edge.line} mentions ${edge.to} in a form apply cannot rewrite (${JSON.stringify(edge.specifier)})`;
      // A doc naming the file another way (`npm run build`, a bare name) needs nothing; one that names it and could not be followed is worth a look.
      if (edge.kind === 'doc-mention') {
        if (edge.specifier.includes(posix.basename(edge.to).replace(/\.[^.]*$/, ''))) notes.push(`${what}; left as it is`);
      }
      else problems.push(`${item}: ${what}; edit it by hand or drop the item`);
    } else addSpans(edge.from, result, item);
  }

  for (const entry of audit.entries) {
    if (map.removed.has(entry.source) || map.archived.has(entry.source)) continue;
    const t = textOf(entry.source);
    if (t === null) continue;
    const newSource = map.placeOf(entry.source);
    const lines = entry.line !== undefined ? [entry.line] : t.starts.map((_, i) => i + 1);
    if (entry.file !== null) {
      const target = map.redirect(entry.file);
      if (target === null) continue;
      const spans = lines.flatMap((line) => {
        const r = lineRange(t, line);
        return r === null ? [] : pathMentionSpans(t, r.start, r.end, { from: entry.source, newFrom: newSource, oldPath: entry.file!, newPath: target, names: false });
      });
      if (spans.length === 0) problems.push(`${entry.file}: cannot find it on ${entry.source}${entry.line !== undefined ? `:${entry.line}` : ''} (${entry.evidence}); edit it by hand or drop the item`);
      addSpans(entry.source, spans, entry.file);
    } else if (entry.unresolved === 'not-found' && entry.line !== undefined && entry.command !== undefined) {
      // An entry census could not resolve (an install path such as /opt/app/…) may still name a moved file by its tail.
      const r = lineRange(t, entry.line);
      if (r === null) continue;
      for (const [old, target] of redirects(map, audit)) {
        const spans = pathMentionSpans(t, r.start, r.end, { from: entry.source, newFrom: newSource, oldPath: old, newPath: target, names: false });
        if (spans.length > 0) {
          addSpans(entry.source, spans, old);
          notes.push(`${entry.source}:${entry.line} names ${old} by a path census could not resolve (${entry.unresolvedReason ?? 'not found'}); rewritten to ${target}: check it`);
        }
      }
    }
  }

  const files: FileEdit[] = [];
  for (const [file, p] of [...pending].sort(([a], [b]) => byString(a, b))) {
    const t = textOf(file)!;
    const applied = applySpans(t.text, p.spans.map((s) => s.span));
    if ('conflict' in applied) {
      problems.push(`${file}: two plan items rewrite the same characters (offsets ${applied.conflict[0].start} and ${applied.conflict[1].start}); drop one of them`);
      continue;
    }
    if (applied.text === t.text) continue;
    files.push({ file, bytes: Buffer.from(applied.text, 'latin1'), edits: lineEdits(file, t, applied.text, p) });
  }
  return { files, problems, notes };
};

const redirects = (map: PathMap, audit: Audit): [string, string][] =>
  audit.files.flatMap((f) => {
    const to = map.redirect(f.path);
    return to === null ? [] : [[f.path, to] as [string, string]];
  });

const spansForEdge = (t: LineText, edge: Edge, newFrom: string, newTo: string, lang: string | undefined): Span[] | string => {
  if (IMPORT_KINDS.has(edge.kind) && lang !== undefined && PYTHON.has(lang)) return pythonImportSpans(t, { edge, newFrom, oldTo: edge.to!, newTo });
  if (IMPORT_KINDS.has(edge.kind) && lang !== undefined && JS.has(lang)) return jsImportSpans(t, { edge, newFrom, oldTo: edge.to!, newTo });
  const r = lineRange(t, edge.line);
  if (r === null) return `line ${edge.line} is past the end of the file`;
  return pathMentionSpans(t, r.start, r.end, { from: edge.from, newFrom, oldPath: edge.to!, newPath: newTo, names: edge.kind === 'doc-mention' });
};

/** One ReferenceEdit per changed line: the line before and after, for the report. */
const lineEdits = (file: string, t: LineText, after: string, p: Pending): ReferenceEdit[] => {
  const byLine = new Map<number, { spans: Span[]; item: string }>();
  for (const { span, item } of p.spans) {
    let line = 1;
    while (line < t.starts.length && t.starts[line] <= span.start) line++;
    const e = byLine.get(line) ?? { spans: [], item };
    e.spans.push(span);
    byLine.set(line, e);
  }
  const out: ReferenceEdit[] = [];
  for (const [line, { spans, item }] of [...byLine].sort(([a], [b]) => a - b)) {
    const r = lineRange(t, line)!;
    const shifted = spans.map((s) => ({ ...s, start: s.start - r.start, end: s.end - r.start })).filter((s) => s.end <= r.end - r.start);
    const before = t.text.slice(r.start, r.end);
    const applied = applySpans(before, shifted);
    const afterLine = 'text' in applied ? applied.text : before;
    if (afterLine !== before) out.push({ file, line, before: fromBinary(before).trim(), after: fromBinary(afterLine).trim(), item });
  }
  void after;
  return out;
};

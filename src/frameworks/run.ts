/**
 * Run every framework reader that applies. A reader that throws is a bug in census; it becomes a
 * warning and the rest of the audit goes on.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import { ownString } from '../util/own-string.js';
import type { CommandInput, EntryInput } from '../entries/types.js';
import { PYTHON_SOURCE_READERS, READERS } from './index.js';
import { pathsNamedLike } from '../util/file-index.js';
import type { FrameworkContext, FrameworkEntry, FrameworkReader, ReferenceInput } from './types.js';

export interface FrameworkInput<T> {
  detector: string;
  source: string;
  input: T;
}

export interface FrameworksResult {
  /** Each reader that applied, with why. */
  enabled: { id: string; evidence: string }[];
  entries: FrameworkInput<EntryInput>[];
  commands: FrameworkInput<CommandInput>[];
  references: (ReferenceInput & { reader: string })[];
  diagnostics: Diagnostic[];
}

/**
 * A reader's reference as the scan keeps it. Its target and sentence are often matches in a text
 * the reader read: kept as slices they would keep that file's whole text alive until the Audit is
 * written. A literal, not `{ ...r, reader }`: in V8 a spread followed by more keys gives every
 * object a hidden class of its own (about 250 bytes each, 27,000 references on saleor x4).
 */
const referenceOf = (r: ReferenceInput, reader: string): ReferenceInput & { reader: string } => {
  const target = ownString(r.target);
  const label = ownString(r.label);
  return r.line === undefined
    ? { from: r.from, target, targetKind: r.targetKind, label, reader }
    : { from: r.from, target, targetKind: r.targetKind, line: r.line, label, reader };
};

/**
 * A reader's entry without its `source`, as the later stages read it (graph/entries.ts reads these
 * fields by name). Not `const { source, ...input } = e`: an object rest is a runtime call per entry
 * (saleor: 7,100 entries, most of them Django's migrations), this a literal and three stores.
 */
const entryInputOf = (e: FrameworkEntry): EntryInput => {
  const input: EntryInput = { target: e.target, targetKind: e.targetKind, kind: e.kind, evidence: e.evidence };
  if (e.line !== undefined) input.line = e.line;
  if (e.standsIn !== undefined) input.standsIn = e.standsIn;
  if (e.startedBy !== undefined) input.startedBy = e.startedBy;
  return input;
};

/**
 * CENSUS_READER_TIMES=1 prints each reader's CPU milliseconds to stderr (enabledBy and collect
 * together), slowest first: the stage's time is the sum of readers, and a whole-scan profile
 * spreads one reader over shared helpers.
 */
const READER_TIMES = process.env.CENSUS_READER_TIMES === '1';

export const runFrameworks = (ctx: FrameworkContext, readers: readonly FrameworkReader[] = READERS): FrameworksResult => {
  const times: [string, number][] = [];
  const out: FrameworksResult = { enabled: [], entries: [], commands: [], references: [], diagnostics: [] };
  // Fallback readers last, each keeping only what names a file no reader before it named.
  const ordered = [...readers.filter((r) => r.fallback !== true), ...readers.filter((r) => r.fallback === true)];
  let named: Set<string> | null = null;
  // Once: whether the repo holds a .py file (the readers that read Python source alone are off without one).
  let python = false;
  for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['py'] }); at < listed.length && !python; at++) python = listed[at].endsWith('.py');
  for (const reader of ordered) {
    if (!python && PYTHON_SOURCE_READERS.has(reader)) continue;
    const start = READER_TIMES ? process.cpuUsage() : null;
    try {
      const evidence = reader.enabledBy(ctx);
      if (evidence === null) continue;
      out.enabled.push({ id: reader.id, evidence });
      const result = reader.collect(ctx);
      if (reader.fallback === true) {
        named ??= new Set([...ctx.entries.map((e) => e.target), ...out.entries.map((e) => e.input.target), ...out.references.map((r) => r.target)]);
        const known = named;
        result.entries = result.entries.filter((e) => !known.has(e.target));
        result.references = result.references.filter((r) => !known.has(r.target));
      }
      for (const e of result.entries) out.entries.push({ detector: reader.id, source: e.source, input: entryInputOf(e) });
      for (const { source, ...input } of result.commands) out.commands.push({ detector: reader.id, source, input });
      for (const r of result.references) out.references.push(referenceOf(r, reader.id));
      out.diagnostics.push(...result.diagnostics);
    } catch (e) {
      out.diagnostics.push(warning('framework/crash', `${reader.id} reader failed: ${(e as Error).message}`));
    } finally {
      if (start !== null) {
        const used = process.cpuUsage(start);
        times.push([reader.id, (used.user + used.system) / 1000]);
      }
    }
  }
  if (READER_TIMES) {
    times.sort((a, b) => b[1] - a[1]);
    process.stderr.write(`${times.map(([id, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${id}`).join('\n')}\n`);
  }
  return out;
};

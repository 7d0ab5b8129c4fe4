/**
 * Run every framework reader that applies. A reader that throws is a bug in census; it becomes a
 * warning and the rest of the audit goes on.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import { ownString } from '../util/own-string.js';
import type { CommandInput, EntryInput } from '../entries/types.js';
import { READERS } from './index.js';
import type { FrameworkContext, FrameworkReader, ReferenceInput } from './types.js';

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

export const runFrameworks = (ctx: FrameworkContext, readers: readonly FrameworkReader[] = READERS): FrameworksResult => {
  const out: FrameworksResult = { enabled: [], entries: [], commands: [], references: [], diagnostics: [] };
  for (const reader of readers) {
    try {
      const evidence = reader.enabledBy(ctx);
      if (evidence === null) continue;
      out.enabled.push({ id: reader.id, evidence });
      const result = reader.collect(ctx);
      for (const { source, ...input } of result.entries) out.entries.push({ detector: reader.id, source, input });
      for (const { source, ...input } of result.commands) out.commands.push({ detector: reader.id, source, input });
      // A reader's target and sentence are often matches in a text it read: kept as slices, they
      // would keep every such file's whole text alive until the Audit is written.
      for (const r of result.references) out.references.push({ ...r, target: ownString(r.target), label: ownString(r.label), reader: reader.id });
      out.diagnostics.push(...result.diagnostics);
    } catch (e) {
      out.diagnostics.push(warning('framework/crash', `${reader.id} reader failed: ${(e as Error).message}`));
    }
  }
  return out;
};

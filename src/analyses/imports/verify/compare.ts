/**
 * The static answer for each module (does it fail to load, and through which root causes?)
 * against what importing it really did. A real failure is attributed to a root cause from its
 * exception: `No module named 'torch'` → the cause whose imports name torch; `cannot import name
 * 'X'` → the missing-name cause for X. Both fail for a cause the static analysis named: agree.
 */
import type { Audit } from '../../../model/audit.js';
import type { ImportFinding, VerifyDisagreement, VerifySection } from '../../../model/imports.js';
import { byString } from '../../../util/compare.js';
import { buildLoadGraph, spreadFailure } from '../cascade.js';
import type { ModuleToImport } from './modules.js';
import type { ImportOutcome } from './run.js';

/** File → root-cause names that make it fail to load, recomputed from the Audit alone. */
export const staticFailures = (audit: Audit): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  const section = audit.imports;
  if (!section) return out;
  const starts = new Map<string, Set<string>>();
  for (const f of section.findings) {
    if (!f.breaksModule) continue;
    const set = starts.get(f.rootCause) ?? new Set<string>();
    set.add(f.file);
    starts.set(f.rootCause, set);
  }
  const reverse = buildLoadGraph(audit.files, audit.edges);
  for (const [cause, files] of starts) {
    for (const file of spreadFailure(reverse, files).keys()) out.set(file, [...(out.get(file) ?? []), cause]);
  }
  for (const list of out.values()) list.sort(byString);
  return out;
};

const describeOutcome = (o: ImportOutcome): string =>
  o.kind === 'ok' ? 'ok'
  : o.kind === 'timeout' ? `did not finish within ${o.seconds} s (stopped)`
  : o.kind === 'exited' ? `the interpreter ${o.signal ? `was killed by ${o.signal}` : `exited with code ${o.code}`} while importing it`
  : `${o.type}: ${o.message}${o.at ? ` (at ${o.at[0]}:${o.at[1]})` : ''}`;

/** The root cause a real import error points at, if the findings know it. */
const attribute = (o: ImportOutcome, findings: readonly ImportFinding[]): string | null => {
  if (o.kind !== 'error') return null;
  const cannotImport = /cannot import name '([^']+)'/.exec(o.message);
  if (cannotImport) {
    const hit = findings.find((f) => f.bucket === 'missing-name' && f.name === cannotImport[1]);
    if (hit) return hit.rootCause;
  }
  const missing = o.name ?? /No module named '([^']+)'/.exec(o.message)?.[1];
  if (!missing) return null;
  const top = missing.split('.')[0];
  const hit =
    findings.find((f) => f.specifier === missing || f.rootCause === missing) ??
    findings.find((f) => !f.specifier.startsWith('.') && f.specifier.split('.')[0] === top && f.bucket !== 'missing-name');
  return hit ? hit.rootCause : null;
};

export const compareVerification = (
  audit: Audit,
  modules: readonly ModuleToImport[],
  outcomes: readonly ImportOutcome[],
  interpreter: string,
  skipped: number,
): VerifySection => {
  const failures = staticFailures(audit);
  const findings = audit.imports?.findings ?? [];
  const disagreements: VerifyDisagreement[] = [];
  let agree = 0;
  let timeouts = 0;
  modules.forEach((m, i) => {
    const outcome = outcomes[i] ?? { kind: 'exited', code: null, signal: null };
    const causes = failures.get(m.file) ?? [];
    const staticText = causes.length === 0 ? 'ok' : `fails: ${causes.join(', ')}`;
    if (outcome.kind === 'timeout') timeouts++;
    const cause = attribute(outcome, findings);
    const actualText = `${describeOutcome(outcome)}${cause ? ` (root cause ${cause})` : ''}`;
    const bothOk = causes.length === 0 && outcome.kind === 'ok';
    const bothFail = causes.length > 0 && (outcome.kind === 'error' || outcome.kind === 'exited') && (cause === null ? outcome.kind === 'exited' : causes.includes(cause));
    if (bothOk || bothFail) agree++;
    else disagreements.push({ file: m.file, static: staticText, actual: actualText });
  });
  return { interpreter, checked: modules.length, skipped, agree, timeouts, disagreements };
};

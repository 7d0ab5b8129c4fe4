/**
 * Detector inputs → Entries: each command line goes through the one command analyser, each
 * named file or module is checked against the repo. An entry that names nothing in the repo
 * is kept with the reason, never dropped and never guessed.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Entry } from '../model/entry.js';
import type { Detected } from '../entries/run.js';
import { joinRepo } from '../util/path.js';
import { warning } from '../util/diagnostics.js';
import type { TargetResolver } from './targets.js';
import { withSteps } from '../util/sentences.js';

/**
 * Detectors whose commands are not deploy or CI lines (package scripts, Makefile recipes, test
 * discovery, the census config): a program census does not know there is ordinary and not reported.
 */
const NOT_DEPLOY_OR_CI: ReadonlySet<string> = new Set(['package-json', 'makefile', 'pyproject', 'setup-py', 'setup-cfg', 'tests', 'config']);


/** Every deploy-path mapping any detector found, de-duplicated; an ambiguous source path is dropped. */
const sharedPathMap = (detected: Detected): { from: string; to: string }[] => {
  const targetsOf = new Map<string, Set<string>>();
  for (const { input } of detected.commands) {
    for (const m of input.pathMap ?? []) (targetsOf.get(m.from) ?? targetsOf.set(m.from, new Set()).get(m.from)!).add(m.to);
  }
  return [...targetsOf].filter(([, to]) => to.size === 1).map(([from, to]) => ({ from, to: [...to][0] }));
};

/**
 * A command as evidence quotes: the sentence is copied into the chain of every file the command
 * reaches, so one 300 KB package.json script once made 72 MB of JSON. Evidence quotes an excerpt;
 * the entry's `command` field keeps more, still bounded.
 */
const EVIDENCE_COMMAND_CHARS = 200;
const ENTRY_COMMAND_CHARS = 2000;
const excerpt = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const oneLine = (command: string): string => excerpt(command.trim().replace(/\s+/g, ' '), EVIDENCE_COMMAND_CHARS);

/** What every entry of one detected entry or command shares. */
interface EntryHead {
  kind: Entry['kind'];
  detector: string;
  source: string;
  command?: string;
  startedBy?: Entry['startedBy'];
  line?: number;
}

/**
 * An entry built key by key in the order `{ ...head, file, evidence, ... }` gave (the Audit JSON
 * keeps it): in V8 a spread followed by more keys gives every object a hidden class of its own,
 * about 250 bytes per entry (18,000 entries on saleor x4, 100,000 at 100k files).
 */
const entryOf = (head: EntryHead, file: string | null, evidence: string, unresolved?: Pick<Entry, 'unresolvedReason' | 'unresolved'>, standsIn?: true): Entry => {
  const entry = { kind: head.kind, detector: head.detector, source: head.source } as Entry;
  if (head.command !== undefined) entry.command = head.command;
  if (head.startedBy !== undefined) entry.startedBy = head.startedBy;
  if (head.line) entry.line = head.line;
  entry.file = file;
  entry.evidence = evidence;
  if (unresolved) {
    entry.unresolvedReason = unresolved.unresolvedReason;
    entry.unresolved = unresolved.unresolved;
  }
  if (standsIn) entry.standsIn = true;
  return entry;
};

export const buildEntries = (detected: Detected, targets: TargetResolver): { entries: Entry[]; diagnostics: Diagnostic[] } => {
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { detector, source, input } of detected.entries) {
    const base: EntryHead = { kind: input.kind, detector, source, startedBy: input.startedBy, line: input.line };
    const file = input.targetKind === 'file' ? targets.file(input.target) : null;
    const resolved = input.targetKind === 'module' ? targets.module(input.target) : file ? [file] : [];
    if (resolved.length === 0) {
      const reason = input.targetKind === 'module' ? `no module ${input.target} in the repo` : `no such file ${input.target}`;
      entries.push(entryOf(base, null, input.evidence, { unresolvedReason: reason, unresolved: input.targetKind === 'module' ? 'no-module' : 'not-found' }));
      continue;
    }
    for (const file of resolved) entries.push(entryOf(base, file, input.evidence, undefined, input.standsIn));
  }
  // A unit's WorkingDirectory or an image's WORKDIR/COPY says where the repo is deployed; a crontab
  // line that cds into the same absolute folder means the same place.
  const deployMap = sharedPathMap(detected);
  // One array for every command without a map of its own: the target resolver keeps a map's key per array.
  const byLength = (a: { from: string }, b: { from: string }): number => b.from.length - a.from.length;
  const deployOnly = [...deployMap].sort(byLength);
  for (const { detector, source, input } of detected.commands) {
    const pathMap = input.pathMap === undefined || input.pathMap.length === 0 ? deployOnly : [...input.pathMap, ...deployMap].sort(byLength);
    const base: EntryHead = { kind: input.kind, detector, source, command: excerpt(input.command, ENTRY_COMMAND_CHARS), startedBy: 'command-line', line: input.line };
    const result = targets.command(input.command, { cwd: input.cwd, ...(pathMap.length > 0 ? { pathMap } : {}), ...(input.env ? { env: input.env } : {}) });
    const evidence = `${input.evidence}: ${oneLine(input.command)}`;
    for (const f of result.files) entries.push(entryOf(base, f.file, withSteps(evidence, f.via)));
    for (const u of result.unresolved) entries.push(entryOf(base, null, evidence, { unresolvedReason: u.reason, unresolved: u.dynamic ? 'dynamic' : u.module ? 'no-module' : 'not-found' }));
    if (NOT_DEPLOY_OR_CI.has(detector)) continue;
    // Nothing silent: what a deploy or CI line runs that census cannot name is said, with the word it stopped at.
    for (const u of result.unresolved) {
      if (u.dockerignored) diagnostics.push(warning('entry/dockerignored', `${input.evidence}: ${oneLine(u.reason)}`, source, input.line));
      else if (u.dynamic) diagnostics.push(warning('entry/unresolved-command', `${input.evidence}: census cannot tell what this runs: ${oneLine(u.reason)}`, source, input.line));
    }
    for (const program of new Set(result.unknown ?? [])) {
      diagnostics.push(
        warning('entry/unresolved-command', `${input.evidence}: census cannot tell what this runs: it stopped at "${program}", a program it has no record of (${oneLine(input.command)})`, source, input.line),
      );
    }
  }
  return { entries, diagnostics };
};

/** Paths relative to a folder and to the root, de-duplicated, first the folder's. */
export const candidateCwds = (...dirs: (string | undefined)[]): string[] => {
  const out: string[] = [];
  for (const d of dirs) {
    if (d === undefined) continue;
    const clean = joinRepo(d) ?? '';
    if (!out.includes(clean)) out.push(clean);
  }
  return out;
};

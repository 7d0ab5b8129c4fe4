/**
 * census apply, start to end: refuse outside git, on a dirty tree (unless forced) and on any bad
 * plan item or reference it cannot rewrite, before touching anything; then edit references at their
 * spans, `git mv` / `git rm`, stage, re-audit, run the user's tests if asked, and on any failed
 * check put the working tree and index back exactly. --dry-run does all of it in a scratch copy.
 */
import type { Audit } from '../model/audit.js';
import { APPLY_REPORT_VERSION, type AppliedAction, type ApplyReport, type VerificationCheck } from '../model/apply.js';
import type { Plan } from '../model/plan.js';
import { errorMessage } from '../util/errors.js';
import { copyEntry, makeDirs, makeTempDir, overwriteBytes, pathKind, readBytes, removeEmptyDir, removeFileIfPresent, removeTree, restoreFile, saveFile, type SavedFile } from '../util/fs.js';
import { joinAbsolute, posix } from '../util/path.js';
import { VERSION } from '../version.js';
import { checkAgainstRepo, symlinkOnPath, type Step } from './check-repo.js';
import { gitAdd, gitMove, gitRemove, headCommit, initScratchRepo, isWorkTree, listedFiles, restoreIndex, saveIndex, stagedDiff, stagedSize, trackedChanges, trackedFiles } from './git-ops.js';
import { ACTING, loadPlan, unsafePathReason } from './load-plan.js';
import { leftoverMentions } from './leftovers.js';
import { pathMap, planReferenceEdits } from './references.js';
import { runTestCommand } from './test-command.js';
import { verify } from './verify.js';

export interface ApplyOptions {
  rootAbs: string;
  /** The root and plan file as the user named them (the report shows these). */
  root: string;
  planName: string;
  planText: string;
  dryRun: boolean;
  archiveDir?: string;
  test?: string;
  force: boolean;
  /** Audits a folder (the CLI passes the scan with the user's scan options). */
  audit(rootAbs: string): Promise<Audit>;
  progress?(message: string): void;
}

const emptyReport = (o: ApplyOptions): ApplyReport => ({
  reportVersion: APPLY_REPORT_VERSION,
  tool: { name: 'census', version: VERSION },
  generatedAt: new Date().toISOString(),
  plan: o.planName,
  root: o.root,
  status: 'refused',
  problems: [],
  actions: [],
  edits: [],
  skipped: [],
  checks: [],
  notes: [],
  diff: [],
  diffSize: { files: 0, insertions: 0, deletions: 0 },
});

const refuse = (report: ApplyReport, problems: string[]): ApplyReport => ({ ...report, status: 'refused', problems });

export const applyPlan = async (o: ApplyOptions): Promise<ApplyReport> => {
  const report = emptyReport(o);
  if (!isWorkTree(o.rootAbs)) return refuse(report, [`${o.root} is not inside a git work tree: apply moves files with git so history follows them and the change can be reviewed and undone`]);
  const loaded = loadPlan(o.planText, o.planName);
  if ('problems' in loaded) return refuse(report, loaded.problems);
  const plan = loaded.plan;
  const archiveDir = (o.archiveDir ?? plan.archiveDir).replace(/\/+$/, '');
  const archiveWhy = unsafePathReason(archiveDir);
  if (archiveWhy) return refuse(report, [`--archive-dir ${archiveDir} ${archiveWhy}`]);
  if (!o.force) {
    const changes = trackedChanges(o.rootAbs);
    if (changes === null) return refuse(report, ['git could not tell whether the working tree is clean; commit your work, or use --force']);
    if (changes.length > 0) {
      return refuse(report, [`the working tree has uncommitted changes (${changes.length} file${changes.length === 1 ? '' : 's'}: ${changes.slice(0, 5).map((l) => l.slice(3)).join(', ')}${changes.length > 5 ? ', …' : ''}); commit them first so the apply can be reviewed on its own, or use --force`]);
    }
  }
  report.skipped = plan.items.filter((i) => !ACTING.has(i.action)).map((i) => ({ path: i.path, action: i.action }));
  const head = headCommit(o.rootAbs);
  if (plan.git?.commit && head !== null && plan.git.commit !== head) report.notes.push(`the plan was made at ${plan.git.commit.slice(0, 12)}; HEAD is now ${head.slice(0, 12)} (each file's hash was checked)`);
  if (!o.dryRun) return carryOut(o, plan, archiveDir, o.rootAbs, report);

  const scratch = makeTempDir('census-apply-');
  try {
    const copy = joinAbsolute(scratch, 'repo');
    makeDirs(copy);
    for (const rel of listedFiles(o.rootAbs)) if (pathKind(joinAbsolute(o.rootAbs, rel)) !== 'missing') copyEntry(joinAbsolute(o.rootAbs, rel), joinAbsolute(copy, rel));
    initScratchRepo(copy);
    const done = await carryOut(o, plan, archiveDir, copy, report);
    return done.status === 'refused' ? done : { ...done, status: 'dry-run' };
  } finally {
    removeTree(scratch);
  }
};

/** What a rollback needs: the index as a tree, every touched file's bytes and mode, what was created. */
interface Snapshot {
  index: string;
  files: Map<string, SavedFile>;
  created: string[];
  createdDirs: string[];
}

const restore = (dir: string, snap: Snapshot): void => {
  for (const p of snap.created) removeFileIfPresent(joinAbsolute(dir, p));
  for (const [p, saved] of snap.files) restoreFile(joinAbsolute(dir, p), saved);
  restoreIndex(dir, snap.index);
  for (const d of [...snap.createdDirs].sort((a, b) => b.length - a.length)) removeEmptyDir(joinAbsolute(dir, d));
};

/** The folders above `path` that do not exist yet, deepest last. */
const missingFolders = (dir: string, path: string): string[] => {
  const parts = path.split('/').slice(0, -1);
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    if (pathKind(joinAbsolute(dir, folder)) === 'missing') out.push(folder);
  }
  return out;
};

const describe = (s: Step): string =>
  s.action === 'delete' ? `git rm ${s.path}` : s.action === 'merge' ? `importers switched to ${s.to}; git rm ${s.path}` : `git mv ${s.path} ${s.to}`;

const carryOut = async (o: ApplyOptions, plan: Plan, archiveDir: string, dir: string, base: ApplyReport): Promise<ApplyReport> => {
  const report = { ...base, notes: [...base.notes] };
  const tracked = trackedFiles(dir);
  const checked = checkAgainstRepo(plan, dir, tracked, archiveDir);
  if (checked.problems.length > 0) return refuse(report, checked.problems);
  const steps = checked.steps;
  if (steps.length === 0) return { ...report, status: 'applied', notes: [...report.notes, 'the plan has nothing to carry out (only keep and review items)'] };

  o.progress?.('auditing before the change');
  const before = await o.audit(dir);
  const map = pathMap(steps);
  const read = (p: string): Buffer | null => {
    const r = readBytes(joinAbsolute(dir, p));
    return 'bytes' in r ? r.bytes : null;
  };
  const refs = planReferenceEdits(before, map, read);
  report.notes.push(...refs.notes);
  if (refs.problems.length > 0) return refuse(report, refs.problems);
  // Edits are written in place: never through a link, which could lead out of the repo or to a second name of a file.
  const linked = refs.files.flatMap((f) => {
    const link = symlinkOnPath(dir, f.file);
    return link === null ? [] : [`${f.file} needs its reference${f.edits.length === 1 ? '' : 's'} rewritten (line ${f.edits.map((e) => e.line).join(', ')}) but ${link === f.file ? 'is a symlink' : `lies below the symlink ${link}`}; apply does not write through links`];
  });
  if (linked.length > 0) return refuse(report, linked);
  for (const f of refs.files) if (!tracked.has(f.file)) report.notes.push(`${f.file} is not tracked by git: its reference was rewritten in place but not staged`);
  report.notes.push(...leftoverMentions(before, tracked, map, read, new Set(refs.files.flatMap((f) => f.edits.map((e) => `${f.file}:${e.line}`)))));

  const snap: Snapshot = { index: saveIndex(dir), files: new Map(), created: [], createdDirs: [] };
  for (const p of new Set([...refs.files.map((f) => f.file), ...steps.map((s) => s.path)])) snap.files.set(p, saveFile(joinAbsolute(dir, p)));
  const actions: AppliedAction[] = [];
  try {
    for (const f of refs.files) overwriteBytes(joinAbsolute(dir, f.file), f.bytes);
    for (const s of steps) {
      if (s.action === 'move' || s.action === 'archive') {
        const folders = missingFolders(dir, s.to!);
        snap.createdDirs.push(...folders);
        makeDirs(joinAbsolute(dir, posix.dirname(s.to!)));
        snap.created.push(s.to!);
        gitMove(dir, s.path, s.to!);
      } else gitRemove(dir, s.path);
      actions.push({ path: s.path, action: s.action, ...(s.to !== undefined ? { to: s.to } : {}), done: describe(s) });
    }
    gitAdd(dir, refs.files.filter((f) => !map.removed.has(f.file) && tracked.has(f.file)).map((f) => map.placeOf(f.file)));
  } catch (e) {
    restore(dir, snap);
    return { ...refuse(report, [`${errorMessage(e)}; the working tree and index were restored`]), status: 'rolled-back' };
  }
  report.actions = actions;
  report.edits = refs.files.flatMap((f) => f.edits);

  o.progress?.('re-auditing after the change');
  const after = await o.audit(dir);
  const checks: VerificationCheck[] = verify(before, after, { map, items: steps.map((s) => ({ path: s.path, action: s.action, ...(s.to ? { to: s.to } : {}) })), archiveDir }, report.notes);
  if (o.test !== undefined) {
    o.progress?.(`running the tests: ${o.test}`);
    const run = runTestCommand(o.test, dir);
    report.test = { command: o.test, exitCode: run.exitCode, output: run.output.split('\n') };
    checks.push({ name: 'tests', ok: run.exitCode === 0, failures: run.exitCode === 0 ? [] : [`\`${o.test}\` exited with ${run.exitCode}`] });
  }
  report.checks = checks;
  report.diff = stagedDiff(dir, !o.dryRun).replace(/\n$/, '').split('\n').filter((l, i, all) => all.length > 1 || l !== '');
  report.diffSize = stagedSize(dir);
  if (checks.every((c) => c.ok)) return { ...report, status: 'applied' };
  if (o.dryRun) return { ...report, status: 'dry-run' };
  restore(dir, snap);
  return { ...report, status: 'rolled-back' };
};

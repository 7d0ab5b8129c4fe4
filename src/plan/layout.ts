/**
 * A proposed folder layout, as `move` items: a loose scripts folder that mixes production and
 * tooling scripts is split into <folder>/production/ and <folder>/tools/ (its dead scripts are
 * already going to the archive), the way hand-made migration plans split them. Deliberately
 * narrow: only folders named like a scripts folder, never a Python package or a JS module tree,
 * and only scripts that nothing imports and that import nothing by a path relative to themselves,
 * whose starters are command lines apply can rewrite. The user edits the plan; these are proposals.
 */
import type { PlanItem } from '../model/plan.js';
import { basename, dirname } from '../util/path.js';
import { plural } from '../util/words.js';
import type { Decision } from './decide.js';
import type { FileEvidence, PlanEvidence } from './evidence.js';
import { frameworkConvention } from './framework-paths.js';

const SCRIPT_FOLDER = /^(?:scripts?|bin|tools|tooling|ops|jobs|cron|hack|devtools|utilities)$/i;
/** A folder holding one of these is a package or module tree: moving one file changes import paths. */
const PACKAGE_MARKER = /^(?:__init__\.py|package\.json|index\.[cm]?[jt]sx?|tsconfig\.json|pyproject\.toml|setup\.py)$/;
/** Edges resolved relative to the file's own folder: they would point elsewhere after a move. */
const LOCAL_VIA = /^(?:relative|script-dir|not-on-path|doc-relative)/;

const SUBFOLDER: Record<string, string> = { production: 'production', tooling: 'tools' };

/** Why a script cannot be moved safely, or null when it can. */
const unmovable = (ev: FileEvidence): string | null => {
  if (frameworkConvention(ev.file.path)) return 'convention';
  if (ev.users.some((e) => e.kind !== 'exec')) return 'imported or named by code';
  if (ev.entries.some((e) => e.command === undefined)) return 'started by an entry that is not a command line';
  // Only a script whose starters are all known can be moved with them: a run that loaded it by an unknown way would break.
  if (ev.runtimeOnly || ev.entries.length + ev.users.length === 0) return 'started by nothing the plan can rewrite';
  if (ev.uses.some((e) => e.via !== undefined && LOCAL_VIA.test(e.via))) return 'uses files relative to itself';
  return null;
};

export const proposeLayout = (decisions: Map<string, Decision>, evidence: PlanEvidence): void => {
  const keepers = new Set([...decisions.values()].flatMap((d) => (d.keeper !== null ? [d.keeper] : [])));
  const byFolder = new Map<string, string[]>();
  for (const path of evidence.allPaths) {
    const folder = dirname(path);
    const list = byFolder.get(folder);
    if (list) list.push(path);
    else byFolder.set(folder, [path]);
  }
  for (const [folder, paths] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (folder === '' || !SCRIPT_FOLDER.test(basename(folder))) continue;
    if (paths.some((p) => PACKAGE_MARKER.test(basename(p)))) continue;
    const items = paths.flatMap((p) => decisions.get(p)?.item ?? []);
    const movable = items.filter(
      (i) => i.action === 'keep' && SUBFOLDER[i.verdict] !== undefined && !keepers.has(i.path) && unmovable(evidence.byPath.get(i.path)!) === null,
    );
    const production = movable.filter((i) => i.verdict === 'production');
    const tooling = movable.filter((i) => i.verdict === 'tooling');
    // A folder of one kind needs no split: nesting it would only lengthen every path.
    if (production.length === 0 || tooling.length === 0) continue;
    const dead = items.filter((i) => i.action === 'archive' || i.action === 'delete' || i.action === 'merge').length;
    const mix = `${folder}/ mixes ${plural(production.length, 'production script')} and ${plural(tooling.length, 'tooling script')}${dead > 0 ? `, and ${plural(dead, 'dead file')} the plan removes` : ''}`;
    for (const i of movable) {
      const sub = SUBFOLDER[i.verdict];
      const to = `${folder}/${sub}/${basename(i.path)}`;
      if (evidence.allPaths.has(to)) continue;
      const ev = evidence.byPath.get(i.path)!;
      const starters = [...ev.entries.map((e) => e.evidence), ...ev.users.map((e) => `${e.from}:${e.line}`)];
      const move: PlanItem = {
        ...i,
        action: 'move',
        to,
        reasons: [
          ...i.reasons,
          `layout: ${mix}; ${i.verdict} scripts go to ${folder}/${sub}/`,
          ...(starters.length > 0 ? [`the command lines that start it are rewritten: ${starters.slice(0, 3).join('; ')}${starters.length > 3 ? ` and ${starters.length - 3} more` : ''}`] : []),
        ],
      };
      decisions.set(i.path, { item: move, keeper: null });
    }
  }
};

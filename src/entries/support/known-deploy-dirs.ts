/**
 * The deploy folders a repo declares in its service units (systemd WorkingDirectory=,
 * supervisord directory=), each mapped back into the repo by the deploy-folder rule. A crontab
 * names no folder of its own but usually `cd`s into one of these (`cd /opt/lakehouse && …`), so
 * its commands get this map.
 */
import { byString } from '../../util/compare.js';
import { basename, extname } from '../../util/path.js';
import type { DetectorContext } from '../types.js';
import { mapDeployDir } from './deploy-dir.js';
import { sortPathMap } from './inputs.js';

const DIR_LINE = /^\s*(?:WorkingDirectory|directory)\s*=\s*-?(\/[^\s;#]*)/gm;

const cache = new WeakMap<ReadonlySet<string>, { from: string; to: string }[]>();

const isUnitOrSupervisorConf = (path: string): boolean =>
  /\.(service|socket)$/.test(basename(path)) || extname(path) === '.conf';

export const knownDeployDirs = (ctx: DetectorContext): { from: string; to: string }[] => {
  let map = cache.get(ctx.files);
  if (map) return map;
  const found: { from: string; to: string }[] = [];
  for (const path of [...ctx.files].filter(isUnitOrSupervisorConf).sort(byString)) {
    const text = ctx.manifests.text(path);
    if (text === null) continue;
    for (const m of text.matchAll(DIR_LINE)) found.push(...mapDeployDir(m[1], ctx.files).pathMap);
  }
  map = sortPathMap(found);
  cache.set(ctx.files, map);
  return map;
};

/**
 * Browser scripts a Python package serves from its own folders, named in its code by file name
 * alone: deluge's plugins list their web UI scripts as `get_resource('autoadd.js')`, which
 * resolves below the plugin package's `data/` folder. A string literal that is a bare `.js` file
 * name (noted at extraction: FileFacts.scriptNames) is an edge to the one file of that name below
 * the naming module's top-level package folder, when there is exactly one; none, or several,
 * give nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths, pathsWithPrefix, sortedPaths } from '../../util/file-index.js';
import { basename } from '../../util/path.js';
import { topPackageFolder } from './python-files.js';

export const collectPackageScripts = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  /** Per package folder, its scripts by file name. */
  const scriptsBelow = new Map<string, Map<string, string[]>>();
  for (const file of sortedPaths(ctx.files)) {
    const names = file.endsWith('.py') ? ctx.facts(file)?.scriptNames : undefined;
    if (names === undefined) continue;
    const pkg = topPackageFolder(ctx.files, file);
    if (pkg === null) continue;
    let byName = scriptsBelow.get(pkg);
    if (byName === undefined) {
      byName = new Map();
      for (const f of pathsWithPrefix(ctx.files, `${pkg}/`)) {
        if (!f.endsWith('.js')) continue;
        const list = byName.get(basename(f));
        if (list === undefined) byName.set(basename(f), [f]);
        else list.push(f);
      }
      scriptsBelow.set(pkg, byName);
    }
    for (const { name, line } of names) {
      const found = byName.get(name);
      if (found === undefined || found.length !== 1) continue;
      out.references.push({ from: file, target: found[0], targetKind: 'file', line, label: `named in ${file}:${line} as "${name}", the one script of that name in its package ${pkg}/` });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'package-scripts',
  title: "browser scripts a Python package names by file name",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    // By index over the set's own order, as every walk of all paths asked once (file-index.ts listedPaths).
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (f.endsWith('.py') && ctx.facts(f)?.scriptNames !== undefined) return `${f} names a script by its file name`;
    }
    return null;
  },
  collect: collectPackageScripts,
};

export default reader;

/**
 * What a folder expression (folder-expr.ts) may refer to in a scan: the workspace packages by
 * their package.json name, and the settings an nconf config module's JSON files settle
 * (nconf-config.ts), and a folder held on an object and read elsewhere (`obj.parent.webPublicPath`:
 * property-folder.ts). Built once per scan and shared by the readers that follow folders.
 */
import type { FolderScope } from '../../languages/javascript/folder-expr.js';
import { nconfFolder } from './nconf-config.js';
import { propertyFolder } from './property-folder.js';
import { jsPackages } from './support.js';
import { perScan } from '../per-scan.js';

export const folderScopeOf = perScan((ctx): FolderScope => {
  const byName = new Map<string, string>();
  for (const p of jsPackages(ctx)) if (typeof p.json.name === 'string' && !byName.has(p.json.name)) byName.set(p.json.name, p.dir);
  const scope: FolderScope = {
    packageDir: (name) => byName.get(name) ?? null,
    setting: (expr, file, text) => (expr.includes('.get(') ? nconfFolder(ctx, file, text, expr) : propertyFolder(ctx, expr, scope)),
  };
  return scope;
});

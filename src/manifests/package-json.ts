/**
 * package.json as the stages read it: the object (or null when it is not a JSON object), its
 * string scripts, and whether a path is one. Parsed once through the store's strict JSON format,
 * whose diagnostic names the line where a broken manifest stops.
 */
import { isRecord, JSON_MANIFEST } from './json.js';
import type { Manifests } from './store.js';
import type { NameKeys } from '../util/file-index.js';

export const isPackageJson = (path: string): boolean => path === 'package.json' || path.endsWith('/package.json');

/** The name key every path isPackageJson accepts has (its stem), for `Manifests.all`. */
export const PACKAGE_JSON_NAME: NameKeys = { stems: ['package'] };

/** The manifest's top-level object; null when missing, not JSON, or not an object. */
export const packageJsonObject = (manifests: Manifests, path: string): Record<string, unknown> | null => {
  const value = manifests.get(path, JSON_MANIFEST)?.value;
  return isRecord(value) ? value : null;
};

/** The scripts of a package.json as name → command (a null-prototype object); empty when the file is not valid JSON. */
export const packageScripts = (manifests: Manifests, path: string): Record<string, string> => {
  const pkg = packageJsonObject(manifests, path);
  const scripts = pkg && isRecord(pkg.scripts) ? pkg.scripts : {};
  // No prototype: `scripts[name]` for `npm run constructor` must be undefined, not Object's member.
  const out: Record<string, string> = Object.create(null);
  for (const [name, body] of Object.entries(scripts)) if (typeof body === 'string') out[name] = body;
  return out;
};

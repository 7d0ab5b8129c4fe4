/**
 * A package.json's value as a JSON-with-comments reader sees it (build-output.ts, tsup-outputs.ts),
 * taken from the strict JSON parse the scan makes of every package.json (the package-json entry
 * detector, the workspaces, the import triage's environment) whenever that parse has one. Stop 65:
 * each of payload's 81 package.json files was also parsed as JSONC for the build output map, a
 * second JSON.parse and a scan for comments of each (about a third of createBuildOutputMap).
 */
import { JSON_MANIFEST, JSONC_MANIFEST } from '../../manifests/json.js';
import type { Manifests } from '../../manifests/store.js';

const BOM = 0xfeff;

/**
 * The same value JSONC_MANIFEST gives. Strict JSON holds no comment and no trailing comma, so the
 * JSONC reader parses its text unchanged, as the JSON reader does; a text the JSON reader refuses
 * (comments, trailing commas) is read as JSONC, and so is one that opens with a byte order mark,
 * which the JSON reader skips and the JSONC reader does not.
 */
export const packageJsonValue = (manifests: Manifests, path: string): unknown => {
  const text = manifests.text(path);
  if (text === null) return null;
  if (text.charCodeAt(0) !== BOM) {
    const doc = manifests.get(path, JSON_MANIFEST);
    if (doc !== null) return doc.value;
  }
  return manifests.get(path, JSONC_MANIFEST);
};

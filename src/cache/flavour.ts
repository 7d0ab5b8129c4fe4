/**
 * What a cached fact depends on besides its file's bytes: census's version, the extractor
 * version below, the options that change extraction, and the build of census itself. The last
 * one is a stamp of census's own compiled files (names, sizes, modification times): a change to
 * any extractor invalidates the cache even when nobody remembered to bump EXTRACTOR_VERSION,
 * which matters most while census is being developed. Two runs share cached facts only when all
 * of these agree.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { VERSION } from '../version.js';
import { fileURLToPath } from 'node:url';
import { joinAbsolute } from '../util/path.js';
import { BUILD_ROOT } from '../own-files.js';

/**
 * Bump when what extraction produces changes in a way the build stamp would not show. 2 (stop 44):
 * a code file over --max-file-size has facts, its imports read by a scan (extract/large-file-imports.ts);
 * facts packs and why snapshots (whose key holds this flavour) made before say it has none. 3 (stop 47):
 * such a file's facts also hold the declaration files it names beside itself (`declarationNames`).
 * 4 (stop 49): `import_module('.name', package)` resolves against a literal package and gives no
 * import for a package computed at run time (languages/python/calls.ts againstPackage). 5 (stop 49):
 * `__spec__.parent` is the own package, `__name__` only in an `__init__.py`, no package gives none.
 * 6 (stop 54): a Python import inside a def names it (`within`), for its evidence.
 */
export const EXTRACTOR_VERSION = 6;

let stamp: string | undefined;

/** A digest of census's own code files: every one below the running build's root (dist/src or dist/bundle). */
const buildStamp = (): string => {
  if (stamp !== undefined) return stamp;
  const sum = createHash('sha256');
  // Every run pays this (`census why` too): only code files are stat'ed; type declarations change with their .js.
  const walk = (dir: string, shown: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const { name } = entry;
      const abs = joinAbsolute(dir, name);
      if (entry.isDirectory()) {
        walk(abs, `${shown}${name}/`);
        continue;
      }
      if (!/\.(js|ts|mjs|cjs|json|wasm|node)$/.test(name) || name.endsWith('.d.ts')) continue;
      let st: fs.Stats;
      try {
        st = fs.statSync(abs);
      } catch {
        continue;
      }
      sum.update(`${shown}${name}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  walk(fileURLToPath(BUILD_ROOT), '');
  stamp = sum.digest('hex').slice(0, 16);
  return stamp;
};

/** The flavour of one scan's extraction: equal flavours produce equal facts from equal bytes. */
export const extractionFlavour = (extractionOptions: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify({ census: VERSION, extractor: EXTRACTOR_VERSION, build: buildStamp(), options: extractionOptions ?? null }))
    .digest('hex')
    .slice(0, 16);

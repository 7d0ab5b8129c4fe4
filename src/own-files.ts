/**
 * Where census's own files are, in whichever build is running. There are two, of one shape:
 * tsc's `dist/src/` (a file per module) and the esbuild bundle `dist/bundle/` that bin/census.js
 * runs (`scripts/bundle.mjs`: the entry points at the paths they have in dist/src, every shared
 * or lazily loaded chunk at its root). This module sits at the root of either: in dist/src it is
 * `own-files.js`, and in the bundle its code lands in a chunk at the root (the bundle script
 * fails the build otherwise). So its own folder is the build's root, and the package (docs/,
 * package.json) is two folders up. Every path census finds relative to its own code is here:
 * after bundling, `import.meta.url` names a chunk, not the module that was written.
 */

/** `dist/src/` or `dist/bundle/`: every code file of the running build is below it. */
export const BUILD_ROOT = new URL('./', import.meta.url);

/** The installed package's folder (bin/, dist/, docs/). */
const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** A file shipped with census, by its path in the package (`docs/audit.schema.json`). */
export const packageFileUrl = (relative: string): URL => new URL(relative, PACKAGE_ROOT);

/** The extraction pool's worker (`extract/worker.ts`): an entry point of both builds. */
export const EXTRACT_WORKER = new URL('extract/worker.js', BUILD_ROOT);

/** The duplicate-fingerprint thread (`extract/fingerprint-worker.ts`): an entry point of both builds. */
export const FINGERPRINT_WORKER = new URL('extract/fingerprint-worker.js', BUILD_ROOT);

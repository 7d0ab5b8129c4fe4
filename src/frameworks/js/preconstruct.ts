/**
 * Preconstruct builds a package from the entrypoints its package.json `preconstruct.entrypoints`
 * lists: globs relative to the package's `src/` folder (`["index.ts", "other.ts"]`, `"!*.test.ts"`
 * excluding), default `index.{js,jsx,ts,tsx}` (census's own `src/index` convention covers that).
 * A file outside `src/`, or not `.js`/`.jsx`/`.ts`/`.tsx`, is never one: @preconstruct/cli globs
 * with `src/` as its working folder and refuses the rest. Each entrypoint is a public entry of the
 * package (`pkg`, `pkg/other`) that package.json's `main`/`exports` reach only as built files in
 * `dist/`, which census cannot map back to the source: the entrypoints are production roots, the
 * evidence naming the package.json line. A glob that selects no file is a warning.
 */
import { isRecord, JSON_MANIFEST } from '../../manifests/json.js';
import { warning } from '../../util/diagnostics.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, globFiles, jsPackages, type JsPackage } from './support.js';

/** preconstruct refuses an entrypoint of any other extension. */
const SOURCE = /\.[jt]sx?$/;

/** Packages that configure their preconstruct entrypoints. */
const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => isRecord(p.json.preconstruct) && p.json.preconstruct.entrypoints !== undefined);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const config = isRecord(pkg.json.preconstruct) ? pkg.json.preconstruct : {};
  const globs = (Array.isArray(config.entrypoints) ? config.entrypoints : [config.entrypoints]).filter((g): g is string => typeof g === 'string');
  const line = ctx.manifests.get(pkg.manifest, JSON_MANIFEST)?.lineOf(['preconstruct', 'entrypoints']) ?? 1;
  const src = joinRepo(pkg.dir, 'src');
  if (globs.length === 0 || src === null) {
    out.diagnostics.push(warning('preconstruct/entrypoints', 'preconstruct.entrypoints names no glob, not read', pkg.manifest, line));
    return;
  }
  const negated = globs.filter((g) => g.startsWith('!'));
  for (const glob of globs.filter((g) => !g.startsWith('!'))) {
    const hits = globFiles(ctx, src, [glob, ...negated]).filter((h) => SOURCE.test(h.file) && !h.file.endsWith('.d.ts'));
    if (hits.length === 0) out.diagnostics.push(warning('preconstruct/no-match', `preconstruct.entrypoints "${glob}" matches no file under ${src}/`, pkg.manifest, line));
    for (const { file } of hits) {
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'production', line, evidence: `${pkg.manifest}:${line} preconstruct.entrypoints "${glob}" (relative to ${src}/): an entrypoint preconstruct builds for the package` });
    }
  }
};

const preconstruct: FrameworkReader = {
  id: 'preconstruct',
  title: 'Preconstruct (package.json preconstruct.entrypoints under src/)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = packages(ctx);
    return found.length === 0 ? null : `${found[0].manifest} has preconstruct.entrypoints${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}`;
  },
  collect: eachPackage(packages, collectPackage),
};

export default preconstruct;

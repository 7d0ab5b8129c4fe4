/**
 * n8n loads nodes by its package.json list, never by import. A node package (n8n-nodes-base, every
 * community `n8n-nodes-*` package) declares `"n8n": { "nodes": ["dist/nodes/Foo/Foo.node.js"],
 * "credentials": ["dist/credentials/FooApi.credentials.js"] }`, and n8n-core's package directory
 * loader (`PackageDirectoryLoader.loadAll`: `const { nodes, credentials } = this.packageJson.n8n`,
 * then `loadNodeFromFile`/`loadCredentialFromFile` requiring each path joined onto the package
 * folder) loads each one when the instance starts. Each listed file is a production root.
 *
 * A published package holds the listed `dist/` files themselves (package-output.ts keeps its dist/
 * because the list names it); a source checkout has them as build output that is not in the
 * census, so a listed path not in the scan is traced to its source through the build-output map
 * (tsconfig outDir/rootDir: `dist/nodes/Foo/Foo.node.js` ← `nodes/Foo/Foo.node.ts`). A listed
 * path that is neither is left alone (the package was not built, or the list is stale).
 */
import { isRecord, JSON_MANIFEST } from '../../manifests/json.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { jsPackages, listedOrSource, type JsPackage } from './support.js';

/** The lists of the `n8n` field whose files n8n loads. */
const SECTIONS = ['nodes', 'credentials'] as const;

const declared = (pkg: JsPackage): Record<string, unknown> | null => (isRecord(pkg.json.n8n) ? pkg.json.n8n : null);

const nodePackages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => SECTIONS.some((s) => Array.isArray(declared(p)?.[s])));

const n8nNodes: FrameworkReader = {
  id: 'n8n-nodes',
  title: 'n8n nodes and credentials (package.json "n8n" nodes and credentials lists)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = nodePackages(ctx)[0];
    return first ? `${first.manifest} declares "n8n" nodes or credentials` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of nodePackages(ctx)) {
      // The manifest document records each list item's line.
      const doc = ctx.manifests.get(pkg.manifest, JSON_MANIFEST);
      for (const section of SECTIONS) {
        const list = declared(pkg)?.[section];
        if (!Array.isArray(list)) continue;
        list.forEach((value: unknown, i) => {
          if (typeof value !== 'string' || value === '') return;
          const path = joinRepo(pkg.dir, value.replace(/^(?:\.\/)+/, ''));
          if (path === null) return;
          const listed = listedOrSource(ctx, path);
          if (listed === null) return;
          const { file: target, why } = listed;
          const line = doc?.lineOf(['n8n', section, i]);
          out.entries.push({ source: pkg.manifest, target, targetKind: 'file', kind: 'production', ...(line ? { line } : {}), evidence: `${pkg.manifest}${line ? `:${line}` : ''} "n8n" ${section} lists "${value}"${why} (loaded by n8n's package loader)` });
        });
      }
    }
    return out;
  },
};

export default n8nNodes;

/**
 * A package's own `#` imports whose target differs by the Node version that runs it: vite's
 * `"imports": { "#module-sync-enabled": { "module-sync": "./misc/true.js", "default":
 * "./misc/false.js" } }` gives `misc/true.js` on a Node that sets the `module-sync` condition
 * (22.10 and later) and `misc/false.js` on an older one. The resolver follows the target Node
 * picks under the conditions census resolves with (`node`, `import`/`require`, `default`); the
 * others a Node runtime picks were dead. So was chalk's `"#supports-color": { "node": …, "default":
 * "./source/vendor/supports-color/browser.js" }` fallback, which a runtime without `node` (a
 * browser bundle) takes.
 *
 * For each import of a `#` specifier (package-imports.ts matches the key as Node does), the key's
 * conditions are evaluated as each real runtime would: Node with the import's own condition
 * (`import`, or `require` for a require()), with and without `node-addons` and `module-sync`, and
 * one runtime without `node`, and a browser bundle (`browser`, which Vite's client build, webpack's web
 * target and esbuild's browser platform set: stop 62, SvelteKit's `#app/paths`). The target each picks (Node takes the
 * first matching key, and in an array the first valid item, never falling back on a missing
 * file), when it is not the one the resolver follows and is a repo file, is a reference from the
 * importing file, with the import's line and the conditions as evidence. A condition a tool adds
 * (`browser`, `development`, a custom one) is the resolver's (conditions.ts). Only packages whose
 * `imports` field has conditions are looked at.
 */
import { isRecord } from '../../manifests/json.js';
import { tsconfigIndexOf } from '../../languages/javascript/resolution/tsconfig.js';
import { packageJsonObject } from '../../manifests/package-json.js';
import { importsTargets } from '../../languages/javascript/resolution/package-imports.js';
import { dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { fileReference, jsCodeFiles, jsPackages } from './support.js';

/**
 * The runtimes whose pick is looked at, by the conditions they add to the import's own (`import` or
 * `require`). Plain Node (`node` and the import's own) is the resolver's (resolution/factories.ts).
 */
const RUNTIMES: readonly { conditions: readonly string[]; who: string }[] = [
  { conditions: ['node', 'node-addons'], who: 'which Node picks when addons are allowed' },
  { conditions: ['node', 'module-sync'], who: 'which a Node version that sets "module-sync" (22.10 and later) picks' },
  { conditions: ['node', 'module-sync', 'node-addons'], who: 'which a Node version that sets "module-sync" (22.10 and later) picks' },
  { conditions: [], who: 'which a runtime without the "node" condition (a browser bundle) picks' },
  // Vite's client build, webpack's web target and esbuild's browser platform all set "browser": SvelteKit's
  // `"#app/paths": { "browser": "./src/runtime/app/paths/client.js", "default": … }` is its client bundle's.
  { conditions: ['browser'], who: 'which a browser bundle (Vite\'s client build, webpack\'s web target, esbuild\'s browser platform: each sets "browser") picks' },
];

/** tsc's `module` settings under which a `.ts` file of a package without `"type": "module"` is emitted as CommonJS. */
const COMMONJS_MODULES = new Set(['commonjs', 'node16', 'node18', 'node20', 'nodenext']);

/**
 * Why a TypeScript file's `import` runs as a `require()`: tsc emits CommonJS for a `.cts` file, and
 * for a `.ts`/`.tsx` file of a package without `"type": "module"` under `module: commonjs` (or
 * node16/nodenext, which follow that field); null when it stays an import (an ES module, or a
 * setting census does not see).
 */
const compiledAsRequire = (ctx: FrameworkContext, file: string, json: Record<string, unknown> | null): string | null => {
  if (file.endsWith('.cts')) return 'a .cts file, which tsc emits as CommonJS';
  if (!/\.tsx?$/.test(file) || file.endsWith('.d.ts') || json?.type === 'module') return null;
  const config = ctx.manifests.nearest(dirname(file), 'tsconfig.json');
  const module = config === null ? null : tsconfigIndexOf(ctx.manifests).options(config).module;
  return module !== null && COMMONJS_MODULES.has(module) ? `compiled to CommonJS: ${config} sets module "${module}" and the package has no "type": "module"` : null;
};

/** Plain Node, for an import that runs as a require(): the resolver followed it as an import. */
const PLAIN_NODE = { conditions: ['node'], who: 'which Node picks' };

/** The target `imports` gives `specifier` under `active`, with the conditions on its way; null when none. */
const picked = (imports: unknown, specifier: string, active: ReadonlySet<string>) => {
  const match = importsTargets(imports, specifier, active);
  const target = match?.targets.find((t) => t.selected);
  return match === null || target === undefined ? null : { key: match.key, ...target };
};

interface ConditionLoad {
  from: string;
  line: number;
  target: string;
  why: string;
}

const conditionLoads = perScan((ctx: FrameworkContext): ConditionLoad[] => {
  const conditional = jsPackages(ctx).filter((p) => isRecord(p.json.imports) && Object.values(p.json.imports).some((v) => isRecord(v) || Array.isArray(v)));
  if (conditional.length === 0) return [];
  const dirs = new Set(conditional.map((p) => p.dir));
  const out: ConditionLoad[] = [];
  for (const file of jsCodeFiles(ctx)) {
    const imports = ctx.facts(file)?.imports;
    if (imports === undefined || !imports.some((i) => i.specifier.startsWith('#') && !i.typeOnly)) continue;
    const manifest = ctx.manifests.nearest(dirname(file), 'package.json');
    if (manifest === null || !dirs.has(dirname(manifest))) continue;
    const json = packageJsonObject(ctx.manifests, manifest);
    let asRequire: string | undefined;
    for (const i of imports) {
      // A type-only import loads nothing at run time (and resolves under the types condition).
      if (!i.specifier.startsWith('#') || i.typeOnly) continue;
      const compiled = i.syntax === 'require' || i.syntax === 'import-equals' ? null : (asRequire ??= compiledAsRequire(ctx, file, json) ?? '');
      const own = i.syntax === 'require' || i.syntax === 'import-equals' || compiled ? 'require' : 'import';
      const how = compiled ? ` (its import runs as require(): ${compiled})` : '';
      // What the resolver followed: the import's syntax decides its conditions there (resolve.ts).
      const resolved = picked(json?.imports, i.specifier, new Set(['node', compiled ? 'import' : own]))?.target;
      const seen = new Set<string>();
      for (const runtime of compiled ? [PLAIN_NODE, ...RUNTIMES] : RUNTIMES) {
        const t = picked(json?.imports, i.specifier, new Set([...runtime.conditions, own]));
        if (t === null || t.target === resolved || !t.target.startsWith('./')) continue;
        const target = joinRepo(dirname(manifest), t.target);
        if (target === null || !ctx.files.has(target) || target === file || seen.has(target)) continue;
        seen.add(target);
        const condition = t.conditions.length === 0 ? 'a plain target' : `the "${t.conditions.join('"."')}" condition`;
        out.push({ from: file, line: i.line, target, why: `${i.specifier} at ${file}:${i.line}: ${condition} of ${manifest} imports "${t.key}", ${runtime.who}${how}` });
      }
    }
  }
  return out;
});

const importConditions: FrameworkReader = {
  id: 'import-conditions',
  title: 'package.json `imports` targets other Node versions pick (`module-sync`)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = conditionLoads(ctx)[0];
    return first ? first.why : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const l of conditionLoads(ctx)) out.references.push(fileReference(l.from, l.target, l.line, l.why));
    return out;
  },
};

export default importConditions;

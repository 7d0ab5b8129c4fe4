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
 * For each import of a `#` specifier (package-imports.ts matches the key as Node does), every target
 * of the key that is a repo file and that only Node's own conditions lead to (`node`, `import`,
 * `require`, `module-sync`, `node-addons`, `default`), other than the one the resolver picks, is a
 * reference from the importing file, with the import's line and the condition as evidence. A
 * condition a tool adds (`browser`, `development`, a custom one) is the resolver's (conditions.ts).
 * Only packages whose `imports` field has conditions are looked at.
 */
import { isRecord } from '../../manifests/json.js';
import { packageJsonObject } from '../../manifests/package-json.js';
import { importsTargets } from '../../languages/javascript/resolution/package-imports.js';
import { dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { fileReference, jsCodeFiles, jsPackages } from './support.js';

/** The conditions Node itself sets (some only in some versions: `module-sync`). */
const NODE_CONDITIONS = new Set(['node', 'import', 'require', 'module-sync', 'node-addons', 'default']);
/** What census resolves a `#` import under (resolution/factories.ts: both syntaxes' conditions). */
const RESOLVED = new Set(['node', 'import', 'require']);

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
    if (imports === undefined || !imports.some((i) => i.specifier.startsWith('#'))) continue;
    const manifest = ctx.manifests.nearest(dirname(file), 'package.json');
    if (manifest === null || !dirs.has(dirname(manifest))) continue;
    const json = packageJsonObject(ctx.manifests, manifest);
    for (const i of imports) {
      if (!i.specifier.startsWith('#')) continue;
      const match = importsTargets(json?.imports, i.specifier, RESOLVED);
      if (match === null) continue;
      for (const t of match.targets) {
        if (t.selected || !t.target.startsWith('./') || !t.conditions.every((c) => NODE_CONDITIONS.has(c))) continue;
        const target = joinRepo(dirname(manifest), t.target);
        if (target === null || !ctx.files.has(target) || target === file) continue;
        const last = t.conditions[t.conditions.length - 1];
        const condition = t.conditions.length === 0 ? 'a fallback' : `the "${t.conditions.join('" → "')}" condition`;
        const who = last === undefined || last === 'default' ? 'which a runtime or bundler that sets none of the conditions before it picks' : 'which a Node version that sets it picks';
        out.push({ from: file, line: i.line, target, why: `${i.specifier} at ${file}:${i.line}: ${condition} of ${manifest} imports "${match.key}", ${who}` });
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

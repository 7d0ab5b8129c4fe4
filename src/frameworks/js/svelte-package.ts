/**
 * A Svelte library is published from what `svelte-package` writes: it compiles its input folder
 * (`src/lib`, or `-i`/`--input`) into its output folder (`dist`, or `-o`/`--output`), file for file
 * (`index.ts` → `index.js` and `index.d.ts`, `Button.svelte` → `Button.svelte`). The package.json
 * names the outputs (`"exports": { ".": { "svelte": "./dist/index.js" } }`, `"svelte"`, `"types"`),
 * which are not in the repo, so the library's own entry looked dead. For each package whose scripts
 * run svelte-package, every output path those fields name is mapped back to its source in the input
 * folder, which becomes a production root (what the package exports to its users).
 */
import { isRecord } from '../../manifests/json.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { jsPackages, toolInvocations, type JsPackage } from './support.js';

const FIELDS = ['exports', 'svelte', 'main', 'module', 'types'];
/** An output's extension and the source extensions it is compiled from, most likely first. */
const SOURCES: [RegExp, string[]][] = [
  [/\.d\.ts$/, ['.ts', '.js', '.svelte.ts', '.svelte.js']],
  [/\.svelte$/, ['.svelte']],
  [/\.js$/, ['.ts', '.js', '.svelte.ts', '.svelte.js']],
];

interface Run {
  pkg: JsPackage;
  input: string;
  output: string;
  evidence: string;
}

const flag = (args: string[], names: string[]): string | null => {
  for (let i = 0; i < args.length; i++) {
    const [name, value] = args[i].split('=', 2);
    if (names.includes(name)) return value ?? args[i + 1] ?? null;
  }
  return null;
};

const clean = (dir: string): string => dir.replace(/^\.\//, '').replace(/\/$/, '');

const runs = (ctx: FrameworkContext): Run[] => {
  const byDir = new Map(jsPackages(ctx).map((p) => [p.dir, p]));
  const out: Run[] = [];
  const seen = new Set<string>();
  for (const call of toolInvocations(ctx, ['svelte-package'])) {
    const pkg = byDir.get(call.cwd);
    if (!pkg || seen.has(pkg.dir)) continue;
    seen.add(pkg.dir);
    out.push({ pkg, input: clean(flag(call.args, ['-i', '--input']) ?? 'src/lib'), output: clean(flag(call.args, ['-o', '--output']) ?? 'dist'), evidence: call.evidence });
  }
  return out;
};

/** Every string a package.json field holds, with the path of keys to it (`exports "." svelte`). */
const targets = (value: unknown, at: string, out: { at: string; path: string }[]) => {
  if (typeof value === 'string') out.push({ at, path: value });
  else if (Array.isArray(value)) for (const v of value) targets(v, at, out);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) targets(v, `${at} ${JSON.stringify(k)}`, out);
};

const sourceOf = (ctx: FrameworkContext, run: Run, path: string): string | null => {
  const rel = clean(path);
  if (!rel.startsWith(`${run.output}/`)) return null;
  const inside = rel.slice(run.output.length + 1);
  for (const [ext, sources] of SOURCES) {
    if (!ext.test(inside)) continue;
    for (const source of sources) {
      const file = joinRepo(run.pkg.dir, run.input, inside.replace(ext, source));
      if (file !== null && ctx.files.has(file)) return file;
    }
    return null;
  }
  return null;
};

const collectRun = (ctx: FrameworkContext, run: Run, out: FrameworkOutput) => {
  const found: { at: string; path: string }[] = [];
  for (const field of FIELDS) targets(run.pkg.json[field], field, found);
  const done = new Set<string>();
  for (const t of found) {
    const file = sourceOf(ctx, run, t.path);
    if (file === null || done.has(file)) continue;
    done.add(file);
    out.entries.push({ source: run.pkg.manifest, target: file, targetKind: 'file', kind: 'production', evidence: `${run.pkg.manifest} ${t.at} "${t.path}", which svelte-package builds from ${file} (${run.evidence})` });
  }
};

const sveltePackage: FrameworkReader = {
  id: 'svelte-package',
  title: "svelte-package (a Svelte library's published entries, mapped back to src/lib)",
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = runs(ctx)[0];
    return first ? `svelte-package run by ${first.evidence}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const run of runs(ctx)) collectRun(ctx, run, out);
    return out;
  },
};

export default sveltePackage;

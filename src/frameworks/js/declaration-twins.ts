/**
 * A `.d.ts` beside the `.js` it describes: `plugin/timezone.d.ts` next to `plugin/timezone.js`
 * (`.d.mts`/`.mjs`, `.d.cts`/`.cjs`). TypeScript resolves an import of `./plugin/timezone` to the
 * declaration file for its types while Node loads the `.js`, so the two are one module: a vendored
 * copy of a library with its typings (uptime-kuma's dayjs timezone plugin), or a hand-written
 * module typed for its TypeScript users. Nothing imports the `.d.ts` by its own name, and it looked
 * dead whenever no tsconfig took it in. Each is referenced from its twin, so it carries the
 * verdict of the code it types — dead with it, too.
 *
 * A package's root `index.d.ts` types its `main` the same way when package.json names no `types`,
 * `typings` or `exports`: TypeScript looks for the main's own declaration (`lib/index.d.ts` for
 * `"main": "./lib"`) and, finding none, falls back to the package folder's `index.d.ts` (Strapi v3
 * ships `main: ./lib` and a root index.d.ts). It is referenced from the main's file.
 *
 * A package may keep its declarations in a folder of their own that mirrors the code's
 * (tsc's `declarationDir`): webpack-dev-server's `"types": "types/lib/Server.d.ts"` for
 * `"main": "lib/Server.js"` says `types/` mirrors the package folder, so `types/lib/getPort.d.ts`
 * types `lib/getPort.js` and `types/bin/cli-flags.d.ts` types `bin/cli-flags.js`. Each is referenced
 * from its twin at the mirrored path, as one beside it is. A package with no main to pair says the
 * same in `exports`: svgo 4's `".": { "import": "./lib/svgo-node.js", "types":
 * "./types/lib/svgo-node.d.ts" }` makes `types/` mirror the package folder (exportsMirror).
 */
import { pathsWithPrefix, pathsNamedLike } from '../../util/file-index.js';
import { joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { fileReference, jsPackages, type JsPackage } from './support.js';

export const DECLARATION = /\.d\.([cm]?)ts$/;
/** The extensions of every name DECLARATION matches (file-index's pathsNamedLike). */
export const DECLARATION_EXTENSIONS = { extensions: ['ts', 'cts', 'mts'] };

/**
 * A Vue single-file component's declaration beside it, as vue-tsc writes one: `x.vue.d.ts`, or
 * `x.d.vue.ts` (the arbitrary-extension form of vue-tsc 2.1+; Nuxt 4 ships both for its
 * `dist/app/components/*.vue`). TypeScript reads it for every import of `x.vue`.
 */
const VUE_DECLARATION = /\.(?:vue\.d|d\.vue)\.ts$/;
const vueTwinOf = (declaration: string): string => declaration.replace(VUE_DECLARATION, '.vue');

/** The code file a declaration types beside it: `x.d.ts` → `x.js`. */
export const twinOf = (declaration: string): string => declaration.replace(DECLARATION, '.$1js');

/** The file Node loads for a main (as written, X.js, X/index.js; index.js without one), and the declarations TypeScript tries for it first. */
const mainCandidates = (main: string): { code: string[]; declarations: string[] } => {
  const rel = joinRepo(main) ?? '';
  if (rel === '') return { code: ['index.js'], declarations: [] };
  const stem = rel.replace(/\.[cm]?js$/, '');
  return { code: [rel, `${rel}.js`, `${rel}/index.js`], declarations: [`${stem}.d.ts`, `${rel}.d.ts`, `${rel}/index.d.ts`] };
};

/** Each package's root index.d.ts that TypeScript reads for want of any other, with the main file it types. */
const rootDeclarations = (ctx: FrameworkContext): { declaration: string; main: string; manifest: string }[] =>
  jsPackages(ctx).flatMap((pkg) => {
    if (['types', 'typings', 'exports'].some((field) => pkg.json[field] !== undefined)) return [];
    const inPackage = (p: string): string => joinRepo(pkg.dir, p) ?? p;
    const declaration = inPackage('index.d.ts');
    if (!ctx.files.has(declaration)) return [];
    const { code, declarations } = mainCandidates(typeof pkg.json.main === 'string' ? pkg.json.main : '');
    if (declarations.some((d) => d !== 'index.d.ts' && ctx.files.has(inPackage(d)))) return [];
    const main = code.map(inPackage).find((c) => c !== declaration.replace(/\.d\.ts$/, '.js') && ctx.files.has(c) && /\.[cm]?jsx?$/.test(c));
    return main === undefined ? [] : [{ declaration, main, manifest: pkg.manifest }];
  });

/** A path's folders and name without its code or declaration extension: `types/lib/Server.d.ts` → types, lib, Server. */
const stemSegments = (path: string): string[] => path.replace(/\.d\.[cm]?ts$|\.[cm]?js$/, '').split('/');

/**
 * The folder a package's `types` (or `typings`) file sits in that mirrors the folder of its `main`:
 * the two paths less the longest tail of folders and name they share (`types/lib/Server.d.ts` and
 * `lib/Server.js` share `lib/Server`: `types/` mirrors the package folder). None when they sit in
 * one folder (twins beside each other) or share no name; a mirror at the package's own folder would
 * claim every declaration in the package, so the declarations' side must be a folder.
 */
const mirrorOf = (ctx: FrameworkContext, pkg: JsPackage): { declarations: string; code: string; types: string } | null =>
  mainMirror(ctx, pkg) ?? exportsMirror(ctx, pkg);

const mainMirror = (ctx: FrameworkContext, pkg: JsPackage): { declarations: string; code: string; types: string } | null => {
  const types = typeof pkg.json.types === 'string' ? pkg.json.types : typeof pkg.json.typings === 'string' ? pkg.json.typings : null;
  const inPackage = (p: string): string => joinRepo(pkg.dir, p) ?? p;
  const main = mainCandidates(typeof pkg.json.main === 'string' ? pkg.json.main : '').code.map(inPackage).find((c) => ctx.files.has(c) && /\.[cm]?js$/.test(c));
  if (main === undefined) return null;
  const typesPath = types !== null && DECLARATION.test(types) ? joinRepo(pkg.dir, types) : null;
  // A `types` the package does not ship types nothing: TypeScript finds no declarations through it.
  // The package may still publish its declarations' folder by name (publishedDeclarations).
  const shipped = typesPath !== null && ctx.files.has(typesPath) ? { path: typesPath, why: `${pkg.manifest} "types": "${types}"` } : publishedDeclarations(ctx, pkg, main, types);
  if (shipped === null) return null;
  return mirrorBetween(pkg, shipped.path, main, `${shipped.why} for "main" ${main}`);
};

/**
 * A folder of declarations only that package.json `files` publishes (`"files": ["lib", "types"]`)
 * and that mirrors the main's folder: `types/index.d.ts` for `"main": "lib/index.js"` (or
 * `types/lib/index.d.ts`). That is where the package's build put its declarations (tsc's
 * `declarationDir`) and what it ships them in, though its `types` names a file it does not ship
 * (`"types": "lib/index.d.ts"` in @vuepress/shared-utils) or is absent. The declaration that
 * mirrors the main, with the evidence; null when no published folder is such a mirror.
 */
const publishedDeclarations = (ctx: FrameworkContext, pkg: JsPackage, main: string, types: string | null): { path: string; why: string } | null => {
  if (!Array.isArray(pkg.json.files)) return null;
  const mainRel = pkg.dir === '' ? main : main.slice(pkg.dir.length + 1);
  const mainStem = mainRel.replace(/\.[cm]?js$/, '');
  const mainName = mainStem.split('/').pop() ?? mainStem;
  for (const entry of pkg.json.files) {
    if (typeof entry !== 'string' || entry.startsWith('!') || /[*?{[]/.test(entry)) continue;
    const folder = joinRepo(pkg.dir, entry.replace(/^\.\//, '').replace(/\/+$/, ''));
    if (folder === null || folder === pkg.dir || main.startsWith(`${folder}/`)) continue;
    const inside = pathsWithPrefix(ctx.files, `${folder}/`);
    if (inside.length === 0 || !inside.every((f) => DECLARATION.test(f))) continue;
    const found = [`${folder}/${mainStem}.d.ts`, `${folder}/${mainName}.d.ts`].find((c) => ctx.files.has(c));
    if (found === undefined) continue;
    const missing = types === null ? 'which names no "types"' : `whose "types": "${types}" is not in the package`;
    return { path: found, why: `${pkg.manifest} "files" publishes ${entry}, a folder of declarations only, ${missing}` };
  }
  return null;
};

/** The conditions under which an `exports` entry names the code Node loads, beside its `types`. */
const CODE_CONDITIONS = ['import', 'require', 'node', 'default'];

/**
 * The mirror an `exports` entry gives when package.json has no main to pair with its types (svgo 4:
 * `".": { "import": "./lib/svgo-node.js", "types": "./types/lib/svgo-node.d.ts" }`): one condition
 * object holding both a shipped `types` declaration and a shipped code file, the objects taken in
 * the order written as far as four deep, and within one object its code under `import`, then
 * `require`, `node`, `default`. The first pair whose paths share a tail decides; an entry
 * whose types and code share no name (`"./browser"`'s dist bundle) gives none, nor does a types
 * file beside its code.
 */
const exportsMirror = (ctx: FrameworkContext, pkg: JsPackage): { declarations: string; code: string; types: string } | null => {
  const pairs: { types: string; code: string; where: string }[] = [];
  const walk = (value: unknown, where: string[], depth: number): void => {
    if (depth > 4 || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const entry = value as Record<string, unknown>;
    const types = entry.types;
    if (typeof types === 'string' && DECLARATION.test(types)) {
      for (const condition of CODE_CONDITIONS) {
        const code = entry[condition];
        if (typeof code === 'string' && /\.[cm]?js$/.test(code)) pairs.push({ types, code, where: [...where, `"${condition}"`].join(' ') });
      }
    }
    for (const [key, inner] of Object.entries(entry)) walk(inner, [...where, `"${key}"`], depth + 1);
  };
  walk(pkg.json.exports, [], 0);
  for (const pair of pairs) {
    const typesPath = joinRepo(pkg.dir, pair.types);
    const codePath = joinRepo(pkg.dir, pair.code);
    if (typesPath === null || codePath === null || !ctx.files.has(typesPath) || !ctx.files.has(codePath)) continue;
    const mirror = mirrorBetween(pkg, typesPath, codePath, `${pkg.manifest} exports ${pair.where} "${pair.code}" with "types": "${pair.types}"`);
    if (mirror !== null) return mirror;
  }
  return null;
};

/** The mirror between a declaration and the code file it types, at the end of their paths. */
const mirrorBetween = (pkg: JsPackage, typesPath: string, main: string, why: string): { declarations: string; code: string; types: string } | null => {
  const a = stemSegments(typesPath);
  const b = stemSegments(main);
  let shared = 0;
  while (shared < a.length && shared < b.length && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
  if (shared === 0) return null;
  const declarations = a.slice(0, a.length - shared).join('/');
  const code = b.slice(0, b.length - shared).join('/');
  if (declarations === code || declarations === pkg.dir) return null;
  return { declarations, code, types: why };
};

/** Each declaration in a package's mirror folder with the code file at the mirrored path (once per scan: enabledBy and collect both ask). */
const mirroredTwins = perScan((ctx: FrameworkContext): { declaration: string; twin: string; why: string }[] => {
  const out: { declaration: string; twin: string; why: string }[] = [];
  for (const pkg of jsPackages(ctx)) {
    const mirror = mirrorOf(ctx, pkg);
    if (mirror === null) continue;
    const prefix = `${mirror.declarations}/`;
    for (const f of pathsWithPrefix(ctx.files, prefix)) {
      if (!DECLARATION.test(f) || f.includes('node_modules/')) continue;
      const rest = twinOf(f.slice(prefix.length));
      const twin = mirror.code === '' ? rest : `${mirror.code}/${rest}`;
      if (ctx.files.has(twin)) out.push({ declaration: f, twin, why: mirror.types });
    }
  }
  return out;
});

const declarationTwins: FrameworkReader = {
  id: 'declaration-twins',
  title: 'Declaration files beside the JavaScript they type (x.d.ts next to x.js)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    for (const f of pathsNamedLike(ctx.files, DECLARATION_EXTENSIONS, 'sorted')) {
      if (DECLARATION.test(f) && ctx.files.has(twinOf(f))) return `${f} types ${twinOf(f)}`;
      if (VUE_DECLARATION.test(f) && ctx.files.has(vueTwinOf(f))) return `${f} types ${vueTwinOf(f)}`;
    }
    const root = rootDeclarations(ctx)[0];
    if (root) return `${root.declaration} types ${root.main}, the main of ${root.manifest}`;
    const mirrored = mirroredTwins(ctx)[0];
    return mirrored ? `${mirrored.declaration} types ${mirrored.twin} (${mirrored.why})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const f of pathsNamedLike(ctx.files, DECLARATION_EXTENSIONS, 'sorted')) {
      if (f.includes('node_modules/')) continue;
      // `x.vue.d.ts` is a declaration of `x.vue.js` when that is there, else of `x.vue`.
      const twin = DECLARATION.test(f) && ctx.files.has(twinOf(f)) ? twinOf(f) : VUE_DECLARATION.test(f) ? vueTwinOf(f) : null;
      if (twin !== null && twin !== f && ctx.files.has(twin)) out.references.push(fileReference(twin, f, undefined, `${twin}, the module it declares the types of, beside it (TypeScript reads it for every import of that module)`));
    }
    for (const { declaration, twin, why } of mirroredTwins(ctx)) {
      out.references.push(fileReference(twin, declaration, undefined, `${twin}, the module it declares the types of, at the same path in the declarations' own folder (${why})`));
    }
    for (const { declaration, main, manifest } of rootDeclarations(ctx)) {
      out.references.push(fileReference(main, declaration, undefined, `${main}, the main of ${manifest}, which names no "types": TypeScript reads the package's index.d.ts for it`));
    }
    return out;
  },
};

export default declarationTwins;

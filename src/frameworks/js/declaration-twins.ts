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
 */
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { fileReference, jsPackages, sortedFiles } from './support.js';

const DECLARATION = /\.d\.([cm]?)ts$/;

const twinOf = (declaration: string): string => declaration.replace(DECLARATION, '.$1js');

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

const declarationTwins: FrameworkReader = {
  id: 'declaration-twins',
  title: 'Declaration files beside the JavaScript they type (x.d.ts next to x.js)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    for (const f of sortedFiles(ctx)) if (DECLARATION.test(f) && ctx.files.has(twinOf(f))) return `${f} types ${twinOf(f)}`;
    const root = rootDeclarations(ctx)[0];
    return root ? `${root.declaration} types ${root.main}, the main of ${root.manifest}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const f of sortedFiles(ctx)) {
      if (!DECLARATION.test(f) || f.includes('node_modules/')) continue;
      const twin = twinOf(f);
      if (ctx.files.has(twin)) out.references.push(fileReference(twin, f, undefined, `${twin}, the module it declares the types of, beside it (TypeScript reads it for every import of that module)`));
    }
    for (const { declaration, main, manifest } of rootDeclarations(ctx)) {
      out.references.push(fileReference(main, declaration, undefined, `${main}, the main of ${manifest}, which names no "types": TypeScript reads the package's index.d.ts for it`));
    }
    return out;
  },
};

export default declarationTwins;

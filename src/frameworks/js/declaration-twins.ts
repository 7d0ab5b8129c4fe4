/**
 * A `.d.ts` beside the `.js` it describes: `plugin/timezone.d.ts` next to `plugin/timezone.js`
 * (`.d.mts`/`.mjs`, `.d.cts`/`.cjs`). TypeScript resolves an import of `./plugin/timezone` to the
 * declaration file for its types while Node loads the `.js`, so the two are one module: a vendored
 * copy of a library with its typings (uptime-kuma's dayjs timezone plugin), or a hand-written
 * module typed for its TypeScript users. Nothing imports the `.d.ts` by its own name, and it looked
 * dead whenever no tsconfig took it in. Each is referenced from its twin, so it carries the
 * verdict of the code it types — dead with it, too.
 */
import { emptyFrameworkOutput, type FrameworkReader } from '../types.js';
import { fileReference, sortedFiles } from './support.js';

const DECLARATION = /\.d\.([cm]?)ts$/;

const twinOf = (declaration: string): string => declaration.replace(DECLARATION, '.$1js');

const declarationTwins: FrameworkReader = {
  id: 'declaration-twins',
  title: 'Declaration files beside the JavaScript they type (x.d.ts next to x.js)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    for (const f of sortedFiles(ctx)) if (DECLARATION.test(f) && ctx.files.has(twinOf(f))) return `${f} types ${twinOf(f)}`;
    return null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const f of sortedFiles(ctx)) {
      if (!DECLARATION.test(f) || f.includes('node_modules/')) continue;
      const twin = twinOf(f);
      if (ctx.files.has(twin)) out.references.push(fileReference(twin, f, undefined, `${twin}, the module it declares the types of, beside it (TypeScript reads it for every import of that module)`));
    }
    return out;
  },
};

export default declarationTwins;

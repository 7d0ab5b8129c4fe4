/**
 * TypeScript never loads a file of an extension it does not know (`./ExampleQuery.graphql`,
 * `./Button.module.css`): for such an import it reads a declaration beside it instead, trying
 * `<stem>.d.<ext>.ts` (TypeScript 5's form, allowed without an error under allowArbitraryExtensions)
 * and then the name with a TypeScript extension added: `<name>.ts`, `<name>.tsx`, `<name>.d.ts`
 * (what GraphQL and CSS-module code generators write). The bundler still loads the file itself, so
 * the import reaches both: the file, and the declaration TypeScript reads for it, whose own imports
 * are then followed as any module's.
 */
import { basename, dirname, extname } from '../../../util/path.js';

/** Extensions TypeScript loads itself (with resolveJsonModule for .json): no declaration stands in for them. */
const LOADED_BY_TYPESCRIPT = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json']);

/** The declaration files TypeScript tries for `file`, in its order; none for a file it loads itself. */
export const declarationCandidates = (file: string): string[] => {
  const ext = extname(file).toLowerCase();
  if (ext === '' || LOADED_BY_TYPESCRIPT.has(ext)) return [];
  const dir = dirname(file);
  const name = basename(file);
  const stem = name.slice(0, name.length - ext.length);
  const arbitrary = `${dir === '' ? '' : `${dir}/`}${stem}.d${extname(file)}.ts`;
  return [arbitrary, `${file}.ts`, `${file}.tsx`, `${file}.d.ts`];
};

/** The declaration TypeScript reads for an imported non-TypeScript repo file, if one is there. */
export const declarationBeside = (file: string, has: (path: string) => boolean): string | null => declarationCandidates(file).find(has) ?? null;

/**
 * GraphQL schema types named by string, which graphene and strawberry import when the schema is
 * built: graphene takes a dotted path wherever a type goes (`graphene.Field("app.types.User")`,
 * `NonNullList("pkg.unions.ReferenceType")`, `lazy_import("pkg.types.User")`), strawberry
 * `strawberry.lazy("pkg.types")`. In a file that imports either library, a literal whose last
 * segment is a type name (`a.b.ClassName`), or any dotted literal inside `lazy_import(`/`lazy(`,
 * that names a repo module is an edge from the file, labelled with its line.
 */
import { listedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { importsPackage, packageImporters, somePackageImporter } from './python-files.js';

/** importsGraphqlLibrary of any import: a first dotted part that is graphene or strawberry, which the scan's index of imports by that part answers (issue 19). */
const importsGraphql = (ctx: FrameworkContext, path: string): boolean => path.endsWith('.py') && (importsPackage(ctx, path, 'graphene') || importsPackage(ctx, path, 'strawberry'));
const GRAPHQL = ['graphene', 'strawberry'];

/** The strings were noted at extraction (languages/python/type-paths.ts): the file is not read again. */
const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const path of packageImporters(ctx, GRAPHQL, 'sorted')) {
    const typePaths = ctx.facts(path)?.typePaths ?? [];
    const seen = new Set<string>();
    const add = (value: string, line: number, how: string) => {
      const key = `${line}\0${value}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.references.push({ from: path, target: value, targetKind: 'module-attr', line, label: `named in ${path}:${line} as "${value}" (${how})` });
    };
    for (const t of typePaths) {
      if (!t.lazy) continue;
      const value = t.value.replace(':', '.');
      if (value.includes('.') && isDottedName(value)) add(value, t.line, 'a lazy type import');
    }
    for (const t of typePaths) if (!t.lazy) add(t.value, t.line, 'a type named by its import path');
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'graphql-lazy-types',
  title: 'graphene and strawberry types named by their import path',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    // The first listed importer names the reason; none at all is known from the index without walking the files.
    if (!somePackageImporter(ctx, GRAPHQL)) return null;
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const path = listed[at];
      if (importsGraphql(ctx, path)) return `${path} imports graphene or strawberry`;
    }
    return null;
  },
  collect,
};

export default reader;

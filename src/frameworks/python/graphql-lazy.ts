/**
 * GraphQL schema types named by string, which graphene and strawberry import when the schema is
 * built: graphene takes a dotted path wherever a type goes (`graphene.Field("app.types.User")`,
 * `NonNullList("pkg.unions.ReferenceType")`, `lazy_import("pkg.types.User")`), strawberry
 * `strawberry.lazy("pkg.types")`. In a file that imports either library, a literal whose last
 * segment is a type name (`a.b.ClassName`), or any dotted literal inside `lazy_import(`/`lazy(`,
 * that names a repo module is an edge from the file, labelled with its line.
 */
import { sortedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { lineAt } from '../../util/lines.js';

const LIBRARIES = ['graphene', 'strawberry'];
/** `a.b.User`: a module path ending in a CapWords name, as a type reference is written. */
const TYPE_PATH = /^[a-z_][\w]*(?:\.[a-z_][\w]*)*\.[A-Z][A-Za-z0-9_]*$/;
const LAZY_CALL = /\blazy(?:_import)?\(\s*(['"])([\w.:]+)\1/g;

const importsGraphql = (ctx: FrameworkContext, path: string): boolean =>
  path.endsWith('.py') && (ctx.facts(path)?.imports.some((i) => LIBRARIES.some((l) => i.specifier === l || i.specifier.startsWith(`${l}.`))) ?? false);

const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const path of sortedPaths(ctx.files)) {
    if (!importsGraphql(ctx, path)) continue;
    const text = ctx.manifests.transientText(path);
    if (text === null) continue;
    const seen = new Set<string>();
    const add = (value: string, line: number, how: string) => {
      const key = `${line}\0${value}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.references.push({ from: path, target: value, targetKind: 'module-attr', line, label: `named in ${path}:${line} as "${value}" (${how})` });
    };
    for (const m of text.matchAll(LAZY_CALL)) {
      const value = m[2].replace(':', '.');
      if (value.includes('.') && isDottedName(value)) add(value, lineAt(text, m.index), 'a lazy type import');
    }
    // Most files hold no such string: test the text before tokenizing it again.
    if (!/(['"])[a-z_][\w.]*\.[A-Z]\w*\1/.test(text)) continue;
    for (const s of settingStrings(text)) if (TYPE_PATH.test(s.value)) add(s.value, s.line, 'a type named by its import path');
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'graphql-lazy-types',
  title: 'graphene and strawberry types named by their import path',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (const path of ctx.files) if (importsGraphql(ctx, path)) return `${path} imports graphene or strawberry`;
    return null;
  },
  collect,
};

export default reader;

/**
 * The GraphQL type paths the Python extractor notes (type-paths.ts), held to the reading the
 * graphql-lazy reader did before on the file's text: a `lazy(`/`lazy_import(` pattern over the
 * text, then every plain string literal from a second tokenize tested against TYPE_PATH. On code
 * (not comments) the two agree; the property test builds files from pieces that exercise
 * quotes, prefixes, escapes, triple quotes, spacing and the lazy calls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pythonExtractor } from '../../src/languages/python/extract.js';
import { TYPE_PATH } from '../../src/languages/python/type-paths.js';
import { settingStrings } from '../../src/frameworks/python/setting-strings.js';
import { lineAt } from '../../src/util/lines.js';

const LAZY_CALL = /\blazy(?:_import)?\(\s*(['"])([\w.:]+)\1/g;

/** What the reader computed from the text before. */
const fromText = (text: string): { value: string; line: number; lazy?: true }[] => [
  ...[...text.matchAll(LAZY_CALL)].map((m) => ({ value: m[2], line: lineAt(text, m.index), lazy: true as const })),
  ...settingStrings(text).filter((s) => TYPE_PATH.test(s.value)).map((s) => ({ value: s.value, line: s.line })),
];

const noted = (text: string) => {
  const paths = pythonExtractor.extract('schema.py', text).typePaths ?? [];
  return [...paths.filter((p) => p.lazy), ...paths.filter((p) => !p.lazy)];
};

test('type paths: dotted class paths and lazy arguments, with their lines', () => {
  const text = [
    'import graphene',
    'from strawberry import lazy',
    'user = graphene.Field("app.types.User")',
    "items = NonNullList('pkg.unions.ReferenceType', description='app.not.a_type')",
    'other = lazy_import(',
    '    "pkg.types:Other")',
    'later = lazy("pkg.types")',
    'spaced = lazy ("pkg.spaced.Type")',
    'raw = graphene.Field(r"app.types.Raw")',
    'escaped = graphene.Field("app.types.\\x55ser")',
    'doc = """app.types.Triple"""',
    'f = f"app.types.{x}"',
    'b = b"app.types.Bytes"',
    'upper = "App.types.User"',
    'bare = "User"',
  ].join('\n');
  assert.deepEqual(noted(text), [
    { value: 'pkg.types:Other', line: 5, lazy: true },
    { value: 'pkg.types', line: 7, lazy: true },
    { value: 'app.types.User', line: 3 },
    { value: 'pkg.unions.ReferenceType', line: 4 },
    { value: 'pkg.spaced.Type', line: 8 },
    { value: 'app.types.Raw', line: 9 },
    { value: 'app.types.User', line: 10 },
    { value: 'app.types.Triple', line: 11 },
  ]);
  assert.deepEqual(noted(text), fromText(text));
});

test('type paths: the same as the text reading on generated code', () => {
  const seed = Date.now() % 100000;
  console.log(`python type paths property seed ${seed}`);
  const word = fc.constantFrom('app', 'types', 'User', 'x1', '_p', 'Q', 'lazy', 'lazy_import', 'graphene');
  const dotted = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('.'));
  const literal = fc.tuple(fc.constantFrom('', 'r', 'u', 'R', 'f', 'b'), fc.constantFrom('"', "'", '"""'), dotted, fc.constantFrom('', ':Attr', '\\x2eUser', '\\\n', ' ')).map(
    ([prefix, q, body, tail]) => `${prefix}${q}${body}${tail}${q}`,
  );
  const piece = fc.oneof(literal, fc.constantFrom('lazy(', 'lazy_import(', 'lazy (', 'x.lazy(', ')', ', ', '\n', '\n    ', ' = ', 'Field(', '(', 'y'));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
      const text = `import graphene\n${pieces.join('')}\n`;
      assert.deepEqual(noted(text), fromText(text));
    }),
    { seed, numRuns: 400 },
  );
});

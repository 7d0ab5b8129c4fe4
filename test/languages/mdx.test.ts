/**
 * MDX pages: their top-level import/export statements are the page's JavaScript module, so what
 * they import is used by the page (at the statement's real line), while a fenced example or a
 * string inside a JSX attribute that happens to start a line with `import` is not code. The page
 * stays documentation with no verdict; what loads it (a Storybook docs story) gives its imports
 * their kind, and a page nothing loads documents what it imports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Step } from '../../src/apply/check-repo.js';
import { pathMap, planReferenceEdits } from '../../src/apply/references.js';
import { languageRecord } from '../../src/languages/registry.js';
import { findMdxEsm } from '../../src/languages/mdx/esm.js';
import * as mdxEsm from '../../src/languages/mdx/esm.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { schemaErrors } from '../helpers/schema.js';

const statements = (text: string): string[] => findMdxEsm(text).map((b) => text.slice(b.start, b.end));
const imports = (text: string): [string, number][] =>
  languageRecord('mdx')!.extractor!.extract('page.mdx', text).imports.map((i) => [i.specifier, i.line]);

test('top-level statements run to the blank line where their brackets close', () => {
  const text = [
    "import a from './a'",
    "import { b,",
    "  c } from './bc'",
    '',
    'export const d = () => {',
    '',
    '  return 1',
    '}',
    '',
    '# Title',
  ].join('\n');
  assert.deepEqual(statements(text), ["import a from './a'\nimport { b,\n  c } from './bc'", 'export const d = () => {\n\n  return 1\n}']);
  assert.deepEqual(imports(text), [['./a', 1], ['./bc', 2]]);
});

test('fences, frontmatter, indented lines, open expressions and words like `imported` are not statements', () => {
  const text = [
    '---',
    "import: './front'",
    '---',
    '```js',
    "import x from './fenced'",
    '```',
    '',
    '<Demo code={`',
    '',
    "import y from './in-a-template'",
    '`} />',
    '',
    "  import z from './indented'",
    '',
    'imported things are prose',
    '',
    'Braces in `code {` and \\{ are text.',
    '',
    "import w from './real'",
  ].join('\n');
  assert.deepEqual(imports(text), [['./real', 19]]);
});

test('an MDX page without statements is read as Markdown only', () => {
  const facts = languageRecord('mdx')!.extractor!.extract('page.mdx', '# Setup\n\nRun `npm run build` first.\n');
  assert.deepEqual(facts.imports, []);
  assert.deepEqual(facts.commands.map((c) => c.command), ['npm run build']);
});

test('mdx fixture: a story page makes its import tooling, an unloaded page documents its import, examples stay dead', async () => {
  const { audit } = await scanDir(fixturePath('javascript', 'mdx-pages'));
  assert.deepEqual(schemaErrors(audit), []);
  const verdicts = Object.fromEntries(audit.files.filter((f) => f.verdict).map((f) => [f.path, f.verdict]));
  assert.deepEqual(verdicts, {
    '.storybook/main.js': 'tooling',
    'lib/terms.ts': 'documented',
    'src/badge.ts': 'tooling',
    'src/quoted-in-a-prop.ts': 'dead',
    'src/shown-in-a-fence.ts': 'dead',
  });
  assert.deepEqual(audit.files.filter((f) => f.path.endsWith('.mdx')).map((f) => [f.path, f.language, f.verdict]), [
    ['docs/glossary.mdx', 'mdx', undefined],
    ['src/welcome.mdx', 'mdx', undefined],
  ]);
  const badge = audit.files.find((f) => f.path === 'src/badge.ts')!.evidence!;
  assert.ok(badge[0].includes('src/welcome.mdx is an entry point: story in .storybook/main.js:2'), badge.join(' | '));
  assert.equal(badge[1], 'src/badge.ts is imported by src/welcome.mdx:5 (as badgeText, badgeColour)');
  assert.equal(audit.files.find((f) => f.path === 'lib/terms.ts')!.evidence![0], 'lib/terms.ts is imported by docs/glossary.mdx:1 (as termList)');
  // Moving the imported file rewrites the page's import as a JS file's would be.
  const root = fixturePath('javascript', 'mdx-pages');
  const move = { path: 'lib/terms.ts', action: 'move', to: 'src/terms.ts' } as Step;
  const plan = planReferenceEdits(audit, pathMap([move]), (p) => readFileSync(join(root, p)));
  assert.deepEqual(plan.problems, []);
  const page = plan.files.find((f) => f.file === 'docs/glossary.mdx')!;
  assert.deepEqual(page.edits.map((e) => [e.line, e.before, e.after]), [[1, "import { termList } from '../lib/terms';", "import { termList } from '../src/terms';"]]);
});

test('the warm-up reading gives what findMdxEsm gives, and characters past Latin-1 read as before', () => {
  const { findMdxEsmWarm } = mdxEsm;
  const pages = [
    'import a from "a"\n\n# Title — “quoted”\n\n{“x”} {\'it’s\'}\n\nexport const b = `t\n—`\n\ntext',
    '# Notes ✓\n\nText {fn("a — b", [1])}\nimport after from "text"\n\n{["a —", \'{\']}\n\nimport real from "./real"\n',
    'import x from "x" // ünïcödé\n\n',
  ];
  for (const page of pages) assert.deepEqual(findMdxEsmWarm(page), findMdxEsm(page));
  assert.deepEqual(statements(pages[0]), ['import a from "a"', 'export const b = `t\n—`']);
  assert.deepEqual(statements(pages[1]), ['import after from "text"', 'import real from "./real"']);
});

/**
 * .tsrx components: the TypeScript outside component bodies (`function X() @{ … }`, `() => @{ … }`)
 * is read by the JS/TS extractor at its real line numbers; the bodies' markup and code are not, and
 * what looks like a brace, a quote, a comment or an import inside them does not move a body's end.
 * An extension-less import reaches a .tsrx file only where a @tsrx package is declared (fixture
 * test/fixtures/javascript/tsrx-components, whose resolutions javascript-resolve.test.ts pins).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageRecord } from '../../src/languages/registry.js';
import { languageFromPath } from '../../src/discover/language.js';
import { scanTsrx } from '../../src/languages/tsrx/template.js';
import { standaloneFixture } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const extract = (text: string) => languageRecord('tsrx')!.extractor!.extract('src/t.tsrx', text);
const imports = (text: string) => {
  const facts = extract(text);
  assert.deepEqual(facts.diagnostics, [], JSON.stringify(facts.diagnostics));
  return facts.imports.map((i) => [i.specifier, i.line]);
};
/** The text of each outermost body. */
const bodies = (text: string): string[] => scanTsrx(text).bodies.map((b) => text.slice(b.start, b.end));

test('tsrx: .tsrx files are the tsrx language, a JS/TS-family source counted as code throughout', () => {
  assert.equal(languageFromPath('src/components/Greeting.tsrx'), 'tsrx');
  const record = languageRecord('tsrx')!;
  assert.equal(record.family, 'javascript');
  assert.equal(record.source, true);
  assert.equal(record.ecosystem, 'javascript');
  assert.equal(record.codeView, undefined, 'a template is code: lines and fingerprints see the whole file');
});

test('tsrx: top-level imports and exports at their lines; the component body is not read', () => {
  const text = [
    "import { onMount } from 'octane';",
    "import { formatName } from './format.ts';",
    "import type { Props } from './props';",
    '',
    'export function Greeting(props: Props) @{',
    '\tonMount(() => {});',
    '\tconst label = formatName(props.name);',
    '\t<h1>{label}</h1>',
    '}',
    '',
    "export { helper } from './helper';",
    "export * from './more.tsrx';",
  ].join('\n');
  assert.deepEqual(imports(text), [['octane', 1], ['./format.ts', 2], ['./props', 3], ['./helper', 11], ['./more.tsrx', 12]]);
  assert.deepEqual(extract(text).exportedNames?.sort(), ['Greeting', 'helper']);
});

test('tsrx: arrow bodies, nested bodies and plain functions; top-level JSX outside bodies parses', () => {
  const text = [
    "import { a } from './a';",
    'export const Row = (p: { n: number }) => @{',
    '\tconst Inner = () => @{ <i>{p.n}</i> };',
    '\t<Inner />',
    '};',
    'const icon = <svg viewBox="0 0 1 1" />;',
    'export function plain(x: number) { return x > 1 ? icon : null; }',
    "import { b } from './b';",
  ].join('\n');
  assert.deepEqual(imports(text), [['./a', 1], ['./b', 8]]);
  assert.deepEqual(bodies(text), ['@{\n\tconst Inner = () => @{ <i>{p.n}</i> };\n\t<Inner />\n}']);
});

test('tsrx: braces, quotes, slashes and import-like text inside a body do not end it early or late', () => {
  const body = [
    '@{',
    '\tconst tags = new Map<string, number>();',
    '\tconst closing = /\\}+/g;',
    "\tconst s = '}' + \"{\" + `${'}'}`;",
    '\t// a comment with a } brace',
    '\t<h1>Don\'t panic: {tags.size}</h1>',
    '\t<a href="https://x.test/}">see http://x.test/a</a>',
    "\t<p>import x from './hidden'</p>",
    '\t<style>',
    '\t\tmain { content: "}"; }',
    '\t</style>',
    '\tif (tags.size < 2) {',
    '\t\t<>{s}</>',
    '\t}',
    '}',
  ].join('\n');
  const text = `export function Page() ${body}\nimport { after } from './after';\n`;
  assert.deepEqual(bodies(text), [body]);
  assert.deepEqual(imports(text), [['./after', 16]]);
});

test('tsrx: a generic arrow `<T,>` and a comparison are not tags', () => {
  const text = ['export const first = <T,>(xs: T[]): T => xs[0];', 'const less = 1 <2;', 'export function C() @{ <b>{less}</b> }', "import { z } from './z';"].join('\n');
  assert.deepEqual(bodies(text), ['@{ <b>{less}</b> }']);
  assert.deepEqual(imports(text), [['./z', 4]]);
});

test('tsrx: a body never closed is a warning naming its line; what stands above it is still read', () => {
  const text = ["import { kept } from './kept';", '', 'export function Broken() @{', '\t<p>{kept}</p>', "import { lost } from './lost';"].join('\n');
  const facts = extract(text);
  assert.deepEqual(facts.imports.map((i) => i.specifier), ['./kept']);
  assert.deepEqual(facts.diagnostics.map((d) => [d.id, d.location?.line]), [['tsrx/syntax-error', 3]]);
  assert.match(facts.diagnostics[0].message, /never closed/);
});

test('tsrx fixture: ./App reaches App.tsrx where @tsrx/solid is declared, with that evidence; not in a package without it', async () => {
  const { audit } = await scanDir(standaloneFixture('test/fixtures/javascript/tsrx-components'));
  const verdicts = Object.fromEntries(audit.files.filter((f) => f.verdict).map((f) => [f.path, f.verdict]));
  assert.deepEqual(verdicts, {
    'app/src/App.tsrx': 'production',
    'app/src/components/Counter.tsrx': 'production',
    'app/src/components/Orphan.tsrx': 'dead',
    'app/src/lib/math.ts': 'production',
    'app/src/lib/theme.ts': 'production',
    'app/src/main.ts': 'production',
    'legacy/index.js': 'production',
    'legacy/widget.tsrx': 'dead',
  });
  const app = audit.files.find((f) => f.path === 'app/src/App.tsrx')!;
  assert.ok(
    app.evidence!.some((hop) => hop.includes('"./App" mapped by the .tsrx extension @tsrx/solid\'s bundler plugin adds (app/package.json)')),
    app.evidence!.join(' | '),
  );
  assert.equal(app.codeLines, 16, 'the template lines are code lines');
  assert.deepEqual(audit.warnings, []);
});

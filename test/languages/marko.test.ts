/**
 * .marko templates: the code Marko compiles (root statements, the class block, scriptlets,
 * attribute-less scripts) is read by the JS/TS extractor at its real line numbers; comments,
 * attribute values, style blocks and text are not code; tag uses and tag imports are listed for
 * the Marko reader.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageRecord } from '../../src/languages/registry.js';
import { languageFromPath } from '../../src/discover/language.js';
import { scanMarkoTemplate } from '../../src/languages/marko/template.js';

const extract = (path: string, text: string) => languageRecord('marko')!.extractor!.extract(path, text);
const imports = (text: string) => {
  const facts = extract('src/t.marko', text);
  assert.deepEqual(facts.diagnostics, [], JSON.stringify(facts.diagnostics));
  return facts.imports.map((i) => [i.specifier, i.line]);
};

test('marko: .marko files are the marko language, a JS/TS-family source', () => {
  assert.equal(languageFromPath('src/components/card.marko'), 'marko');
  assert.equal(languageRecord('marko')!.family, 'javascript');
  assert.equal(languageRecord('marko')!.source, true);
});

test('marko: root imports, server/client/static imports, multi-line imports, at their lines', () => {
  const text = [
    'import { a } from "./a.ts"',
    'server import { b } from "./b.ts"',
    'client import "./c.ts"',
    'static import d from "./d.js"',
    'import {',
    '  e,',
    '  f,',
    '} from "./ef.ts"',
    'import type { G } from "./g.ts"',
    '',
    '<p>${a + b}</p>',
  ].join('\n');
  assert.deepEqual(imports(text), [['./a.ts', 1], ['./b.ts', 2], ['./c.ts', 3], ['./d.js', 4], ['./ef.ts', 5], ['./g.ts', 9]]);
});

test('marko: comments, attribute values, text and style blocks are not code; a tag import is not a module import', () => {
  const text = [
    'import Label from "<fruit-label>"',
    '<!-- import hidden from "./comment.ts" -->',
    '<!--',
    'import alsoHidden from "./comment2.ts"',
    '-->',
    '<div title=\'import x from "./attr.ts"\' onClick("go")>',
    '  import inText from "./text.ts"',
    '</div>',
    'style.scss {',
    '  $ink: #333;',
    '  .x { color: $ink; }',
    '}',
    'import real from "./real.ts"',
  ].join('\n');
  assert.deepEqual(imports(text), [['./real.ts', 13]]);
  assert.deepEqual(scanMarkoTemplate(text).tagImports, [{ name: 'fruit-label', offset: 0 }]);
});

test('marko: the class block, exported types and scriptlets parse as TypeScript; a dynamic import inside is read', () => {
  const text = [
    'export interface Input {',
    '  weight?: number;',
    '}',
    '',
    'class {',
    '  declare state: { open: boolean };',
    '  onCreate() {',
    '    this.state = { open: false };',
    '  }',
    '  async load() {',
    '    return import("./lazy.ts");',
    '  }',
    '}',
    '',
    '<ul>',
    '  <for|item| of=input.items>',
    '    $ const label = item.name',
    '      .trim();',
    '    <li>${label}</li>',
    '  </for>',
    '  <for|item| of=input.other>',
    '    $ const label = item.title;',
    '  </for>',
    '</ul>',
    '$ {',
    '  const total = input.items.length;',
    '}',
  ].join('\n');
  assert.deepEqual(imports(text), [['./lazy.ts', 11]]);
});

test('marko: an attribute-less <script> is code; one with attributes is left to the browser', () => {
  const text = '<div/>\n<script>\n  import("./effect.ts");\n</script>\n<script type="module">import "/cdn/x.js";</script>\n';
  assert.deepEqual(imports(text), [['./effect.ts', 3]]);
});

test('marko: a concise-mode tag named like a keyword (import-map, static-banner) is not a statement', () => {
  assert.deepEqual(imports('static-banner\nimport-map src="x"\nimport a from "./a.ts"\n'), [['./a.ts', 3]]);
});

test('marko: opening tags are listed with their offsets, not closing ones, comments or text', () => {
  const text = '<!-- <ghost-tag/> -->\n<main>\n  <price-tag amount=1/>\n  a < b\n  <if(a > b)>\n    <cart-summary/>\n  </if>\n</main>\n';
  assert.deepEqual(scanMarkoTemplate(text).tags.map((t) => t.name), ['main', 'price-tag', 'if', 'cart-summary']);
});

test('marko: a tag never closed is a warning naming the line, and the code before it is still read', () => {
  const facts = extract('src/broken.marko', 'import a from "./a.ts"\n\n<div title="x\n');
  assert.deepEqual(facts.imports.map((i) => [i.specifier, i.line]), [['./a.ts', 1]]);
  assert.deepEqual(facts.diagnostics.map((d) => [d.id, d.location?.line]), [['marko/syntax-error', 3]]);
});

test('marko: the code view keeps every offset and line break', () => {
  const text = 'server import { b } from "./b.ts"\nclass {\n  x = 1;\n}\n<p>hi</p>\n';
  const view = languageRecord('marko')!.codeView!('t.marko', text).text;
  assert.equal(view.length, text.length);
  assert.equal(view.split('\n').length, text.split('\n').length);
});

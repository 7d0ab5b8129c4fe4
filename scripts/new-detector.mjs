#!/usr/bin/env node
// Scaffolds an entry detector: node scripts/new-detector.mjs <name>
// Copies src/entries/_template.ts, the fixture test/fixtures/entries/_template/ (+ expected.json)
// and test/entries/_template.test.ts under the new name, and registers the detector in
// src/entries/index.ts (imports and the DETECTORS list stay sorted by file name).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2] ?? '';
if (!/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: node scripts/new-detector.mjs <name>   (lower-case, digits and dashes, e.g. "nomad-job")');
  process.exit(2);
}
const camel = name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const at = (...p) => join(root, ...p);
const targets = {
  source: at('src/entries', `${name}.ts`),
  fixture: at('test/fixtures/entries', `${name}-basic`),
  expected: at('test/fixtures/entries', `${name}-basic.expected.json`),
  test: at('test/entries', `${name}.test.ts`),
};
for (const path of Object.values(targets)) {
  if (existsSync(path)) {
    console.error(`${path} already exists; nothing was changed`);
    process.exit(2);
  }
}

const rename = (text) => text.replaceAll("'_template/", `'${name}/`).replaceAll('"_template/', `"${name}/`);

const source = readFileSync(at('src/entries/_template.ts'), 'utf8')
  .replace(/^\/\*\*\n \* TEMPLATE[\s\S]*?\n \*\n/, `/**\n * ${name}: TODO say what this detector reads and what it yields.\n *\n`)
  .replace("id: '_template'", `id: '${name}'`)
  .replace("title: 'template detector (*.census-template)'", `title: '${name}'`)
  .replaceAll('const template:', `const ${camel}:`)
  .replace('export default template;', `export default ${camel};`);
writeFileSync(targets.source, rename(source));

cpSync(at('test/fixtures/entries/_template'), targets.fixture, { recursive: true });
writeFileSync(targets.expected, rename(readFileSync(at('test/fixtures/entries/_template.expected.json'), 'utf8')));

const testText = readFileSync(at('test/entries/_template.test.ts'), 'utf8')
  .replace(/^\/\*\*\n \* TEMPLATE[\s\S]*?\*\/\n/, `/** ${name}: every fixture test/fixtures/entries/${name}-<case>/ against its expected.json. */\n`)
  .replace(/\/\/ TEMPLATE-ONLY-START\n[\s\S]*?\/\/ TEMPLATE-ONLY-END\n/g, '')
  .replace(/\/\* COPY-ONLY\n([\s\S]*?)COPY-ONLY \*\/\n/g, '$1')
  .replace("'../../src/entries/_template.js'", `'../../src/entries/${name}.js'`);
writeFileSync(targets.test, testText);

// Register: one import and one list item, each block kept sorted by file name.
const indexPath = at('src/entries/index.ts');
const index = readFileSync(indexPath, 'utf8');
const imports = [...index.matchAll(/^import (\w+) from '\.\/([\w-]+)\.js';$/gm)].map((m) => ({ ident: m[1], file: m[2] }));
imports.push({ ident: camel, file: name });
imports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
const importBlock = imports.map((i) => `import ${i.ident} from './${i.file}.js';`).join('\n');
const listBlock = imports.map((i) => `  ${i.ident},`).join('\n');
const updated = index
  .replace(/^import \w+ from '\.\/[\w-]+\.js';\n(?:import \w+ from '\.\/[\w-]+\.js';\n)*/m, `${importBlock}\n`)
  .replace(/(export const DETECTORS: EntryDetector\[\] = \[\n)[\s\S]*?(\n\];)/, `$1${listBlock}$2`);
writeFileSync(indexPath, updated);

console.log(`created src/entries/${name}.ts, test/entries/${name}.test.ts,`);
console.log(`        test/fixtures/entries/${name}-basic/ and ${name}-basic.expected.json`);
console.log(`registered ${camel} in src/entries/index.ts`);
console.log('next: change the matcher and the reading, replace the fixture with a real one,');
console.log(`then CENSUS_UPDATE_FIXTURES=1 npm test -- entries/${name} and review the expected.json`);

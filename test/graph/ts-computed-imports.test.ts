/**
 * Stop 64: TypeScript's rule for a module's own specifiers: `./x.js` in a `.ts` file names `x.ts`. A
 * literal import had it; a computed one (`import(`./plugins/${name}.js`)`) globbed `./plugins/*.js`
 * only, and every `.ts` plugin it loads once compiled was dead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const write = (repo: string, files: Record<string, string>): void => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
};

test('ts computed imports: a `.js` pattern in a .ts module names the .ts (.tsx, .mts) files beside it, not their .d.ts', async () => {
  const repo = scratchDir('census-ts-computed-');
  write(repo, {
    'package.json': '{ "name": "t", "version": "1.0.0", "type": "module", "main": "src/index.ts" }\n',
    'src/index.ts': [
      'export const load = (name: string) => import(`./plugins/${name}.js`);',
      "export const cmd = (name: string) => import('./cmds/' + name + '.mjs');",
      '',
    ].join('\n'),
    'src/plugins/a.ts': 'export const a = 1;\n',
    'src/plugins/b.tsx': 'export const b = 1;\n',
    'src/plugins/c.d.ts': 'export declare const c: number;\n',
    'src/plugins/notes.json': '{}\n',
    'src/cmds/run.mts': 'export const run = 1;\n',
  });
  const { audit } = await scanDir(repo);
  const file = (path: string) => audit.files.find((f) => f.path === path);
  for (const path of ['src/plugins/a.ts', 'src/plugins/b.tsx', 'src/cmds/run.mts']) assert.equal(file(path)?.verdict, 'production', `${path}: ${JSON.stringify(file(path)?.evidence)}`);
  assert.notEqual(file('src/plugins/c.d.ts')?.verdict, 'production', JSON.stringify(file('src/plugins/c.d.ts')?.evidence));
});

test('ts computed imports: a .js module keeps its `.js` pattern to .js files (the rule is TypeScript\'s)', async () => {
  const repo = scratchDir('census-js-computed-');
  write(repo, {
    'package.json': '{ "name": "t", "version": "1.0.0", "type": "module", "main": "src/index.js" }\n',
    'src/index.js': 'export const load = (name) => import(`./plugins/${name}.js`);\n',
    'src/plugins/a.js': 'export const a = 1;\n',
    'src/plugins/b.ts': 'export const b = 1;\n',
  });
  const { audit } = await scanDir(repo);
  const file = (path: string) => audit.files.find((f) => f.path === path);
  assert.equal(file('src/plugins/a.js')?.verdict, 'production');
  assert.equal(file('src/plugins/b.ts')?.verdict, 'dead', JSON.stringify(file('src/plugins/b.ts')?.evidence));
});

/**
 * The module scan against oxc-parser on real code: census's own source and the JS/TS packages
 * installed beside it. Every file the scan reads gives the facts the parser path gives, and the
 * scan reads most of them. End-to-end because it depends on what is installed and reads a few
 * thousand files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractJavaScript, scanLanguage } from '../../src/languages/javascript/extract.js';
import { buildLineTable } from '../../src/languages/javascript/line-table.js';
import { scanModule } from '../../src/languages/javascript/module-scan/index.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const isTypeScript = (path: string): boolean => /\.[cm]?tsx?$/.test(path);
const scan = (text: string, path: string) => scanModule(text, buildLineTable(text), scanLanguage(path, isTypeScript(path)));

/** Every JS/TS file under `dir` (recursively), at most `limit`. */
const sourcesUnder = (dir: string, limit: number): string[] => {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (found.length >= limit) return;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(?:[cm]?[jt]sx?)$/.test(name) && st.size < 2_000_000) found.push(p);
    }
  };
  walk(dir);
  return found;
};

test('module scan: on real code it agrees with oxc on every file it reads, and reads most', () => {
  const dirs: Array<[string, number]> = [
    ['src', 1000],
    ['test', 1000],
    ['node_modules/@types/node', 400],
    ['node_modules/yaml/dist', 400],
    ['node_modules/fast-check/lib', 600],
    ['node_modules/ajv/dist', 400],
    ['node_modules/typescript/lib', 120],
    ['node_modules/playwright-core/lib', 800],
    ['node_modules/undici-types', 200],
    ['node_modules/libsql', 50],
    ['node_modules/smol-toml/dist', 100],
    ['node_modules/oxc-parser/src-js', 100],
    ['node_modules/picomatch', 50],
  ];
  let read = 0;
  let total = 0;
  const disagreements: string[] = [];
  for (const [dir, limit] of dirs) {
    // Which packages are installed (transitive ones especially) changes with the lockfile; the
    // count below still makes sure there is plenty to compare.
    if (!existsSync(join(REPO_ROOT, dir))) continue;
    for (const path of sourcesUnder(join(REPO_ROOT, dir), limit)) {
      if (path.includes('/test/fixtures/')) continue; // fixtures hold broken code on purpose
      const text = readFileSync(path, 'utf8');
      total++;
      if (scan(text, path) === null) continue;
      read++;
      const fast = extractJavaScript(path, text, isTypeScript(path));
      const parsed = extractJavaScript(path, text, isTypeScript(path), { moduleScan: false });
      if (JSON.stringify(fast) !== JSON.stringify(parsed)) disagreements.push(path);
    }
  }
  assert.deepEqual(disagreements, []);
  assert.ok(total > 1000, `only ${total} files to compare`);
  assert.ok(read / total > 0.6, `the scan read only ${read} of ${total} files`);
});

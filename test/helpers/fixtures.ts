/** Fixture repos live in test/fixtures/<area>/<case>/ with <case>.expected.json beside them. */
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDir } from './scratch.js';

/** The repo root, from dist/test/helpers/ or test/helpers/. */
export const REPO_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

export const fixturePath = (area: string, name: string): string => resolve(REPO_ROOT, 'test/fixtures', area, name);

/** Fixture case folders of an area (skipping `_template` and files). */
export const fixtureCases = (area: string, prefix = ''): string[] =>
  readdirSync(resolve(REPO_ROOT, 'test/fixtures', area))
    .filter((n) => !n.startsWith('_') && n.startsWith(prefix) && statSync(fixturePath(area, n)).isDirectory())
    .sort();

/**
 * The expected result of a fixture. With CENSUS_UPDATE_FIXTURES=1 the actual result is written
 * instead (review the diff before committing); never silently otherwise.
 */
export const expectedFor = <T>(area: string, name: string, actual: T): T => {
  const file = resolve(REPO_ROOT, 'test/fixtures', area, `${name}.expected.json`);
  if (process.env.CENSUS_UPDATE_FIXTURES === '1') {
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    return actual;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
};

const standalone = new Map<string, string>();

/**
 * A fixture repo copied once per test process into a temp folder outside any git work tree, so the
 * CLI audits it as a repository of its own. Inside census's checkout, census would find census's
 * git root above the fixture and audit the whole checkout, as it does for any subfolder.
 */
export const standaloneFixture = (repoRelative: string): string => {
  const known = standalone.get(repoRelative);
  if (known) return known;
  const dir = join(scratchDir('census-fixture-'), basename(repoRelative));
  cpSync(resolve(REPO_ROOT, repoRelative), dir, { recursive: true });
  standalone.set(repoRelative, dir);
  return dir;
};

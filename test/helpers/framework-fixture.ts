/**
 * Framework-reader fixtures: test/fixtures/frameworks/<reader>-<case>/ is a small repo; its
 * expected file holds every source file's verdict and evidence chain after a full scan.
 */
import assert from 'node:assert/strict';
import { expectedFor, fixtureCases, fixturePath } from './fixtures.js';
import { scanDir } from './scan-fixture.js';

export const frameworkCases = (reader: string): string[] => fixtureCases('frameworks', `${reader}-`);

export const checkFrameworkFixture = async (name: string): Promise<void> => {
  const { audit } = await scanDir(fixturePath('frameworks', name));
  // The date of the last commit changes whenever the fixture is committed again: not part of the answer.
  const evidence = (lines: string[] | undefined) => (lines ?? []).filter((l) => !l.startsWith('last commit '));
  const actual = Object.fromEntries(audit.files.filter((f) => f.verdict).map((f) => [f.path, { verdict: f.verdict, evidence: evidence(f.evidence) }]));
  assert.deepEqual(actual, expectedFor('frameworks', name, actual));
};

/**
 * Runs one entry detector over a fixture repo read from disk, the way the pipeline would: every
 * file it matches (or the whole repo for a repo-wide detector), grouped by source file.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DETECTORS } from '../../src/entries/index.js';
import { isRepoDetector, type DetectorContext, type DetectorOutput, type EntryDetector } from '../../src/entries/types.js';
import { expectedFor, fixtureCases, fixturePath } from './fixtures.js';
import { Manifests } from '../../src/manifests/store.js';
import type { FileFacts } from '../../src/model/facts.js';
import { languageFromPath } from '../../src/discover/language.js';
import { languageRecord } from '../../src/languages/registry.js';
import { basename } from '../../src/util/path.js';

export const listFiles = (root: string): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(root, abs).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
};

export const fixtureContext = (root: string): DetectorContext => {
  const manifests = new Manifests({
    files: new Set(listFiles(root)),
    readText: (path) => {
      try {
        return readFileSync(join(root, path), 'utf8');
      } catch {
        return null;
      }
    },
  });
  // Facts as the scan extracts them, on demand: only detectors that look at a file's exports ask.
  const facts = new Map<string, FileFacts | undefined>();
  const factsOf = (path: string): FileFacts | undefined => {
    if (!facts.has(path)) {
      const language = languageFromPath(path);
      const text = manifests.text(path);
      const extractor = language === null ? undefined : languageRecord(language)?.extractor;
      facts.set(path, extractor && text !== null ? extractor.extract(path, text) : undefined);
    }
    return facts.get(path);
  };
  // The modes as discovery reads them (git keeps a fixture file's executable bit).
  const executable = (path: string): boolean => {
    try {
      return (statSync(join(root, path)).mode & 0o111) !== 0;
    } catch {
      return false;
    }
  };
  return { files: manifests.files, manifests, facts: factsOf, executable };
};

/** The store's parse problems about `source` first, as the scan reports them beside the detector's own. */
const withParseProblems = (ctx: DetectorContext, source: string, output: DetectorOutput): DetectorOutput => {
  const problems = ctx.manifests.diagnostics().filter((d) => d.location?.file === source);
  return problems.length === 0 ? output : { ...output, diagnostics: [...problems, ...output.diagnostics] };
};

export const detectorById = (id: string): EntryDetector => {
  const d = DETECTORS.find((x) => x.id === id);
  if (!d) throw new Error(`no detector "${id}" in src/entries/index.ts`);
  return d;
};

/** Source file → what the detector yielded for it. */
export const runDetector = (detector: EntryDetector, root: string): Record<string, DetectorOutput> => {
  const ctx = fixtureContext(root);
  const out: Record<string, DetectorOutput> = {};
  if (isRepoDetector(detector)) {
    for (const { source, output } of detector.detectRepo(ctx)) out[source] = output;
    return out;
  }
  for (const path of [...ctx.files].sort()) {
    if (!detector.matches(path, basename(path))) continue;
    out[path] = withParseProblems(ctx, path, detector.detect({ path, text: ctx.manifests.text(path) ?? '' }, ctx));
  }
  return out;
};

/** The fixture cases `test/fixtures/entries/<id>-*` and, for each, a check against its expected.json. */
export const detectorCases = (detector: EntryDetector): { name: string; check: () => void }[] =>
  fixtureCases('entries', `${detector.id}-`).map((name) => ({
    name,
    check: () => {
      const actual = runDetector(detector, fixturePath('entries', name));
      assert.deepEqual(actual, expectedFor('entries', name, actual));
    },
  }));

/**
 * Loads a duplicates fixture from disk as the pipeline would hand it over: file records (with
 * verdicts and dates from `<case>.input.json` when present) and one fingerprint per source file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DuplicatesOptions } from '../../src/model/duplicates.js';
import type { FileRecord } from '../../src/model/file.js';
import { languageFromPath, languageFromShebang } from '../../src/discover/language.js';
import { fingerprintFile, isFingerprinted, type FileFingerprint } from '../../src/analyses/duplicates/fingerprint.js';
import type { FindDuplicatesInput } from '../../src/analyses/duplicates/find.js';
import { fixturePath } from '../helpers/fixtures.js';

interface FixtureInput {
  records?: Record<string, Partial<FileRecord>>;
  importers?: Record<string, string[]>;
  options?: Partial<DuplicatesOptions>;
}

const walk = (dir: string, root: string, out: string[]): string[] => {
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, root, out);
    else out.push(relative(root, abs).split(sep).join('/'));
  }
  return out;
};

export const loadDuplicatesFixture = (name: string, overrides: Partial<DuplicatesOptions> = {}): FindDuplicatesInput => {
  const root = fixturePath('duplicates', name);
  const inputFile = fixturePath('duplicates', `${name}.input.json`);
  const input: FixtureInput = existsSync(inputFile) ? JSON.parse(readFileSync(inputFile, 'utf8')) : {};
  const options = { ...input.options, ...overrides };
  const files: FileRecord[] = [];
  const fingerprints = new Map<string, FileFingerprint>();
  for (const path of walk(root, root, [])) {
    const text = readFileSync(join(root, path), 'utf8');
    const language = languageFromPath(path) ?? languageFromShebang(text.split('\n', 1)[0]) ?? 'other';
    files.push({
      path,
      language,
      bytes: Buffer.byteLength(text),
      lines: text.split('\n').length,
      codeLines: 0,
      hash: '',
      executable: false,
      ...input.records?.[path],
    });
    if (isFingerprinted(language)) {
      fingerprints.set(path, fingerprintFile(path, text, language, { abstractIdentifiers: options.abstractIdentifiers ?? false, k: 12, w: 16 }));
    }
  }
  const importers = input.importers ?? {};
  return { files, fingerprints, options, importersOf: (path) => importers[path] ?? [] };
};

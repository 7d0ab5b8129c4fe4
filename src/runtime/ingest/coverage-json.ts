/** coverage.py's `coverage json` report: a file counts as loaded when any of its lines ran. */
import { isObject, type EvidenceFormat } from './types.js';

export const coverageJsonFormat: EvidenceFormat = {
  id: 'coverage-json',
  description: 'coverage.py JSON reports (coverage json)',
  matches: (input) => isObject(input.json) && isObject(input.json.meta) && isObject(input.json.files),
  read: (input) => {
    const files = (input.json as { files: Record<string, unknown> }).files;
    const paths = Object.keys(files).filter((path) => {
      const entry = files[path];
      return isObject(entry) && Array.isArray(entry.executed_lines) && entry.executed_lines.length > 0;
    });
    return { paths, addPackageInits: true };
  },
};

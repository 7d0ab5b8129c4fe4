/**
 * `python -X importtime` output (stderr): one line per imported module, names only, so the
 * overlay maps them to files. Lines may carry a log prefix.
 */
import type { EvidenceFormat } from './types.js';

const IMPORT_TIME = /import time:\s+\d+\s*\|\s*\d+\s*\|\s*([A-Za-z_][\w.]*)\s*$/;

export const pythonImporttimeFormat: EvidenceFormat = {
  id: 'python-importtime',
  description: 'python -X importtime output',
  matches: (input) => input.text !== null && input.json === undefined && /import time:\s+\d+\s*\|/.test(input.text),
  read: (input) => {
    const modules: string[] = [];
    for (const line of input.text!.split('\n')) {
      const m = IMPORT_TIME.exec(line);
      if (m) modules.push(m[1]);
    }
    return { modules };
  },
};

/**
 * `python -v` logs: the interpreter says where each module's code came from —
 * `# code object from '/abs/pkg/__pycache__/mod.cpython-311.pyc'` (or the .py when it compiled
 * it), `# /abs/...pyc matches /abs/pkg/mod.py`, `# extension module 'x' loaded from '/abs/x.so'`.
 */
import type { EvidenceFormat } from './types.js';

const CODE_OBJECT = /^# code object from '?(.+?)'?\s*$/;
const PYC_MATCHES = /^# \S+\.pyc matches (.+?)\s*$/;
const EXTENSION = /^# extension module '[^']+' (?:loaded|executed) from '(.+)'\s*$/;
const MARKER = /^(?:# code object from |import '[\w.]+' # <)/m;

export const pythonVerboseFormat: EvidenceFormat = {
  id: 'python-verbose',
  description: 'python -v logs',
  matches: (input) => input.text !== null && input.json === undefined && MARKER.test(input.text),
  read: (input) => {
    const paths: string[] = [];
    for (const line of input.text!.split('\n')) {
      const m = CODE_OBJECT.exec(line) ?? PYC_MATCHES.exec(line) ?? EXTENSION.exec(line);
      if (m) paths.push(m[1]);
    }
    return { paths };
  },
};

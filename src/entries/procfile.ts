/**
 * Procfiles (Heroku, Foreman, Honcho, Dokku): `name: command` per process type, run from the
 * Procfile's folder. `Procfile` runs in production (release: too); `Procfile.dev` and friends are
 * local development runners, so tooling.
 */
import { warning } from '../util/diagnostics.js';
import { basename, dirname } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { splitLines } from '../util/lines.js';
import { emptyOutput, type EntryDetector } from './types.js';

const PROCESS_LINE = /^([A-Za-z0-9_-]+)\s*:\s*(.*)$/;

const procfile: EntryDetector = {
  id: 'procfile',
  title: 'Procfile processes',
  matches: (path, name) => /^Procfile(\.[\w-]+)?$/.test(name),
  detect: (file) => {
    const out = emptyOutput();
    const kind = basename(file.path) === 'Procfile' ? 'production' : 'tooling';
    splitLines(file.text).forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const m = PROCESS_LINE.exec(line);
      if (!m || m[2].trim() === '') {
        out.diagnostics.push(warning('procfile/bad-line', `not a "name: command" line: ${line.slice(0, 60)}`, file.path, i + 1));
        return;
      }
      addCommand(out, m[2].trim(), { cwd: dirname(file.path), kind, evidence: `${file.path} process "${m[1]}"`, line: i + 1 });
    });
    return out;
  },
};

export default procfile;

/**
 * TEMPLATE — `node scripts/new-detector.mjs <name>` copies this file to src/entries/<name>.ts,
 * with a fixture (test/fixtures/entries/<name>-basic/) and a test (test/entries/<name>.test.ts),
 * and registers it in src/entries/index.ts. Replace the matcher and the reading below; keep the
 * rules: never throw (a bad line is a diagnostic with its line), never resolve anything (name a
 * file, a module or a command line, and say where it was found), never parse a command line
 * yourself (emit it whole; src/commandline/ reads it).
 *
 * This template reads `*.census-template` files whose lines are `run: <command>` (a production
 * command run from the file's folder) or `file: <path>` (a production entry).
 */
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo } from '../util/path.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { splitLines } from '../util/lines.js';
import { emptyOutput, type EntryDetector } from './types.js';

const LINE = /^(run|file):\s*(.+)$/;

const template: EntryDetector = {
  id: '_template',
  title: 'template detector (*.census-template)',
  matches: (path, name) => name.endsWith('.census-template'),
  candidates: { extensions: ['census-template'] },
  detect: (file) => {
    const out = emptyOutput();
    const dir = dirname(file.path);
    splitLines(file.text).forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const m = LINE.exec(line);
      if (!m) {
        out.diagnostics.push(warning('_template/bad-line', `not a "run:" or "file:" line: ${line.slice(0, 60)}`, file.path, i + 1));
        return;
      }
      const evidence = `${file.path} ${m[1]}`;
      if (m[1] === 'run') addCommand(out, m[2], { cwd: dir, kind: 'production', evidence, line: i + 1 });
      else {
        const target = joinRepo(dir, m[2]);
        if (target === null) out.diagnostics.push(warning('_template/outside-repo', `${m[2]} is outside the repo`, file.path, i + 1));
        else out.entries.push(fileEntry(target, 'production', evidence, i + 1));
      }
    });
    return out;
  },
};

export default template;

/**
 * OpenShift Source-to-Image: a source tree's `.s2i/bin/assemble`, `run` and `save-artifacts`
 * replace the builder image's own scripts (redis-commander ships `.s2i/bin/assemble`). `run` is
 * the container's command in production; `assemble` and `save-artifacts` run while the image is
 * built, as a Dockerfile's RUN lines do (tooling). Other names in `.s2i/bin/` (the builder image's
 * `usage` is its own) and a `bin/assemble` outside `.s2i/` are not read. What a script runs is
 * read from it like any shell script.
 */
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const SCRIPT = /(?:^|\/)\.s2i\/bin\/(assemble|run|save-artifacts)$/;

const s2i: EntryDetector = {
  id: 's2i',
  title: 'OpenShift Source-to-Image scripts (.s2i/bin/assemble, run, save-artifacts)',
  matches: (path) => SCRIPT.test(path),
  candidates: { names: ['assemble', 'run', 'save-artifacts'] },
  detect: (file) => {
    const out = emptyOutput();
    const m = SCRIPT.exec(file.path);
    if (m) {
      const kind = m[1] === 'run' ? 'production' : 'tooling';
      const when = m[1] === 'run' ? 'the container\'s command' : 'run while the image is built';
      out.entries.push(fileEntry(file.path, kind, `Source-to-Image ${m[1]} script (${when})`));
    }
    return out;
  },
};

export default s2i;

/**
 * runit services: `sv/<svc>/run` (also `service/`, `etc/sv/`, `runit/`), with its `finish` and
 * `log/run`, is what runsv starts and restarts in production. The script itself is the entry;
 * what it runs is read from it like any shell script.
 */
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const SERVICE = /(?:^|\/)(?:sv|service|runit)\/([^/]+)\/(run|finish|log\/run)$/;

const runit: EntryDetector = {
  id: 'runit',
  title: 'runit services (sv/<svc>/run, finish, log/run)',
  matches: (path) => (path.endsWith('run') || path.endsWith('finish')) && SERVICE.test(path) && !/(^|\/)s6-overlay\//.test(path),
  detect: (file) => {
    const out = emptyOutput();
    const m = SERVICE.exec(file.path);
    if (m) out.entries.push(fileEntry(file.path, 'production', `runit service "${m[1]}" ${m[2]} script`));
    return out;
  },
};

export default runit;

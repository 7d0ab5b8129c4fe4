/**
 * s6-overlay services in a container's root filesystem (`rootfs/etc/s6-overlay/s6-rc.d/<svc>/`,
 * the older `etc/services.d/<svc>/`, `etc/cont-init.d/*`, `etc/cont-finish.d/*`): every `run`,
 * `finish` and init script is started by the container's supervisor in production. A oneshot's `up`
 * file is one command line; the folder holding `etc/` is the image's `/`, so absolute paths in it
 * (`/etc/s6-overlay/scripts/migrate.sh`) map back into the repo. `dependencies`, `type` and
 * `contents.d` name services, not files, and run nothing.
 */
import { addCommand, fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** Everything before `etc/` is the image's root; `rootfs/` in most repos. */
const SERVICE = /^(?:(.*)\/)?etc\/(?:s6-overlay\/s6-rc\.d\/([^/]+)\/(run|finish|up)|services\.d\/([^/]+)\/(run|finish)|(cont-init\.d|cont-finish\.d)\/([^/]+))$/;

const s6Overlay: EntryDetector = {
  id: 's6-overlay',
  title: 's6-overlay services (s6-rc.d run/finish/up, services.d, cont-init.d, cont-finish.d)',
  matches: (path) => path.includes('etc/') && SERVICE.test(path),
  detect: (file) => {
    const out = emptyOutput();
    const m = SERVICE.exec(file.path);
    if (!m) return out;
    const root = m[1] ?? '';
    const service = m[2] ?? m[4];
    const script = m[3] ?? m[5];
    if (script === 'up') {
      // The oneshot's command line (execline syntax; a plain command reads the same as shell).
      const command = file.text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#')).join(' ');
      addCommand(out, command, { cwd: root, pathMap: [{ from: '/', to: root }], kind: 'production', evidence: `s6-overlay oneshot "${service}" up`, line: 1 });
      return out;
    }
    const evidence = service ? `s6-overlay service "${service}" ${script} script` : `s6-overlay ${m[6]} script`;
    out.entries.push(fileEntry(file.path, 'production', evidence));
    return out;
  },
};

export default s6Overlay;

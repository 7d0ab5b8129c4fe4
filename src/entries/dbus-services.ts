/**
 * D-Bus service activation files: `usr/share/dbus-1/services/<name>.service` (the session bus) and
 * `system-services/` (the system bus). When a program asks for the bus name, dbus-daemon starts the
 * `[D-BUS Service]` section's `Exec=` command: a GNOME Shell search provider, an applet, a privileged
 * helper. That command is a production command, as a systemd unit's ExecStart is. A file where the
 * bus daemon reads it in a filesystem tree (`usr/share/dbus-1/services/`, `etc/dbus-1/`, `share/dbus-1/`
 * of a prefix) places absolute paths below that tree's root, so `Exec=/usr/share/dialect/search_provider`
 * is the tree's `usr/share/dialect/search_provider`. `SystemdService=` hands the start to a systemd
 * unit, which the systemd detector reads. A tree kept as a test fixture or an example
 * (`examples/root/usr/share/dbus-1/…`) installs nothing.
 */
import { warning } from '../util/diagnostics.js';
import { iniValues, SYSTEMD_UNIT } from '../manifests/ini.js';
import { filesystemRoot } from './support/filesystem-root.js';
import { installsNothing } from '../util/installs-nothing.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** An activation file where dbus-daemon reads it; the folder above `usr/share/`, `share/` or `etc/` is the tree's root. */
const ACTIVATION_FILE = /^((?:.*?\/)??)(?:usr\/(?:local\/)?share|share|etc)\/dbus-1\/(?:system-)?services\/[^/]+\.service$/;
const SECTION = 'D-BUS Service';

const dbusServices: EntryDetector = {
  id: 'dbus-services',
  title: 'D-Bus service activation files (dbus-1/services/*.service, system-services/, Exec=)',
  matches: (path, name) => name.endsWith('.service') && path.includes('dbus-1/') && ACTIVATION_FILE.test(path),
  candidates: { extensions: ['service'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const root = ACTIVATION_FILE.exec(file.path)?.[1].replace(/\/$/, '') ?? '';
    // A tree kept as a test fixture or an example installs nothing (support/filesystem-root.ts).
    if (installsNothing(root)) return out;
    const doc = ctx.manifests.get(file.path, SYSTEMD_UNIT);
    if (!doc) return out;
    const execs = iniValues(doc, SECTION, 'Exec');
    if (execs.length === 0 && iniValues(doc, SECTION, 'SystemdService').length === 0) {
      out.diagnostics.push(warning('dbus-services/no-exec', `no [${SECTION}] Exec= or SystemdService= line: dbus-daemon cannot start this service`, file.path, 1));
      return out;
    }
    const pathMap = [filesystemRoot(file.path, root, 'dbus-daemon reads activation files')];
    for (const e of execs) addCommand(out, e.value, { cwd: '', pathMap, kind: 'production', evidence: `D-Bus activation ${file.path} Exec`, line: e.line });
    return out;
  },
};

export default dbusServices;

/**
 * Installed commands: a filesystem tree as a package installs it (a Debian package unpacked, a
 * container's rootfs/ overlay) puts the commands it ships in `usr/bin/`, `usr/sbin/`,
 * `usr/local/bin/`, `usr/local/sbin/` or `usr/games/`, which are on every user's PATH. Each file
 * there is the package's product, as a pyproject console script or a package.json bin is, not a
 * script someone runs by hand: a production entry. A command named for tests (`fail2ban-testcases`,
 * `*-selftest`) ships the package's test suite to run on the installed system: a test entry, so
 * the test modules it imports stay tests. A link there to a file elsewhere in the tree
 * (`usr/bin/beet` → `../share/beets/beet`) reaches its target by the symlink edge.
 */
import { installsNothing } from '../util/installs-nothing.js';
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** A file directly in one of the PATH folders of a filesystem tree; the part before `usr/` is the tree's root. */
export const INSTALLED_COMMAND = /^(.*?)usr\/(?:local\/)?(?:s?bin|games)\/[^/]+$/;

/** A command whose name says it runs tests. */
const TEST_COMMAND = /[-_.](?:self)?tests?(?:cases?|suite)?(?:$|[-_.])/i;

const installedCommands: EntryDetector = {
  id: 'installed-commands',
  title: 'commands a filesystem tree installs on PATH (usr/bin/, usr/sbin/, usr/local/bin/, usr/games/)',
  matches: (path) => {
    if (!path.includes('usr/')) return false;
    const root = INSTALLED_COMMAND.exec(path)?.[1];
    // A tree kept as a test's fixture or an example (`tests/fixtures/fakeroot/usr/bin/python3`) installs nothing.
    return root !== undefined && !installsNothing(root);
  },
  detect: (file) => {
    const out = emptyOutput();
    const root = INSTALLED_COMMAND.exec(file.path)?.[1] ?? '';
    const folder = file.path.slice(root.length, file.path.lastIndexOf('/') + 1);
    const tree = root === '' ? 'the repo root' : root;
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const kind = TEST_COMMAND.test(name) ? 'test' : 'production';
    // "<path>: …" says what the file is; opening with a colon, it sorts after "<path> is run by systemd …",
    // so a unit or cron line that runs the command starts the evidence when there is one.
    out.entries.push({ ...fileEntry(file.path, kind, `${file.path}: an installed ${kind === 'test' ? 'test command' : 'command'}, on every user's PATH (${folder} of the filesystem tree at ${tree})`), startedBy: 'declared-command' });
    return out;
  },
};

export default installedCommands;

/**
 * System hook folders: a filesystem tree as a package installs it (a Debian package unpacked, a
 * container's rootfs/ overlay) puts scripts in folders that a part of the system runs, every
 * file in the folder, with no line anywhere naming the script: pam_motd runs `etc/update-motd.d/*`
 * at each login, the kernel packages run `etc/kernel/postinst.d/*`, systemd-sleep runs
 * `lib/systemd/system-sleep/*`, cupsd runs `usr/lib/cups/backend/*` and `filter/*`, apport loads
 * `usr/share/apport/package-hooks/*.py` into a crash report, reportbug runs `usr/share/bug/<pkg>/script`,
 * grub-mkconfig runs `etc/grub.d/*`, certbot runs `etc/letsencrypt/renewal-hooks/{pre,deploy,post}/*`. Each such file is run in production: a command `/<path below
 * the tree's root>`, with that root as `/` (as a systemd unit in the tree places it), so the
 * absolute paths the hook names map into the tree too; evidence names the folder and what runs it.
 * Like cron's run-parts folders (crontab.ts), run-parts folders take only names of letters, digits,
 * `_` and `-` (`x.dpkg-old` and `README` are left alone); folders whose runner picks files by suffix
 * say it (`*.py`, `*.sh`). A runner that executes the file (run-parts, systemd, CUPS, NetworkManager,
 * grub-mkconfig, …) runs only one with the executable bit set; files sourced or loaded (Xsession.d,
 * dhclient hooks, profile.d, apport, nautilus-python) need none. A tree kept as a test fixture or example installs nothing
 * (util/installs-nothing.ts).
 */
import { quoteWord } from '../util/shell-words.js';
import { filesystemRoot, RUN_PARTS_NAME } from './support/filesystem-root.js';
import { installsNothing } from '../util/installs-nothing.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** Names Debian's run-parts runs (a bare README is a note, not a part). */
const RUN_PARTS = new RegExp(`^(?!README$|readme$)${RUN_PARTS_NAME}$`);
/** Any name a runner that takes every file would take: not hidden, not a backup or a package manager's leftover, not a readme. */
const ANY = /^(?!\.|README|readme)[^/]*[^~/](?<!\.(?:dpkg-(?:old|new|dist|bak|tmp)|ucf-(?:old|new|dist)|rpm(?:save|new|orig)|bak|orig|swp|md|txt|rst))$/;
const PYTHON = /^[^.][^/]*\.py$/;
const SHELL = /^[^.][^/]*\.sh$/;

interface HookFolder {
  /** The folder below the tree's root, as a regex source without anchors. */
  folder: string;
  names: RegExp;
  /** What runs a file there: "<file> is run by <runner> from <folder>/ (<how>)". */
  runner: string;
  how: string;
  /** The runner executes the file, so only one with the executable bit runs (`chmod -x` is how an update-motd.d part is switched off); left out for files sourced or loaded. */
  exec?: true;
  /** A file the folder must also hold for the runner to take it (ceph-mgr's module.py). */
  sibling?: string;
}

const HOOK_FOLDERS: HookFolder[] = [
  { folder: 'etc/update-motd\\.d', names: RUN_PARTS, runner: 'pam_motd', how: 'at every login, run-parts /etc/update-motd.d', exec: true },
  { folder: 'etc/kernel/(?:pre|post)(?:inst|rm)\\.d|etc/kernel/header_postinst\\.d', names: RUN_PARTS, runner: 'the kernel packages', how: 'when a kernel is installed or removed, run-parts /etc/kernel/…d', exec: true },
  { folder: '(?:etc|usr/lib)/kernel/install\\.d', names: /^[^.][^/]*\.install$/, runner: 'kernel-install', how: 'every *.install plugin when a kernel is installed', exec: true },
  { folder: 'etc/network/if-(?:pre-up|up|down|post-down)\\.d', names: RUN_PARTS, runner: 'ifupdown', how: 'when an interface goes up or down, run-parts /etc/network/if-*.d', exec: true },
  { folder: 'etc/ppp/ip(?:v6)?-(?:pre-up|up|down)\\.d', names: RUN_PARTS, runner: 'pppd', how: 'when a link goes up or down, run-parts /etc/ppp/ip-*.d', exec: true },
  { folder: '(?:etc|usr/lib)/NetworkManager/dispatcher\\.d(?:/(?:pre-up|pre-down|no-wait)\\.d)?', names: ANY, runner: 'NetworkManager-dispatcher', how: 'on every network event', exec: true },
  { folder: '(?:etc/pm|usr/lib/pm-utils)/(?:sleep|power)\\.d', names: ANY, runner: 'pm-utils', how: 'on suspend, resume and power changes', exec: true },
  { folder: '(?:usr/)?lib/systemd/system-(?:sleep|shutdown)', names: ANY, runner: 'systemd', how: 'systemd-sleep and systemd-shutdown run every executable there', exec: true },
  { folder: '(?:usr/)?lib/systemd/(?:system|user)-(?:environment-)?generators|etc/systemd/(?:system|user)-generators', names: ANY, runner: 'systemd', how: 'a generator, run at boot and on daemon-reload', exec: true },
  { folder: 'etc/dhcp/dhclient-(?:enter|exit)-hooks\\.d', names: RUN_PARTS, runner: 'dhclient-script', how: 'sourced on every DHCP event' },
  { folder: 'etc/X11/Xsession\\.d', names: RUN_PARTS, runner: 'Xsession', how: 'sourced when an X session starts' },
  { folder: 'etc/X11/xinit/xinitrc\\.d', names: ANY, runner: 'xinitrc', how: 'sourced when an X session starts' },
  { folder: 'etc/profile\\.d', names: SHELL, runner: '/etc/profile', how: 'sourced by every login shell' },
  { folder: 'etc/grub\\.d', names: RUN_PARTS, runner: 'grub-mkconfig', how: 'update-grub writes grub.cfg from their output', exec: true },
  { folder: '(?:etc|usr/share)/initramfs-tools/(?:hooks|scripts/[a-z-]+)', names: RUN_PARTS, runner: 'initramfs-tools', how: 'hooks run by mkinitramfs, scripts at boot', exec: true },
  { folder: 'usr/lib/cups/(?:backend|filter|driver|monitor|notifier|cgi-bin)', names: ANY, runner: 'CUPS', how: 'cupsd runs its backends, filters and drivers from usr/lib/cups/', exec: true },
  // Stop 66: certbot runs every executable file of renewal-hooks/pre/ before renewing, deploy/ after each
  // certificate it renews, post/ after (certbot's hooks.py list_hooks: sorted, executable, not a `~` backup).
  { folder: 'etc/letsencrypt/renewal-hooks/(?:pre|deploy|post)', names: ANY, runner: 'certbot', how: 'certbot renew runs every executable there before renewing (pre), after each renewed certificate (deploy) or after (post)', exec: true },
  { folder: 'usr/share/apport/(?:package|general)-hooks', names: PYTHON, runner: 'apport', how: 'loaded into every crash or bug report' },
  { folder: 'usr/share/bug/[^/]+', names: /^script$/, runner: 'reportbug', how: 'run when a bug is reported against the package' },
  { folder: 'usr/share/(?:nautilus|caja|nemo)-python/extensions', names: PYTHON, runner: 'the file manager', how: 'nautilus-python (caja-, nemo-) loads every *.py extension there' },
  // Stop 56: ceph-mgr imports each package of its mgr_module_path (default /usr/share/ceph/mgr) at
  // start, enabled or not, to read its options and commands (ceph's PyModuleRegistry::probe_modules).
  // probe_modules takes only a folder that holds module.py (review s56-rm1: `sibling`).
  { folder: 'usr/share/ceph/mgr/[A-Za-z_][A-Za-z0-9_]*', names: /^__init__\.py$/, runner: 'ceph-mgr', how: 'ceph-mgr imports every module package in its mgr_module_path at start', sibling: 'module.py' },
];

/** One regex: the tree's root, then one of the folders (its index found by the group that matched), then the file's name. */
const HOOK = new RegExp(`^((?:.*?/)??)(?:${HOOK_FOLDERS.map((h) => `(${h.folder})`).join('|')})/([^/]+)$`);
/** Text every folder above contains: a cheap test before the regex. */
const PREFILTER = /\.d\/|systemd\/|cups\/|apport\/|bug\/|python\/ext|initramfs-tools\/|ceph\/mgr\/|renewal-hooks\//;

const hookOf = (path: string): { root: string; folder: string; hook: HookFolder; name: string } | null => {
  if (!PREFILTER.test(path)) return null;
  const m = HOOK.exec(path);
  if (!m || installsNothing(m[1])) return null;
  const name = m[m.length - 1];
  for (let i = 0; i < HOOK_FOLDERS.length; i++) {
    const folder = m[i + 2];
    if (folder !== undefined) return HOOK_FOLDERS[i].names.test(name) ? { root: m[1], folder, hook: HOOK_FOLDERS[i], name } : null;
  }
  return null;
};

const systemHooks: EntryDetector = {
  id: 'system-hooks',
  title: 'system hook folders of a filesystem tree (update-motd.d, kernel/postinst.d, systemd system-sleep, cups backends and filters, apport hooks, reportbug scripts, grub.d, certbot renewal hooks, …)',
  matches: (path) => hookOf(path) !== null,
  detect: (file, ctx) => {
    const out = emptyOutput();
    const hit = hookOf(file.path);
    if (!hit || (hit.hook.exec && ctx.executable?.(file.path) !== true)) return out;
    if (hit.hook.sibling !== undefined && !ctx.files.has(`${hit.root}${hit.folder}/${hit.hook.sibling}`)) return out;
    // A command, not a bare entry: the tree is a filesystem image, so the absolute paths the hook
    // names (`exec /usr/share/app/motd-status`) map below its root, as a systemd unit's do.
    const root = hit.root.replace(/\/$/, '');
    const pathMap = [filesystemRoot(file.path, root, `${hit.hook.runner} finds it`)];
    addCommand(out, quoteWord(`/${file.path.slice(hit.root.length)}`), { cwd: '', pathMap, kind: 'production', evidence: `${hit.hook.runner} (${hit.hook.how}) from ${hit.folder}/` });
    return out;
  },
};

export default systemHooks;

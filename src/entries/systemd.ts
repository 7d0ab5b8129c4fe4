/**
 * systemd units: every Exec*= line of a .service/.socket is a production command. The unit's
 * WorkingDirectory= is where it runs; it maps back into the repo by the deploy-folder rule in
 * support/deploy-dir.ts (/opt/lakehouse → the repo root unless a folder is named `lakehouse`). A
 * unit kept where systemd reads it in a filesystem tree (`lib/systemd/system/x.service`) places
 * absolute paths below that tree's root (`IN_FILESYSTEM`).
 * Environment= variables are the commands' environment (`FLASK_APP`, `DJANGO_SETTINGS_MODULE`).
 * A unit kept as a test's fixture, an example or documentation (`tests/fixtures/app.service`,
 * `docs/examples/app.service`, `examples/root/lib/systemd/system/x.service`) installs nothing: its
 * commands run nowhere (util/installs-nothing.ts, as for D-Bus activation files).
 */
import { filesystemRoot } from './support/filesystem-root.js';
import { installsNothing } from '../util/installs-nothing.js';
import { addCommand } from './support/inputs.js';
import { mapDeployDir } from './support/deploy-dir.js';
import { iniValue, iniValues, SYSTEMD_UNIT, type IniDocument } from '../manifests/ini.js';
import { emptyOutput, type EntryDetector } from './types.js';

const EXEC_KEYS = ['ExecCondition', 'ExecStartPre', 'ExecStart', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost'];
const EXEC_SECTIONS = ['Service', 'Socket'];
/**
 * A unit where systemd finds it in a filesystem tree (`lib/systemd/system/`, `usr/lib/systemd/system/`,
 * `etc/systemd/system/`, their `user/` twins): the folder above is that tree's root, as in a Debian
 * package or a container's rootfs/ overlay, so `ExecStart=/usr/bin/radicale` is the repo's
 * `usr/bin/radicale` below it.
 */
const IN_FILESYSTEM = /^(.*?)(?:usr\/)?(?:lib|etc)\/systemd\/(?:system|user)\/[^/]+$/;

/**
 * `-` ignore failure, `@` argv[0] given next, `:` no variable expansion, `+`/`!`/`!!` privileges.
 * With `@` the word after the executable is argv[0], which the executable never sees as an argument.
 */
export const stripExecPrefixes = (value: string): string => {
  const m = /^([-@:+!]+)/.exec(value);
  if (!m) return value;
  const rest = value.slice(m[1].length).trimStart();
  if (!m[1].includes('@')) return rest;
  const words = rest.split(/\s+/);
  return [words[0], ...words.slice(2)].join(' ');
};

/** `Environment="A=1" B=2` lines of a section, as the variables its commands start with (EnvironmentFile= is not read). */
const environmentOf = (doc: IniDocument, section: string): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const e of iniValues(doc, section, 'Environment')) {
    for (const m of e.value.matchAll(/"([A-Za-z_]\w*)=([^"]*)"|([A-Za-z_]\w*)=(\S*)/g)) env[m[1] ?? m[3]] = m[2] ?? m[4];
  }
  return env;
};

const systemd: EntryDetector = {
  id: 'systemd',
  title: 'systemd units (ExecStart, ExecStartPre/Post, ExecReload, WorkingDirectory)',
  matches: (path, name) => /\.(service|socket|timer)$/.test(name),
  candidates: { extensions: ['service', 'socket', 'timer'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    if (installsNothing(file.path.slice(0, file.path.lastIndexOf('/') + 1))) return out;
    const doc = ctx.manifests.get(file.path, SYSTEMD_UNIT);
    if (!doc) return out;
    for (const section of EXEC_SECTIONS) {
      const workdir = iniValue(doc, section, 'WorkingDirectory')?.value.replace(/^-/, '');
      const deploy = workdir ? mapDeployDir(workdir, ctx.files) : { cwd: '', pathMap: [] };
      const root = IN_FILESYSTEM.exec(file.path)?.[1].replace(/\/$/, '') ?? null;
      // The deploy folder's mapping is longer and goes first; the rest of the tree lies where the unit's place says.
      const pathMap = root === null ? deploy.pathMap : [...deploy.pathMap, filesystemRoot(file.path, root, 'systemd reads units')];
      const cwd = deploy.cwd;
      const env = environmentOf(doc, section);
      for (const s of doc.sections.filter((x) => x.name === section)) {
        for (const e of s.entries) {
          if (!EXEC_KEYS.includes(e.key)) continue;
          const command = stripExecPrefixes(e.value);
          addCommand(out, command, { cwd, pathMap, env, kind: 'production', evidence: `systemd ${file.path} ${e.key}`, line: e.line });
        }
      }
    }
    return out;
  },
};

export default systemd;

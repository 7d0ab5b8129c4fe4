/**
 * systemd units: every Exec*= line of a .service/.socket is a production command. The unit's
 * WorkingDirectory= is where it runs; it maps back into the repo by the deploy-folder rule in
 * support/deploy-dir.ts (/opt/lakehouse → the repo root unless a folder is named `lakehouse`).
 * Environment= variables are the commands' environment (`FLASK_APP`, `DJANGO_SETTINGS_MODULE`).
 */
import { addCommand } from './support/inputs.js';
import { mapDeployDir } from './support/deploy-dir.js';
import { iniValue, iniValues, SYSTEMD_UNIT, type IniDocument } from '../manifests/ini.js';
import { emptyOutput, type EntryDetector } from './types.js';

const EXEC_KEYS = ['ExecCondition', 'ExecStartPre', 'ExecStart', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost'];
const EXEC_SECTIONS = ['Service', 'Socket'];

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
    const doc = ctx.manifests.get(file.path, SYSTEMD_UNIT);
    if (!doc) return out;
    for (const section of EXEC_SECTIONS) {
      const workdir = iniValue(doc, section, 'WorkingDirectory')?.value.replace(/^-/, '');
      const { cwd, pathMap } = workdir ? mapDeployDir(workdir, ctx.files) : { cwd: '', pathMap: [] };
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

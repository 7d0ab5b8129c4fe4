/**
 * Railway config-as-code (railway.json, railway.toml): `deploy.startCommand` and
 * `deploy.preDeployCommand` (a string or a list of them) run in production, `build.buildCommand`
 * is a build step (tooling); each from the file's folder. A `deploy.cronSchedule` makes the start
 * command a scheduled job: still production.
 */
import { readConfigDocument } from './support/config-document.js';
import { basename, dirname } from '../util/path.js';
import { splitLines } from '../util/lines.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const KEYS: [section: string, key: string, kind: 'production' | 'tooling'][] = [
  ['deploy', 'startCommand', 'production'],
  ['deploy', 'preDeployCommand', 'production'],
  ['build', 'buildCommand', 'tooling'],
];

/** Neither JSON.parse nor the TOML reader gives positions: the first line naming the key. */
const lineOf = (text: string, key: string): number | undefined => {
  const i = splitLines(text).findIndex((l) => new RegExp(`(^|["\\s])${key}["\\s]*[:=]`).test(l));
  return i < 0 ? undefined : i + 1;
};

const railway: EntryDetector = {
  id: 'railway',
  title: 'Railway (railway.json / railway.toml: startCommand, preDeployCommand, buildCommand)',
  matches: (path) => /^railway\.(json|toml)$/.test(basename(path)),
  detect: (file) => {
    const out = emptyOutput();
    const read = readConfigDocument(file.path, file.text, 'railway/bad-json');
    if ('diagnostic' in read) {
      out.diagnostics.push(read.diagnostic);
      return out;
    }
    const doc = read.table;
    if (doc === null) return out;
    for (const [section, key, kind] of KEYS) {
      const value = isRecord(doc[section]) ? doc[section][key] : undefined;
      const commands = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      for (const command of commands) addCommand(out, command, { cwd: dirname(file.path), kind, evidence: `railway ${file.path} ${section}.${key}`, line: lineOf(file.text, key) });
    }
    return out;
  },
};

export default railway;

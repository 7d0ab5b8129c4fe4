/**
 * Railway config-as-code (railway.json, railway.toml): `deploy.startCommand` and
 * `deploy.preDeployCommand` (a string or a list of them) run in production, `build.buildCommand`
 * is a build step (tooling); each from the file's folder. A `deploy.cronSchedule` makes the start
 * command a scheduled job: still production.
 */
import { lineOfKey, readConfigDocument } from './support/config-document.js';
import { dirname } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';
import { isRecord } from '../manifests/json.js';

const KEYS: [section: string, key: string, kind: 'production' | 'tooling'][] = [
  ['deploy', 'startCommand', 'production'],
  ['deploy', 'preDeployCommand', 'production'],
  ['build', 'buildCommand', 'tooling'],
];

const railway: EntryDetector = {
  id: 'railway',
  title: 'Railway (railway.json / railway.toml: startCommand, preDeployCommand, buildCommand)',
  matches: (path, name) => /^railway\.(json|toml)$/.test(name),
  candidates: { names: ['railway.json', 'railway.toml'] },
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
      for (const command of commands) addCommand(out, command, { cwd: dirname(file.path), kind, evidence: `railway ${file.path} ${section}.${key}`, line: lineOfKey(file.text, key) });
    }
    return out;
  },
};

export default railway;

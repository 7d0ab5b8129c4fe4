/**
 * Fly.io's fly.toml: `[processes]` (name = command) and `[experimental] cmd`/`entrypoint` run in
 * production in the app's image; `[deploy] release_command` runs before each release, also in
 * production. Commands run from the file's folder (the build context).
 */
import { parseTomlDocument } from '../manifests/toml.js';
import { dirname } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { joinWords } from '../util/shell-words.js';
import { emptyOutput, type EntryDetector } from './types.js';
import { isRecord } from '../manifests/json.js';

const commandText = (v: unknown): string | null =>
  typeof v === 'string' ? v : Array.isArray(v) && v.every((w) => typeof w === 'string') ? joinWords(v as string[]) : null;

/** TOML values carry no positions here: the line of `key =` near its value's text. */
const lineOf = (text: string, key: string, value: string): number | undefined => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(key) && l.includes(value.split(' ')[0] ?? ''));
  return i < 0 ? undefined : i + 1;
};

const flyToml: EntryDetector = {
  id: 'fly-toml',
  title: 'Fly.io fly.toml (processes, release_command, experimental cmd)',
  matches: (path, name) => name === 'fly.toml',
  candidates: { names: ['fly.toml'] },
  detect: (file) => {
    const out = emptyOutput();
    const parsed = parseTomlDocument(file.text, file.path);
    if ('diagnostic' in parsed) {
      out.diagnostics.push(parsed.diagnostic);
      return out;
    }
    const doc = parsed.value;
    const cwd = dirname(file.path);
    const add = (key: string, value: unknown, evidence: string) => {
      const text = commandText(value);
      if (text) addCommand(out, text, { cwd, kind: 'production', evidence: `fly ${file.path} ${evidence}`, line: lineOf(file.text, key, text) });
    };
    if (isRecord(doc.processes)) for (const [name, command] of Object.entries(doc.processes)) add(name, command, `process "${name}"`);
    if (isRecord(doc.deploy)) add('release_command', doc.deploy.release_command, 'release_command');
    if (isRecord(doc.experimental)) {
      const entrypoint = commandText(doc.experimental.entrypoint);
      const cmd = commandText(doc.experimental.cmd);
      if (entrypoint || cmd) add(entrypoint ? 'entrypoint' : 'cmd', [entrypoint, cmd].filter((x) => x).join(' '), 'experimental cmd');
    }
    return out;
  },
};

export default flyToml;

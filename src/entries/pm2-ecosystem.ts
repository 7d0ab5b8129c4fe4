/**
 * PM2 ecosystem files (`ecosystem.config.js`, `.cjs`, `.json`, `pm2.config.js`): each app's
 * `script` (with its `interpreter`, `args` and `cwd`) is what pm2 runs in production. The file is
 * read as text, never evaluated: an app whose script is not a string literal is not read.
 */
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { closingBracket, stringLiterals } from './support/python-literals.js';
import { emptyOutput, type EntryDetector } from './types.js';
import { lineAt } from '../util/lines.js';

const ECOSYSTEM = /^(ecosystem|pm2)(\.config)?\.(c|m)?js(on)?$|^(ecosystem|pm2)\.json$/;
const KEY = (name: string) => new RegExp(`["']?\\b${name}["']?\\s*:\\s*`, 'g');

/** Offset of the `{` that opens the object around `at` (strings are rare enough in keys to ignore). */
const openingBrace = (text: string, at: number): number => {
  let depth = 0;
  for (let i = at; i >= 0; i--) {
    if (text[i] === '}') depth++;
    else if (text[i] === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
};

/** The string value of `name` in an object's text: a literal, or an array of literals joined. */
const valueOf = (object: string, name: string): string | undefined => {
  const m = KEY(name).exec(object);
  if (!m) return undefined;
  const at = m.index + m[0].length;
  if (object[at] === '[') return stringLiterals(object, at, closingBracket(object, at)).map((s) => s.value).join(' ');
  const literal = stringLiterals(object, at, Math.min(object.length, at + 2000))[0];
  return literal && literal.offset === at ? literal.value : undefined;
};

const pm2Ecosystem: EntryDetector = {
  id: 'pm2-ecosystem',
  title: 'PM2 ecosystem files (apps: script, interpreter, args, cwd)',
  matches: (path, name) => ECOSYSTEM.test(name),
  candidates: { extensions: ['js', 'cjs', 'mjs', 'json', 'cjson', 'mjson'] },
  detect: (file) => {
    const out = emptyOutput();
    const dir = dirname(file.path);
    for (const m of file.text.matchAll(KEY('script'))) {
      const open = openingBrace(file.text, m.index);
      if (open < 0) continue;
      const object = file.text.slice(open, closingBracket(file.text, open));
      const script = valueOf(object, 'script');
      const line = lineAt(file.text, m.index);
      if (script === undefined) {
        out.diagnostics.push(warning('pm2-ecosystem/computed-script', 'an app whose script is not a string literal: census does not evaluate the file', file.path, line));
        continue;
      }
      const cwdValue = valueOf(object, 'cwd');
      const cwd = cwdValue === undefined || cwdValue.startsWith('/') ? dir : (joinRepo(dir, cwdValue) ?? dir);
      const name = valueOf(object, 'name');
      // pm2 runs a bare file name itself (`server.js`); as a command word it must read as a path.
      const program = !script.includes('/') && /\.(c|m)?[jt]s$|\.py$|\.sh$/.test(script) ? `./${script}` : script;
      const command = [valueOf(object, 'interpreter'), program, valueOf(object, 'args')].filter((w) => w !== undefined && w !== '' && w !== 'none').join(' ');
      addCommand(out, command, { cwd, kind: 'production', evidence: `PM2 ${file.path} app${name ? ` "${name}"` : ''}`, line });
    }
    return out;
  },
};

export default pm2Ecosystem;

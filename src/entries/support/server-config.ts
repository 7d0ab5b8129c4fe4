/**
 * Application servers' own config files, read for the settings that name the app: uWSGI's ini or
 * YAML (`module`, `wsgi-file`, `mount`, `chdir`) and gunicorn's Python config (`wsgi_app`, `chdir`).
 * The answer is the server's command line with those settings as options, so the one command
 * analyser reads them exactly as it reads them on a command line. Config files are read, never run.
 */
import { quoteWord } from '../../commandline/render.js';
import { CONFIGPARSER_DIALECT, parseIni } from '../../manifests/ini.js';
import { codeMatches, stringLiterals } from './python-literals.js';
import { parseYamlFile } from '../../manifests/yaml.js';

/** uWSGI settings that name what runs, or where; each becomes `--key value`. */
const UWSGI_KEYS: ReadonlySet<string> = new Set(['module', 'wsgi', 'wsgi-file', 'file', 'mount', 'chdir', 'pythonpath', 'callable']);

/**
 * `%d` is the config file's own folder, `%p` its path; written repo-anchored so the analyser
 * places them. Other magic variables and `$(ENV)` stay as they are, and so stay unresolved.
 */
const uwsgiMagic = (value: string, configPath: string): string => {
  const dir = configPath.includes('/') ? configPath.slice(0, configPath.lastIndexOf('/')) : '';
  const root = '$(git rev-parse --show-toplevel)';
  return value.replace(/%d\/?/g, `${root}/${dir}${dir === '' ? '' : '/'}`).replace(/%p/g, `${root}/${configPath}`);
};

const uwsgiWord = (value: string, configPath: string): string => {
  const magic = uwsgiMagic(value, configPath);
  return magic === value ? quoteWord(value) : `"${magic.replace(/"/g, '\\"')}"`;
};

/** What a config says about the app: `options` for the analyser ('' when nothing), `shown` for evidence. */
export interface ServerSettings {
  options: string;
  shown: string;
}

const fromPairs = (pairs: [string, string][], configPath: string): ServerSettings => {
  const words: string[] = [];
  const shown: string[] = [];
  for (const [key, value] of pairs) {
    if (!UWSGI_KEYS.has(key) || value.trim() === '') continue;
    words.push(`--${key}`, uwsgiWord(value.trim(), configPath));
    shown.push(`${key} = ${value.trim()}`);
  }
  return { options: words.join(' '), shown: shown.join(', ') };
};

/** `[uwsgi]` of an ini file, or the `uwsgi:` map of a YAML one, as uwsgi options. */
export const readUwsgiConfig = (text: string, configPath: string): ServerSettings => {
  if (/\.ya?ml$/.test(configPath)) {
    const pairs: [string, string][] = [];
    for (const y of parseYamlFile(text, configPath).docs) {
      for (const [key, node] of y.entries(y.get(y.root, 'uwsgi'))) {
        const values = y.isSeq(node) ? y.items(node).map((n) => y.str(n)) : [y.str(node)];
        for (const v of values) if (v !== undefined) pairs.push([key, v]);
      }
    }
    return fromPairs(pairs, configPath);
  }
  const doc = parseIni(text, CONFIGPARSER_DIALECT);
  const pairs = doc.sections.filter((s) => s.name === 'uwsgi').flatMap((s) => s.entries.map((e): [string, string] => [e.key, e.value]));
  return fromPairs(pairs, configPath);
};

/** A top-level `name = "literal"` in a Python config file. */
const pythonSetting = (text: string, name: string): string | undefined => {
  let found: string | undefined;
  for (const m of codeMatches(text, new RegExp(`^${name}\\s*=\\s*`, 'm'))) {
    const end = text.indexOf('\n', m.index);
    const literal = stringLiterals(text, m.index + m[0].length, end < 0 ? text.length : end)[0];
    if (literal && literal.offset === m.index + m[0].length) found = literal.value;
  }
  return found;
};

/** gunicorn.conf.py's `wsgi_app` and `chdir`, as gunicorn options (none when it names no app). */
export const readGunicornConfig = (text: string): ServerSettings => {
  const app = pythonSetting(text, 'wsgi_app');
  if (app === undefined) return { options: '', shown: '' };
  const chdir = pythonSetting(text, 'chdir');
  return {
    options: [...(chdir ? ['--chdir', quoteWord(chdir)] : []), quoteWord(app)].join(' '),
    shown: [...(chdir ? [`chdir = "${chdir}"`] : []), `wsgi_app = "${app}"`].join(', '),
  };
};

/**
 * tox environments (tox.ini `[testenv]`, `[testenv:name]`): each line of `commands`,
 * `commands_pre` and `commands_post` is a command run from `changedir` (else the tox.ini's
 * folder). A command that starts a test runner is a test command (tox runs the test suite), any
 * other tooling. tox's substitutions are filled where they are fixed (`{toxinidir}`,
 * `{envpython}`, `{envbindir}/`, `{posargs:default}`); one census cannot fill is a warning
 * naming the line. A leading `-` (ignore the exit code) is dropped.
 */
import { warning } from '../util/diagnostics.js';
import { CONFIGPARSER } from '../manifests/ini.js';
import { dirname, joinRepo } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { testOrTooling } from './support/test-runner-kind.js';
import { emptyOutput, type EntryDetector } from './types.js';

const KEYS = ['commands_pre', 'commands', 'commands_post'];

const substitute = (text: string): string =>
  text
    .replace(/\{posargs(?::([^{}]*))?\}/g, (_w, d?: string) => d ?? '')
    .replace(/\{toxinidir\}\/?/g, './')
    .replace(/\{envpython\}/g, 'python')
    .replace(/\{env(?:bin|dir)dir\}\//g, '')
    .replace(/\{\/\}/g, '/');

const toxIni: EntryDetector = {
  id: 'tox-ini',
  title: 'tox environments (tox.ini commands, changedir)',
  matches: (path, name) => name === 'tox.ini',
  candidates: { names: ['tox.ini'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const doc = ctx.manifests.get(file.path, CONFIGPARSER);
    if (!doc) return out;
    const dir = dirname(file.path);
    for (const section of doc.sections) {
      if (section.name !== 'testenv' && !section.name.startsWith('testenv:')) continue;
      const changedir = section.entries.find((e) => e.key === 'changedir')?.value.trim();
      const cwd = (changedir ? joinRepo(dir, substitute(changedir).replace(/^\.\//, '')) : null) ?? dir;
      for (const entry of section.entries.filter((e) => KEYS.includes(e.key))) {
        // A line ending in a backslash goes on on the next one.
        const lines: { text: string; line: number }[] = [];
        for (const part of entry.parts) {
          const prev = lines.at(-1);
          if (prev && prev.text.endsWith('\\')) prev.text = `${prev.text.slice(0, -1)} ${part.text.trim()}`;
          else lines.push({ text: part.text.trim(), line: part.line });
        }
        for (const { text, line } of lines) {
          if (text === '' || text.startsWith('#')) continue;
          const command = substitute(text.replace(/^-\s*/, ''));
          if (/\{[^{}]*\}/.test(command)) {
            out.diagnostics.push(warning('tox-ini/substitution', `[${section.name}] ${entry.key}: a tox substitution census does not fill (${command.slice(0, 80)})`, file.path, line));
            continue;
          }
          addCommand(out, command, { cwd, kind: testOrTooling(command), evidence: `tox ${file.path} [${section.name}] ${entry.key}`, line });
        }
      }
    }
    return out;
  },
};

export default toxIni;

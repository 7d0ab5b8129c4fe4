/**
 * Crontabs: the command after the five time fields (or @daily, @reboot, …) runs in production.
 * System crontabs (files under cron.d/, or an etc/crontab, or a file whose comments say it goes
 * there: "This goes in /etc/cron.d/") have a user field before the command; user crontabs
 * (`crontab -e`, deploy/crontab) do not, except that a first word `root` is read as the user. A `%` ends the command (the rest is its stdin), as cron does. cron starts commands
 * in the user's home folder, which census cannot see: they are read from the repo root, with
 * the deploy folders the repo's service units declare mapped back (support/known-deploy-dirs.ts).
 * A script in `cron.hourly/`, `cron.daily/`, `cron.weekly/` or `cron.monthly/` is run as a whole by
 * cron's `run-parts` (Debian's /etc/crontab): the script is the production entry, read like any script.
 */
import { warning } from '../util/diagnostics.js';
import { basename, extname } from '../util/path.js';
import { RUN_PARTS_NAME } from './support/filesystem-root.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { knownDeployDirs } from './support/known-deploy-dirs.js';
import { splitLines } from '../util/lines.js';
import { emptyOutput, type EntryDetector } from './types.js';

const NICKNAMES = new Set(['@reboot', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const TIME_FIELD = /^[\d*,/\-A-Za-z?LW#]+$/;
const ENV_LINE = /^[A-Za-z_][\w]*\s*=/;
/** Files in a cron folder that are crontabs: no extension, or a crontab-ish one (not scripts). */
const CRON_FOLDER_FILE = /(^|\/)(cron\.d|cron|crontabs?)\/[^/]+$/;
const TABLE_EXTENSIONS = new Set(['', '.cron', '.crontab', '.tab', '.txt', '.conf']);

/** A comment that says where the file is installed: `# This goes in /etc/cron.d/.` */
const SYSTEM_TABLE_COMMENT = /^\s*#.*\/etc\/(?:cron\.d\b|crontab\b)/m;

const hasUserField = (path: string, text: string): boolean =>
  /(^|\/)cron\.d\//.test(path) || /(^|\/)etc\/crontab$/.test(path) || SYSTEM_TABLE_COMMENT.test(text);

/** The unescaped `%` starts the command's stdin; `\%` is a literal percent. */
const cutAtPercent = (command: string): string => {
  const m = /(^|[^\\])%/.exec(command);
  const cut = m ? command.slice(0, m.index + m[1].length) : command;
  return cut.replace(/\\%/g, '%').trim();
};

/** What run-parts runs from a periodic cron folder: a run-parts name (support/filesystem-root.ts). */
const RUN_PARTS_SCRIPT = new RegExp(`(?:^|/)cron\\.(hourly|daily|weekly|monthly)/(${RUN_PARTS_NAME})$`);

export const isRunPartsScript = (path: string): boolean => path.includes('cron.') && RUN_PARTS_SCRIPT.test(path);

export const isCrontab = (path: string): boolean => {
  if (!path.includes('cron')) return false;
  const name = basename(path);
  if (name === 'crontab' || /\.(cron|crontab)$/.test(name)) return true;
  return CRON_FOLDER_FILE.test(path) && TABLE_EXTENSIONS.has(extname(name));
};

const crontab: EntryDetector = {
  id: 'crontab',
  title: 'crontabs and run-parts folders (cron.d, crontab, cron.daily/…)',
  matches: (path) => isCrontab(path) || isRunPartsScript(path),
  detect: (file, ctx) => {
    const out = emptyOutput();
    const periodic = RUN_PARTS_SCRIPT.exec(file.path);
    if (periodic) {
      out.entries.push(fileEntry(file.path, 'production', `cron runs ${file.path} ${periodic[1]} (run-parts cron.${periodic[1]})`));
      return out;
    }
    const userField = hasUserField(file.path, file.text);
    splitLines(file.text).forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#') || ENV_LINE.test(line)) return;
      const words = line.split(/\s+/);
      const timeFields = NICKNAMES.has(words[0]) ? 1 : 5;
      const schedule = words.slice(0, timeFields);
      if (timeFields === 5 && (words.length < 5 || !schedule.every((f) => TIME_FIELD.test(f)))) {
        out.diagnostics.push(warning('crontab/bad-line', `not a crontab line (five time fields or @daily, then a command): ${line.slice(0, 60)}`, file.path, i + 1));
        return;
      }
      const skip = timeFields + (userField || words[timeFields] === 'root' ? 1 : 0);
      const command = cutAtPercent(line.replace(new RegExp(`^(\\S+\\s+){${skip}}`), ''));
      if (words.length <= skip || command === '') {
        out.diagnostics.push(warning('crontab/bad-line', `crontab line without a command: ${line.slice(0, 60)}`, file.path, i + 1));
        return;
      }
      addCommand(out, command, { cwd: '', pathMap: knownDeployDirs(ctx), kind: 'production', evidence: `cron ${file.path} "${schedule.join(' ')}"`, line: i + 1 });
    });
    return out;
  },
};

export default crontab;

/**
 * Stop 49: commands a YAML configuration a package installs under /etc names by absolute path.
 * patroni's etc/patroni/config.yml.in (the template usr/bin/pg_createconfig_patroni fills in):
 *
 *     bootstrap:
 *       pg_createcluster:
 *         command: /usr/share/patroni/pg_createcluster_patroni
 *
 * The program that reads the configuration runs the command (patroni runs a custom bootstrap or
 * replica-creation method's `command`), so the script is a production command, as a systemd unit's
 * ExecStart is. Only a file in a filesystem tree's `etc/` (`.yml`, `.yaml`, or a `.in` template of
 * one), only a `command` key or a `*_command` / `*-command` one, and only a value whose program is an
 * absolute path: it is placed below the filesystem tree the file lies in (util/filesystem-tree.ts'
 * one rule: `/usr/share/x` is the tree's `usr/share/x`). A file in a folder kept as a test fixture or
 * an example (`etc/app/examples/`) installs nothing.
 */
import { splitLines } from '../util/lines.js';
import { dirname } from '../util/path.js';
import { installsNothing } from '../util/installs-nothing.js';
import { inFilesystemTree } from '../util/filesystem-tree.js';
import { filesystemRoot } from './support/filesystem-root.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** A YAML file (or its .in template) in an etc/ folder. */
const ETC_YAML = /(?:^|\/)etc\/(?:.+\/)?[^/]+\.ya?ml(?:\.in)?$/;
/**
 * `command: /abs/program args`, also as a list item, quoted or not: the value runs greedily to a quote,
 * `#` or the line's end (trimmed in code), so a run of blanks costs one pass, not a backtrack per blank.
 */
const COMMAND = /^\s*(?:-\s+)?(?:command|[A-Za-z][\w-]*[_-]command)\s*:[ \t]*(['"]?)(\/[^'"#\n]*)/;
/** Longest configuration read. */
const MAX_TEXT = 1_000_000;
/** Longest line read: a configuration's command is a line, not a kilobyte run. */
const MAX_LINE = 4096;

const etcConfigCommands: EntryDetector = {
  id: 'etc-config-commands',
  title: 'commands an installed YAML configuration names by absolute path (etc/**/*.yml command:)',
  matches: (path, name) => /\.ya?ml(?:\.in)?$/.test(name) && path.includes('etc/') && ETC_YAML.test(path),
  candidates: { extensions: ['yml', 'yaml', 'in'] },
  detect: (file) => {
    const out = emptyOutput();
    const tree = inFilesystemTree(file.path, '/');
    if (tree === null || installsNothing(dirname(file.path)) || file.text.length > MAX_TEXT || !file.text.includes('command')) return out;
    const pathMap = [filesystemRoot(file.path, tree.tree.replace(/\/$/, ''), 'the program reading this configuration finds it in /etc')];
    splitLines(file.text).forEach((raw, i) => {
      const m = raw.length > MAX_LINE ? null : COMMAND.exec(raw);
      if (m === null) return;
      // After the value: its closing quote (if it opened with one), blanks, a comment.
      const rest = raw.slice(m[0].length);
      if (m[1] !== '' ? !rest.startsWith(m[1]) || !/^\s*(?:#.*)?$/.test(rest.slice(1)) : !/^(?:#.*)?$/.test(rest)) return;
      addCommand(out, m[2].trim(), { cwd: '', pathMap, kind: 'production', evidence: `the command key of ${file.path}:${i + 1} (a configuration installed under /etc: the program reading it runs it)`, line: i + 1 });
    });
    return out;
  },
};

export default etcConfigCommands;

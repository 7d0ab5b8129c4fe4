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
 *
 * Stop 62: a Jinja template of a configuration the app renders and hands to a program, anywhere in
 * the filesystem tree (octavia's common/jinja/haproxy/combined_listeners/templates/macros.j2:374
 * `external-check command /var/lib/octavia/ping-wrapper.sh`, which haproxy runs for each ping health
 * check; the Debian package installs var/lib/octavia/ping-wrapper.sh). A line's `command` word (or a
 * `*_command`/`*-command` key), then an optional `:` or `=`, then an absolute path: the program, up
 * to a blank or a quote. A path the template computes (`/var/{{ x }}/run`) is none, nor a line the
 * rendered configuration comments out (`#`, `;`, `//`) or a Jinja comment (`{# … #}`).
 */
import { splitLines } from '../util/lines.js';
import { dirname } from '../util/path.js';
import { installsNothing } from '../util/installs-nothing.js';
import { filesystemTreeOf, inFilesystemTree } from '../util/filesystem-tree.js';
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
/** A Jinja template (Stop 62): read anywhere in a filesystem tree, not only below etc/. */
const TEMPLATE = /\.(?:j2|jinja2?)$/;
/**
 * `external-check command /abs/program`, `command: "/abs/program"`, `notify_command=/abs/x`: the
 * program is the path alone (what follows is often computed by the template), and must not run on
 * into a Jinja expression (`/var/{{ x }}`).
 */
const TEMPLATE_COMMAND = /(?:^|[\s"'])(?:[A-Za-z][\w-]*[_-])?command(?:\s*[:=][ \t]*|[ \t]+)(['"]?)(\/[\w.+-]+(?:\/[\w.+-]+)*)(?![\w.+\/{-])/i;
/** A line the rendered configuration comments out. */
const COMMENT_LINE = /^\s*(?:#|;|\/\/)/;
/** Longest configuration read. */
const MAX_TEXT = 1_000_000;
/** Longest line read: a configuration's command is a line, not a kilobyte run. */
const MAX_LINE = 4096;

/** Stop 62: the programs a Jinja template in a filesystem tree names after a command key (see the top). */
const templateCommands = (path: string, text: string): ReturnType<typeof emptyOutput> => {
  const out = emptyOutput();
  const tree = inFilesystemTree(path, '/');
  if (tree === null || installsNothing(dirname(path)) || text.length > MAX_TEXT || !/command/i.test(text)) return out;
  const pathMap = [filesystemRoot(path, tree.tree.replace(/\/$/, ''), 'the app rendering this template writes a configuration for a program of this system')];
  let inComment = false;
  splitLines(text).forEach((raw, i) => {
    if (raw.length > MAX_LINE) return;
    // Jinja comments, which may span lines, render to nothing.
    let line = '';
    for (let at = 0; at < raw.length; ) {
      const mark = raw.indexOf(inComment ? '#}' : '{#', at);
      if (!inComment) line += raw.slice(at, mark === -1 ? raw.length : mark);
      if (mark === -1) break;
      inComment = !inComment;
      at = mark + 2;
    }
    if (COMMENT_LINE.test(line)) return;
    const m = TEMPLATE_COMMAND.exec(line);
    if (m === null) return;
    addCommand(out, m[2], { cwd: '', pathMap, kind: 'production', evidence: `the command named in the template ${path}:${i + 1} (the app renders it into a configuration, and the program reading that runs the command)`, line: i + 1 });
  });
  return out;
};

const etcConfigCommands: EntryDetector = {
  id: 'etc-config-commands',
  title: 'commands an installed YAML configuration or a Jinja template names by absolute path (etc/**/*.yml command:, *.j2 command)',
  matches: (path, name) => (/\.ya?ml(?:\.in)?$/.test(name) && path.includes('etc/') && ETC_YAML.test(path)) || (TEMPLATE.test(name) && filesystemTreeOf(path) !== null),
  candidates: { extensions: ['yml', 'yaml', 'in', 'j2', 'jinja', 'jinja2'] },
  detect: (file) => {
    if (TEMPLATE.test(file.path)) return templateCommands(file.path, file.text);
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

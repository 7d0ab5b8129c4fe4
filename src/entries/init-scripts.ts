/**
 * Init scripts: SysV (`etc/init.d/<name>`, `rc.d/`) and OpenRC (`#!/sbin/openrc-run`). The script
 * is started by the init system in production; a SysV script's own commands (`start-stop-daemon
 * --start --exec …`) are read like any shell script's. An OpenRC script mostly declares what runs:
 * `command=`, `command_args=` and `directory=` make one command line, run from that folder
 * (mapped back into the repo by the deploy-folder rule).
 */
import { startState } from '../commandline/expand.js';
import { daemonStarted } from '../commandline/launchers/start-stop-daemon.js';
import { parseShell } from '../commandline/parse.js';
import { mapAbsolute } from '../commandline/paths.js';
import { type Value, literal } from '../commandline/value.js';
import { walkScript } from '../commandline/walk.js';
import { installsNothing } from '../util/installs-nothing.js';
import { filesystemRoot } from './support/filesystem-root.js';
import { mapDeployDir } from './support/deploy-dir.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { splitLines } from '../util/lines.js';
import { emptyOutput, type EntryDetector } from './types.js';

const INIT_SCRIPT = /(?:^|\/)(?:init\.d|rc\.d|openrc)\/[^/]+$/;
const SETTING = /^\s*(command|command_args|directory)=(?:"([^"]*)"|'([^']*)'|(\S*))\s*$/;

/** An init script where the init system reads it in a filesystem tree (`etc/init.d/`, `usr/local/etc/rc.d/`): the folder above is the tree's root. */
const IN_FILESYSTEM = /^(.*?)(?:usr\/(?:local\/)?)?etc\/(?:init\.d|rc\.d)\/[^/]+$/;

/** `-c /etc/app/config.py`, `--config=/etc/app/config.py`: an option's value among a daemon's arguments. */
const optionValues = (args: readonly Value[]): { option: string; value: string }[] => {
  const out: { option: string; value: string }[] = [];
  args.forEach((a, i) => {
    const t = literal(a);
    if (t === null) return;
    const glued = /^(--[A-Za-z][\w-]*)=(.+)$/.exec(t);
    if (glued) out.push({ option: glued[1], value: glued[2] });
    const before = i > 0 ? literal(args[i - 1]) : null;
    if (before !== null && before !== '--' && /^-[A-Za-z-]/.test(before) && !before.includes('=')) out.push({ option: before, value: t });
  });
  return out;
};

/**
 * Python files a SysV script's daemon is handed as an option's value: `start-stop-daemon --start
 * --exec $DAEMON -- -c $CONFIGFILE` with `CONFIGFILE=/etc/$NAME/config-template.py` (errbot's
 * init script, :21 and :46). A daemon given a Python source file as an option loads it (errbot
 * execs its config module, gunicorn its `-c` config): the file, an absolute path the tree holds,
 * is a production root. The script is walked as the shell runs it (commandline/walk.ts: comments
 * skipped, `\` lines joined, its variables expanded, `$DAEMON_ARGS` split into words);
 * start-stop-daemon's own options are read as its launcher reads them. Absolute paths lie below
 * the filesystem tree's root (`etc/init.d/` → the folder above `etc/`, else the repo root); a
 * script kept as a test's fixture, an example or documentation installs nothing.
 */
const daemonPythonFiles = (script: string, text: string, files: ReadonlySet<string>): { target: string; evidence: string; line: number }[] => {
  const out: { target: string; evidence: string; line: number }[] = [];
  if (!text.includes('start-stop-daemon') || installsNothing(script.slice(0, script.lastIndexOf('/') + 1))) return out;
  const root = IN_FILESYSTEM.exec(script)?.[1].replace(/\/$/, '') ?? '';
  const pathMap = [filesystemRoot(script, root, 'the init system reads scripts')];
  walkScript(parseShell(text).script, startState(), (visited) => {
    const name = literal(visited.argv[0]);
    if (name !== 'start-stop-daemon' && !name?.endsWith('/start-stop-daemon')) return;
    const started = daemonStarted(visited.argv.slice(1));
    if (started === null) return;
    for (const { option, value } of optionValues(started.args)) {
      if (!value.startsWith('/') || !value.endsWith('.py')) continue;
      const target = mapAbsolute(value, pathMap);
      if (target === null || !files.has(target)) continue;
      const line = visited.command.line;
      out.push({ target, evidence: `${script}:${line} (start-stop-daemon … -- ${option} ${value}): the daemon loads the Python file it is given`, line });
    }
  });
  return out;
};

const initScripts: EntryDetector = {
  id: 'init-scripts',
  title: 'SysV and OpenRC init scripts (init.d/, rc.d/, openrc-run)',
  matches: (path) => (path.includes('.d/') || path.includes('openrc/')) && INIT_SCRIPT.test(path) && !/\.(md|txt|rst|conf)$/.test(path),
  detect: (file, ctx) => {
    const out = emptyOutput();
    const lines = splitLines(file.text);
    const openrc = /^#!\S*openrc-run\b/.test(lines[0] ?? '');
    out.entries.push(fileEntry(file.path, 'production', `${openrc ? 'OpenRC' : 'SysV init'} script ${file.path}`));
    if (!openrc) {
      for (const loaded of daemonPythonFiles(file.path, file.text, ctx.files)) out.entries.push(fileEntry(loaded.target, 'production', loaded.evidence, loaded.line));
      return out;
    }
    const settings = new Map<string, { value: string; line: number }>();
    lines.forEach((l, i) => {
      const m = SETTING.exec(l);
      if (m) settings.set(m[1], { value: m[2] ?? m[3] ?? m[4] ?? '', line: i + 1 });
    });
    const command = settings.get('command');
    if (!command || command.value === '') return out;
    const directory = settings.get('directory')?.value;
    const { cwd, pathMap } = directory ? mapDeployDir(directory, ctx.files) : { cwd: '', pathMap: [] };
    const args = settings.get('command_args')?.value ?? '';
    addCommand(out, `${command.value} ${args}`.trim(), { cwd, pathMap, kind: 'production', evidence: `OpenRC ${file.path} command`, line: command.line });
    return out;
  },
};

export default initScripts;

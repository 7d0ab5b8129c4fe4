/**
 * Init scripts: SysV (`etc/init.d/<name>`, `rc.d/`) and OpenRC (`#!/sbin/openrc-run`). The script
 * is started by the init system in production; a SysV script's own commands (`start-stop-daemon
 * --start --exec …`) are read like any shell script's. An OpenRC script mostly declares what runs:
 * `command=`, `command_args=` and `directory=` make one command line, run from that folder
 * (mapped back into the repo by the deploy-folder rule).
 */
import { mapDeployDir } from './support/deploy-dir.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { splitLines } from '../util/lines.js';
import { emptyOutput, type EntryDetector } from './types.js';

const INIT_SCRIPT = /(?:^|\/)(?:init\.d|rc\.d|openrc)\/[^/]+$/;
const SETTING = /^\s*(command|command_args|directory)=(?:"([^"]*)"|'([^']*)'|(\S*))\s*$/;

/** `NAME=value` at a line's start (a plain shell assignment: quoted or one word). */
const ASSIGNMENT = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"$`]*(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?[^"$`]*)*)"|'([^']*)'|([^\s;'"`]*))\s*(?:#.*)?$/;
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Python files a SysV script's daemon is handed as an option's value: `start-stop-daemon --start
 * --exec $DAEMON -- -c $CONFIGFILE` with `CONFIGFILE=/etc/$NAME/config-template.py` (errbot's
 * init script, :21 and :46). A daemon given a Python source file as an option loads it (errbot
 * execs its config module, gunicorn its `-c` config): the file, an absolute path the tree holds,
 * is a production root. The script's plain assignments are expanded (each once, in order); a
 * word that still holds a `$` names nothing.
 */
const daemonPythonFiles = (script: string, lines: readonly string[], files: ReadonlySet<string>): { target: string; evidence: string; line: number }[] => {
  const vars = new Map<string, { value: string; line: number }>();
  const expand = (word: string): string | null => {
    const value = word.replace(VARIABLE, (_, a: string | undefined, b: string | undefined) => vars.get(a ?? b ?? '')?.value ?? '$');
    return value.includes('$') ? null : value;
  };
  const out: { target: string; evidence: string; line: number }[] = [];
  lines.forEach((l, i) => {
    const assigned = ASSIGNMENT.exec(l);
    if (assigned) {
      const value = assigned[3] ?? expand(assigned[2] ?? assigned[4] ?? '');
      if (value !== null) vars.set(assigned[1], { value, line: i + 1 });
      return;
    }
    if (!/\bstart-stop-daemon\b/.test(l) || !/\s--start\b|\s-S\b/.test(l)) return;
    const args = l.split(/\s--\s/)[1];
    if (args === undefined) return;
    const words = args.trim().split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
    for (let w = 1; w < words.length; w++) {
      if (!words[w - 1].startsWith('-')) continue;
      const path = expand(words[w]);
      const target = path?.startsWith('/') && path.endsWith('.py') ? path.slice(1) : null;
      if (target === null || !files.has(target)) continue;
      const via = [...words[w].matchAll(VARIABLE)].map((v) => vars.get(v[1] ?? v[2]!)).filter((v) => v !== undefined);
      const how = via.length > 0 ? `, ${words[w]} set at line ${via.map((v) => v.line).join(', ')}` : '';
      out.push({ target, evidence: `${script}:${i + 1} (start-stop-daemon … -- ${words[w - 1]} ${path}${how}): the daemon loads the Python file it is given`, line: i + 1 });
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
      for (const loaded of daemonPythonFiles(file.path, lines, ctx.files)) out.entries.push(fileEntry(loaded.target, 'production', loaded.evidence, loaded.line));
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

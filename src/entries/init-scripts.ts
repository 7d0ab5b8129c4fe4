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

const initScripts: EntryDetector = {
  id: 'init-scripts',
  title: 'SysV and OpenRC init scripts (init.d/, rc.d/, openrc-run)',
  matches: (path) => (path.includes('.d/') || path.includes('openrc/')) && INIT_SCRIPT.test(path) && !/\.(md|txt|rst|conf)$/.test(path),
  detect: (file, ctx) => {
    const out = emptyOutput();
    const lines = splitLines(file.text);
    const openrc = /^#!\S*openrc-run\b/.test(lines[0] ?? '');
    out.entries.push(fileEntry(file.path, 'production', `${openrc ? 'OpenRC' : 'SysV init'} script ${file.path}`));
    if (!openrc) return out;
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

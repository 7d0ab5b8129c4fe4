/**
 * Grunt loads task files from folders: `grunt.loadTasks('tasks')` requires every `.js` file directly
 * in that folder (relative to the Gruntfile's, where grunt runs); load-grunt-config
 * (`require('load-grunt-config')(grunt, { configPath: … })`) reads one config file per task from
 * `grunt/` by default; and sails-hook-grunt's `loadGruntTasks(__dirname, grunt)` (a Sails app's
 * Gruntfile) requires `tasks/config/*.js` and `tasks/register/*.js`. Nothing imports those files,
 * so they looked dead. Each is a reference from the Gruntfile, which carries the kind of whatever
 * runs grunt (tool-configs.ts makes it a root).
 */
import { pathsInDir, pathsNamedLike } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { fileReference } from './support.js';

const GRUNTFILE = /^gruntfile\.[cm]?[jt]s$/i;
const TASK_FILE = /\.(?:c?js|coffee)$/;
const LOAD_TASKS = /\bloadTasks\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`)/g;
const LOAD_GRUNT_CONFIG = /require\(\s*["']load-grunt-config["']\s*\)/;
const CONFIG_PATH = /\bconfigPath\s*:\s*(?:path\s*\.\s*join\(\s*(?:__dirname|process\.cwd\(\))\s*,\s*)?(?:"([^"\n]*)"|'([^'\n]*)'|`([^`$\n]*)`)/;
const SAILS_LOADER = /require\(\s*["']sails-hook-grunt\/accessible\/load-grunt-tasks["']\s*\)/;

const gruntfiles = (ctx: FrameworkContext): string[] => pathsNamedLike(ctx.files, { stems: ['gruntfile'] }, 'sorted').filter((f) => GRUNTFILE.test(basename(f)) && !f.includes('node_modules/'));

const collectGruntfile = (ctx: FrameworkContext, gruntfile: string, out: FrameworkOutput) => {
  const text = ctx.readText(gruntfile) ?? '';
  const dir = dirname(gruntfile);
  const folder = (path: string, line: number, how: string) => {
    const joined = joinRepo(dir, path.replace(/^\.\//, '').replace(/\/+$/, ''));
    if (joined === null) return;
    for (const file of pathsInDir(ctx.files, joined)) {
      if (TASK_FILE.test(file)) out.references.push(fileReference(gruntfile, file, line, `${gruntfile}:${line} ${how}`));
    }
  };
  for (const m of text.matchAll(LOAD_TASKS)) {
    const path = m[1] ?? m[2] ?? m[3];
    const line = lineAt(text, m.index);
    folder(path, line, `loads every task file of ${path}/ with grunt.loadTasks`);
  }
  const config = LOAD_GRUNT_CONFIG.exec(text);
  if (config) {
    const custom = CONFIG_PATH.exec(text);
    const path = custom ? (custom[1] ?? custom[2] ?? custom[3]) : 'grunt';
    const line = lineAt(text, (custom ?? config).index);
    folder(path, line, `reads a task config per file of ${path}/ with load-grunt-config`);
  }
  const sails = SAILS_LOADER.exec(text);
  if (sails) {
    const line = lineAt(text, sails.index);
    for (const sub of ['tasks/config', 'tasks/register']) folder(sub, line, `loads every file of ${sub}/ with sails-hook-grunt's load-grunt-tasks`);
  }
};

const grunt: FrameworkReader = {
  id: 'grunt',
  title: 'Grunt (task files a Gruntfile loads from folders)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = gruntfiles(ctx).find((f) => {
      const text = ctx.readText(f) ?? '';
      return text.includes('loadTasks(') || LOAD_GRUNT_CONFIG.test(text) || SAILS_LOADER.test(text);
    });
    return first ? `${first} loads task files from folders` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const f of gruntfiles(ctx)) collectGruntfile(ctx, f, out);
    return out;
  },
};

export default grunt;

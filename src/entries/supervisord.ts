/**
 * supervisord: each [program:x] (and [fcgi-program:x], [eventlistener:x]) `command=` runs in
 * production, in its `directory=` mapped back into the repo by the deploy-folder rule
 * (support/deploy-dir.ts). supervisord's own expansions are applied: %(here)s is the config
 * file's folder, %(program_name)s the program, %(process_num)d 0; %(ENV_X)s stays unexpanded.
 * Any *.conf is looked at, but only one with program sections is read as supervisord config.
 * A conf under a test folder (supervisor's own tests/fixtures/issue-1298.conf runs spew.py) is a
 * test's setup: what it runs is test, not production.
 */
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo, posix } from '../util/path.js';
import { mapDeployDir } from './support/deploy-dir.js';
import { TEST_FOLDER } from '../util/test-folder.js';
import { addCommand } from './support/inputs.js';
import { iniValue, SUPERVISORD_CONF } from '../manifests/ini.js';
import { emptyOutput, type EntryDetector } from './types.js';

const PROGRAM_SECTION = /^(program|fcgi-program|eventlistener):(.+)$/;

const expand = (value: string, vars: { here: string; program: string }): string =>
  value
    .replace(/%\(here\)s/g, vars.here)
    .replace(/%\(program_name\)s/g, vars.program)
    .replace(/%\(process_num\)0?\d*d/g, '0')
    .replace(/%%/g, '%');

const supervisord: EntryDetector = {
  id: 'supervisord',
  title: 'supervisord programs (command, directory)',
  matches: (path) => path.endsWith('.conf') || (path.endsWith('.ini') && path.includes('supervisor')),
  candidates: { extensions: ['conf', 'ini'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    if (!/^\s*\[(program|fcgi-program|eventlistener):/m.test(file.text)) return out;
    const doc = ctx.manifests.get(file.path, SUPERVISORD_CONF);
    if (!doc) return out;
    const confDir = dirname(file.path);
    const kind = TEST_FOLDER.test(file.path) ? 'test' : 'production';
    for (const section of doc.sections) {
      const m = PROGRAM_SECTION.exec(section.name);
      if (!m) continue;
      const program = m[2].trim();
      const command = iniValue(doc, section.name, 'command');
      if (!command) {
        out.diagnostics.push(warning('supervisord/no-command', `[${section.name}] has no command=`, file.path, section.line));
        continue;
      }
      const directory = iniValue(doc, section.name, 'directory')?.value;
      let cwd = '';
      let pathMap: { from: string; to: string }[] = [];
      if (directory?.includes('%(here)s')) cwd = joinRepo(expand(directory, { here: confDir || '.', program })) ?? '';
      else if (directory) ({ cwd, pathMap } = mapDeployDir(directory, ctx.files));
      const here = posix.relative(cwd, confDir) || '.';
      addCommand(out, expand(command.value.replace(/\n/g, ' '), { here, program }), {
        cwd,
        pathMap,
        kind,
        evidence: `supervisord ${file.path} ${m[1]} "${program}"`,
        line: command.line,
      });
    }
    return out;
  },
};

export default supervisord;

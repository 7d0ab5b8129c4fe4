/**
 * A uWSGI config file on its own: an ini with a `[uwsgi]` section is read by nothing but uWSGI, and
 * is where a deployment starts its app (`uwsgi --ini file`, the emperor's apps-enabled/ folder, an
 * init script that builds `--ini ${UWSGI_INI_PATH}` from variables census does not follow). The
 * file stands for the command `uwsgi --ini <file>`, so the one command analyser reads its
 * `module`, `wsgi-file`, `mount` and `chdir` as it does for a command line that names the config
 * (support/server-config.ts). A config in a filesystem tree (`etc/aodh/aodh-api-uwsgi.ini`) names
 * absolute paths of that tree (`wsgi-file = /usr/share/aodh-common/app.wsgi`): the tree's root is
 * `/` (support/filesystem-root.ts). Configs under tests, fixtures, examples or docs install nothing.
 */
import { inFilesystemTree } from '../util/filesystem-tree.js';
import { filesystemRoot } from './support/filesystem-root.js';
import { installsNothing } from '../util/installs-nothing.js';
import { addCommand } from './support/inputs.js';
import { quoteWord } from '../commandline/render.js';
import { lineAt } from '../util/lines.js';
import { dirname } from '../util/path.js';
import { emptyOutput, type EntryDetector } from './types.js';

const SECTION = /^[ \t]*\[uwsgi\][ \t]*$/m;

const uwsgiIni: EntryDetector = {
  id: 'uwsgi-ini',
  title: 'uWSGI config files ([uwsgi] section of an ini)',
  matches: (path, name) => name.endsWith('.ini'),
  candidates: { extensions: ['ini'] },
  detect: (file) => {
    const out = emptyOutput();
    const section = SECTION.exec(file.text);
    if (section === null) return out;
    const dir = dirname(file.path);
    if (installsNothing(dir)) return out;
    const tree = inFilesystemTree(file.path, '/');
    const pathMap = tree === null ? [] : [filesystemRoot(file.path, tree.tree.replace(/\/$/, ''), 'a filesystem tree keeps its config')];
    addCommand(out, `uwsgi --ini ${quoteWord(file.path.slice(dir === '' ? 0 : dir.length + 1))}`, {
      cwd: dir,
      pathMap,
      kind: 'production',
      evidence: `uWSGI config ${file.path} (its [uwsgi] section is what uwsgi --ini runs)`,
      line: lineAt(file.text, section.index),
    });
    return out;
  },
};

export default uwsgiIni;

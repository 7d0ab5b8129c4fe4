/**
 * Stop 60: libpeas plugin files. GNOME apps built on libpeas (Rhythmbox, gedit, Eye of GNOME, Totem,
 * pluma, xed…) find their plugins by listing their plugin folders for `*.plugin` files; a file whose
 * `[Plugin]` section says `Loader=python3` (or `python`) makes libpeas import the module its
 * `Module=` key names from the plugin file's own folder — `lyrics.py` or the package `lyrics/`
 * beside `usr/lib/x86_64-linux-gnu/rhythmbox/plugins/lyrics/lyrics.plugin`. The host that lists the
 * folder is a compiled program, often in another package, so nothing in the tree's code names the
 * module: the plugin file is the entry. A file with no `[Plugin]` section, another loader (`C` is
 * a shared library, `gjs`/`lua5.1` scripts census does not follow), a missing or path-like
 * `Module=`, or a module the folder does not hold gives no entry; files under tests, fixtures,
 * examples or docs install nothing.
 */
import { CONFIGPARSER_DIALECT, parseIni } from '../manifests/ini.js';
import { installsNothing } from '../util/installs-nothing.js';
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** The loaders that import a Python module (libpeas' python3 loader; `python` in older files). */
const PYTHON_LOADERS = new Set(['python3', 'python']);
/** A module name libpeas imports: a plain name, hyphens allowed (its importer takes any file name: rhythmbox's `Module=im-status`), no dots, no path. */
const MODULE_NAME = /^[A-Za-z_][\w-]*$/;

const libpeasPlugins: EntryDetector = {
  id: 'libpeas-plugins',
  title: 'libpeas plugin files (*.plugin with a [Plugin] section and a Python loader)',
  matches: (path, name) => name.endsWith('.plugin'),
  candidates: { extensions: ['plugin'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    if (!file.text.includes('[Plugin]')) return out;
    const dir = dirname(file.path);
    if (installsNothing(dir)) return out;
    const section = parseIni(file.text, CONFIGPARSER_DIALECT).sections.find((s) => s.name === 'Plugin');
    if (section === undefined) return out;
    const value = (key: string) => section.entries.find((e) => e.key === key);
    const loader = value('Loader');
    if (loader === undefined || !PYTHON_LOADERS.has(loader.value.trim().toLowerCase())) return out;
    const module = value('Module');
    const name = module?.value.trim() ?? '';
    if (module === undefined || !MODULE_NAME.test(name)) {
      out.diagnostics.push(warning('libpeas-plugins/no-module', `a Python plugin file without a plain Module= name (${name.slice(0, 60) || 'none'})`, file.path, module?.line ?? section.line));
      return out;
    }
    // libpeas imports the name from the plugin file's folder: a module file, else a package.
    const target = [joinRepo(dir, `${name}.py`), joinRepo(dir, `${name}/__init__.py`)].find((p) => p !== null && ctx.files.has(p));
    if (target === undefined || target === null) return out;
    out.entries.push(fileEntry(target, 'production', `libpeas plugin ${file.path} (Loader=${loader.value.trim()}, Module=${name}: the host app lists its plugin folder and imports the module beside the file)`, module.line));
    return out;
  },
};

export default libpeasPlugins;

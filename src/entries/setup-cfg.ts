/**
 * setup.cfg: [options.entry_points] groups (console_scripts, gui_scripts, plugin groups) as
 * production module entries (Stop 66: pbr's `[entry_points]` too, wsgi_scripts among them, when pbr
 * builds the project), and [options] scripts as production files.
 */
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo } from '../util/path.js';
import { CONFIGPARSER, iniValue } from '../manifests/ini.js';
import { parseEntryPointLine } from './support/python-entry-point.js';
import { addEntryPoint, addScriptFile } from './support/python-entries.js';
import { emptyOutput, type EntryDetector } from './types.js';

/**
 * Whether pbr builds the project: setup.cfg has a `[pbr]` section, or the setup.py beside it calls
 * `setup(…, pbr=True)`. pbr turns `[entry_points]` groups into launchers (console_scripts, and
 * wsgi_scripts: mistral's `mistral-wsgi-api = mistral.api.app:init_wsgi`, a script a WSGI server runs). Review of
 * stop 66: `pbr=True` after a `#` on its line (a project that moved off pbr) builds nothing.
 */
const usesPbr = (pbrSection: boolean, setupPy: string | null): boolean => pbrSection || (setupPy !== null && /^[^#\n]*\bpbr\s*=\s*True\b/m.test(setupPy));

const setupCfg: EntryDetector = {
  id: 'setup-cfg',
  title: 'setup.cfg (entry points, scripts)',
  matches: (path, name) => name === 'setup.cfg',
  candidates: { names: ['setup.cfg'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const doc = ctx.manifests.get(file.path, CONFIGPARSER);
    if (!doc) return out;
    // Stop 66: pbr (OpenStack's setup tool) reads its own `[entry_points]` section, setuptools does not; only with pbr in use.
    const setupPy = joinRepo(dirname(file.path), 'setup.py');
    const pbr = usesPbr(doc.sections.some((s) => s.name === 'pbr'), setupPy !== null && ctx.files.has(setupPy) ? ctx.manifests.text(setupPy) : null);
    for (const section of doc.sections.filter((s) => s.name === 'options.entry_points' || (pbr && s.name === 'entry_points'))) {
      const where = section.name === 'entry_points' ? `${file.path} [entry_points] (pbr)` : file.path;
      for (const group of section.entries) {
        // A group's value is one `name = module:attr` per line, starting on the key's line or the next.
        for (const { text, line } of group.parts) {
          const ep = parseEntryPointLine(text);
          if (!ep) {
            out.diagnostics.push(warning('python-packaging/bad-entry-point', `${group.key}: "${text}" is not "name = module:attribute"`, file.path, line));
            continue;
          }
          addEntryPoint(out, ep.reference, `${where} ${group.key} "${ep.name}"`, file.path, line);
        }
      }
    }
    const scripts = iniValue(doc, 'options', 'scripts');
    for (const { text, line } of scripts?.parts ?? []) {
      for (const script of text.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
        addScriptFile(out, dirname(file.path), script, `${file.path} [options] scripts`, file.path, line);
      }
    }
    return out;
  },
};

export default setupCfg;

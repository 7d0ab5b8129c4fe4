/**
 * setup.cfg: [options.entry_points] groups (console_scripts, gui_scripts, plugin groups) as
 * production module entries, and [options] scripts as production files.
 */
import { warning } from '../util/diagnostics.js';
import { dirname } from '../util/path.js';
import { CONFIGPARSER, iniValue } from '../manifests/ini.js';
import { parseEntryPointLine } from './support/python-entry-point.js';
import { addEntryPoint, addScriptFile } from './support/python-entries.js';
import { emptyOutput, type EntryDetector } from './types.js';

const setupCfg: EntryDetector = {
  id: 'setup-cfg',
  title: 'setup.cfg (entry points, scripts)',
  matches: (path, name) => name === 'setup.cfg',
  candidates: { names: ['setup.cfg'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const doc = ctx.manifests.get(file.path, CONFIGPARSER);
    if (!doc) return out;
    for (const section of doc.sections.filter((s) => s.name === 'options.entry_points')) {
      for (const group of section.entries) {
        // A group's value is one `name = module:attr` per line, starting on the key's line or the next.
        for (const { text, line } of group.parts) {
          const ep = parseEntryPointLine(text);
          if (!ep) {
            out.diagnostics.push(warning('python-packaging/bad-entry-point', `${group.key}: "${text}" is not "name = module:attribute"`, file.path, line));
            continue;
          }
          addEntryPoint(out, ep.reference, `${file.path} ${group.key} "${ep.name}"`, file.path, line);
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

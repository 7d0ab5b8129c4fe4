/**
 * Stop 61: an alembic.ini that is a template, its script_location a `str.format` placeholder filled
 * by the module beside it. jupyterhub 3.0 ships jupyterhub/alembic.ini with
 *
 *     [alembic]
 *     script_location = {alembic_dir}
 *
 * and jupyterhub/dbutil.py:20-21, 35-40, 84 fills it and runs the upgrade on the file it writes:
 *
 *     ALEMBIC_INI_TEMPLATE_PATH = os.path.join(_here, 'alembic.ini')
 *     ALEMBIC_DIR = os.path.join(_here, 'alembic')
 *     ... alembic_ini_tpl.format(alembic_dir=ALEMBIC_DIR, db_url=db_url) ...
 *     check_call(['alembic', '-c', alembic_ini, 'upgrade', revision])
 *
 * Read from text, never run: a `.py` file in the ini's folder that names the ini by a string literal
 * of its file name and has `NAME=EXPR` (the placeholder's name as a keyword) after a `.format(` on
 * the same line or the line above, EXPR a path census settles from the module's `__file__` (its
 * path constants, package-paths.ts). The folder EXPR names is the environment; the formatting
 * module runs its upgrade (alembic.ts makes the edge from it). A placeholder no module beside the
 * ini fills, or fills with a value census cannot settle (a parameter, the working folder), names
 * nothing.
 */
import { pathsInDir } from '../../util/file-index.js';
import { dirname } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { pathValue, repoPathOf } from '../../languages/python/sys-path.js';
import type { FrameworkContext } from '../types.js';
import { pathConstants } from './package-paths.js';

export interface FormattedLocation {
  /** The module that formats the template (and runs the upgrade on what it writes). */
  path: string;
  line: number;
  dir: string;
}

/** A whole-value `str.format` placeholder: `{alembic_dir}`. */
const PLACEHOLDER = /^\{([A-Za-z_]\w*)\}$/;
/** How many keyword arguments one filling may be read for in a module (a hostile file of them costs little). */
const MAX_FILLS = 50;

/** The placeholder's name when a script_location value is one, else null. */
export const placeholderOf = (value: string): string | null => PLACEHOLDER.exec(value.trim())?.[1] ?? null;

/** The folders the modules beside `ini` fill its `{name}` script_location with. */
export const formattedLocations = (ctx: FrameworkContext, ini: string, name: string): FormattedLocation[] => {
  const out: FormattedLocation[] = [];
  const folder = dirname(ini);
  const base = ini.slice(ini.lastIndexOf('/') + 1);
  const namesIni = new RegExp(`(["'])(?:[^"'\\n]*/)?${escapeRegExp(base)}\\1`);
  const keyword = new RegExp(`(?<![\\w.])${name}\\s*=(?!=)\\s*([^,()\\n]+(?:\\([^()\\n]*\\)[^,()\\n]*)*)`, 'g');
  for (const path of pathsInDir(ctx.files, folder)) {
    if (!path.endsWith('.py')) continue;
    const text = ctx.readText(path);
    if (text === null || !text.includes('.format(') || !namesIni.test(text)) continue;
    let fills = 0;
    for (const m of text.matchAll(keyword)) {
      if (++fills > MAX_FILLS) break;
      // The keyword must be an argument of a .format( call opened on its line or the line above.
      const lineStart = text.lastIndexOf('\n', m.index! - 1);
      const above = text.lastIndexOf('\n', Math.max(0, lineStart - 1));
      if (!text.slice(above + 1, m.index!).includes('.format(')) continue;
      const dir = repoPathOf(pathValue(m[1].trim(), path, pathConstants(ctx, path, text)));
      if (dir === null || out.some((o) => o.dir === dir)) continue;
      out.push({ path, line: lineAt(text, m.index!), dir });
    }
  }
  return out;
};

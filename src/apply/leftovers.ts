/**
 * Mentions of a moved or merged file that no edge or entry of the Audit accounts for (a task
 * runner's command in pyproject.toml, an editor's launch config, a CI step that greps for the
 * path): apply does not guess at them, it lists them so the reviewer can check each one.
 */
import type { Audit } from '../model/audit.js';
import { byString } from '../util/compare.js';
import { fromBinary, toBinary } from './spans.js';
import { escapeRegExp } from '../util/regexp.js';
import { pythonModuleParts } from './python-refs.js';
import type { PathMap } from './references.js';

const MAX_BYTES = 1_000_000;
const MAX_NOTES = 40;

/** Notes of the form `pyproject.toml:184 still says saleor.celeryconf (…)`, at most MAX_NOTES and a count. */
export const leftoverMentions = (audit: Audit, tracked: Iterable<string>, map: PathMap, read: (path: string) => Buffer | null, edited: ReadonlySet<string>): string[] => {
  const wanted: { old: string; to: string; re: RegExp }[] = [];
  for (const f of audit.files) {
    const to = map.redirect(f.path);
    if (to === null) continue;
    const forms = [escapeRegExp(toBinary(f.path))];
    if (/\.py$/.test(f.path) && !f.path.endsWith('__init__.py')) {
      const dotted = pythonModuleParts(f.path).join('.');
      if (dotted.includes('.')) forms.push(escapeRegExp(dotted));
    }
    wanted.push({ old: f.path, to, re: new RegExp(`(?<![\\w.-])(?:${forms.join('|')})(?![\\w/-]|\\.\\w)`) });
  }
  if (wanted.length === 0) return [];
  const notes: string[] = [];
  let more = 0;
  // Every tracked file, not only the audited ones: editor configs and other excluded folders hold commands too.
  for (const path of [...tracked].sort(byString)) {
    if (map.removed.has(path) || map.archived.has(path)) continue;
    const bytes = read(path);
    if (bytes === null || bytes.length > MAX_BYTES || bytes.subarray(0, 8000).includes(0)) continue;
    const f = { path };
    const text = bytes.toString('latin1');
    if (!wanted.some((w) => w.re.test(text))) continue;
    text.split('\n').forEach((line, i) => {
      if (edited.has(`${f.path}:${i + 1}`)) return;
      for (const w of wanted) {
        const m = w.old === f.path ? null : w.re.exec(line);
        if (m === null) continue;
        if (notes.length < MAX_NOTES) notes.push(`${f.path}:${i + 1} still says ${fromBinary(m[0])} (${w.old}, now ${w.to}) where census sees no reference it can rewrite: check it`);
        else more++;
      }
    });
  }
  if (more > 0) notes.push(`… and ${more} more such mention${more === 1 ? '' : 's'}`);
  return notes;
};

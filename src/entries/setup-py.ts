/**
 * setup.py, read without running it: the string literals of `entry_points=` (a dict of lists, a
 * `dict(...)` call, an INI-style string, or a variable assigned one of those in the same file)
 * and of `scripts=[...]`. Anything computed is out of reach and left alone.
 */
import { dirname } from '../util/path.js';
import { warning } from '../util/diagnostics.js';
import { lineOfOffset, lineStarts } from '../util/lines.js';
import { closingBracket, codeMatches, stringLiterals } from './support/python-literals.js';
import { parseEntryPointLine } from './support/python-entry-point.js';
import { addEntryPoint, addScriptFile } from './support/python-entries.js';
import { emptyOutput, type DetectorOutput, type EntryDetector } from './types.js';

interface Site {
  path: string;
  text: string;
  starts: number[];
  out: DetectorOutput;
}

const addReferenceLine = (site: Site, group: string, text: string, line: number) => {
  const ep = parseEntryPointLine(text);
  if (!ep) {
    site.out.diagnostics.push(warning('python-packaging/bad-entry-point', `${group}: "${text.trim()}" is not "name = module:attribute"`, site.path, line));
    return;
  }
  addEntryPoint(site.out, ep.reference, `${site.path} ${group} "${ep.name}"`, site.path, line);
};

/** `[console_scripts]\nname = mod:attr` inside one string literal. */
const readIniString = (site: Site, value: string, offset: number) => {
  let group = '';
  value.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) group = header[1].trim();
    else if (line !== '' && !line.startsWith('#') && group !== '') addReferenceLine(site, group, line, lineOfOffset(site.starts, offset) + i);
  });
};

/** `{'console_scripts': [...]}` or `dict(console_scripts=[...])` between start and end. */
const readDict = (site: Site, start: number, end: number) => {
  const region = site.text.slice(start, end);
  for (const m of codeMatches(region, /(?:(['"])([\w.-]+)\1\s*:|\b(\w+)\s*=)\s*([[(]|(['"]))/)) {
    const group = m[2] ?? m[3];
    const valueAt = start + m.index + m[0].length - 1;
    if (m[5]) {
      for (const s of stringLiterals(site.text, valueAt, valueAt + 1)) readIniString(site, s.value, s.offset);
      continue;
    }
    for (const s of stringLiterals(site.text, valueAt, closingBracket(site.text, valueAt))) addReferenceLine(site, group, s.value, lineOfOffset(site.starts, s.offset));
  }
};

/** The value after `entry_points=`: a literal, or the literal a same-file variable was assigned. */
const readEntryPoints = (site: Site, valueAt: number, depth = 0) => {
  const c = site.text[valueAt];
  if (c === '{' || c === '(') return readDict(site, valueAt, closingBracket(site.text, valueAt));
  if (site.text.startsWith('dict(', valueAt)) return readDict(site, valueAt + 4, closingBracket(site.text, valueAt + 4));
  if (c === '"' || c === "'") {
    for (const s of stringLiterals(site.text, valueAt, valueAt + 1)) readIniString(site, s.value, s.offset);
    return;
  }
  const name = /^[A-Za-z_]\w*/.exec(site.text.slice(valueAt))?.[0];
  if (!name || depth > 2) return;
  for (const m of codeMatches(site.text, new RegExp(`^${name}\\s*=\\s*`, 'm'))) readEntryPoints(site, m.index + m[0].length, depth + 1);
};

const setupPy: EntryDetector = {
  id: 'setup-py',
  title: 'setup.py (entry_points, scripts)',
  matches: (path, name) => name === 'setup.py',
  candidates: { names: ['setup.py'] },
  detect: (file) => {
    const out = emptyOutput();
    const site: Site = { path: file.path, text: file.text, starts: lineStarts(file.text), out };
    for (const m of codeMatches(file.text, /\bentry_points\s*=\s*/)) readEntryPoints(site, m.index + m[0].length);
    for (const m of codeMatches(file.text, /\bscripts\s*=\s*\[/)) {
      const open = m.index + m[0].length - 1;
      for (const s of stringLiterals(file.text, open, closingBracket(file.text, open))) {
        addScriptFile(out, dirname(file.path), s.value, `${file.path} scripts`, file.path, lineOfOffset(site.starts, s.offset));
      }
    }
    return out;
  },
};

export default setupPy;

/**
 * Declared dependencies in setuptools manifests: setup.cfg (`[options] install_requires`,
 * `setup_requires`, `tests_require`, `[options.extras_require]`, `file:` references) and setup.py
 * (literal `install_requires=[...]`, `extras_require={...}`, or a module-level list they name).
 * setup.py is read, never run: a computed list is reported as such.
 */
import type { IniDocument } from '../../../manifests/ini.js';
import { diagnostic, warning } from '../../../util/diagnostics.js';
import { dirname, joinRepo } from '../../../util/path.js';
import type { DeclaredSink } from './declared-sink.js';
import { readStringList, readStringListDict, type StringItem } from './python-literal.js';
import { requirementName } from './requirement.js';
import { readRequirementsFile } from './requirements-txt.js';
import { lineAt } from '../../../util/lines.js';

const addRequirement = (sink: DeclaredSink, file: string, item: StringItem, group?: string): void => {
  const r = requirementName(item.value);
  if ('error' in r) sink.diagnostics.push(warning('python-env/malformed-requirement', r.error, file, item.line));
  else if ('name' in r) sink.add(r.name, { file, line: item.line, ...(group ? { group } : {}) });
};

const SETUP_CFG_KEYS: Record<string, string | undefined> = {
  install_requires: undefined,
  setup_requires: 'setup',
  tests_require: 'test',
};

/** A value's lines as requirement strings: ` # comments` dropped, blank ones left out. */
const itemsOf = (parts: { text: string; line: number }[]): StringItem[] =>
  parts.map((p) => ({ value: p.text.replace(/\s+#.*$/, '').trim(), line: p.line })).filter((i) => i.value !== '');

const readSetupCfgValue = (
  file: string,
  section: string,
  rawKey: string,
  items: StringItem[],
  sink: DeclaredSink,
  readText: (path: string) => string | null,
  visited: Set<string>,
): void => {
  const key = rawKey.replace(/-/g, '_');
  let group: string | undefined;
  if (section === 'options' && key in SETUP_CFG_KEYS) group = SETUP_CFG_KEYS[key];
  else if (section === 'options.extras_require') group = rawKey;
  else return;
  for (const item of items) {
    const ref = /^file:\s*(.+)$/.exec(item.value);
    if (!ref) {
      addRequirement(sink, file, item, group);
      continue;
    }
    for (const target of ref[1].split(',').map((s) => s.trim()).filter(Boolean)) {
      const path = joinRepo(dirname(file), target);
      if (path === null || readText(path) === null) {
        sink.diagnostics.push(warning('python-env/missing-requirements-file', `file: ${target}: file not found`, file, item.line));
      } else readRequirementsFile(path, readText, sink, visited);
    }
  }
};

/** setup.cfg as the manifest store parsed it (configparser's rules, one parse per scan). */
export const readSetupCfg = (
  file: string,
  doc: IniDocument,
  sink: DeclaredSink,
  readText: (path: string) => string | null,
  visited: Set<string>,
): void => {
  for (const section of doc.sections) {
    for (const v of section.entries) readSetupCfgValue(file, section.name, v.key, itemsOf(v.parts), sink, readText, visited);
  }
};

const SETUP_PY_LISTS: Record<string, string | undefined> = {
  install_requires: undefined,
  setup_requires: 'setup',
  tests_require: 'test',
};

/** Index of the `[`/`(` that a keyword argument or a module-level name points at, or -1. */
const literalStart = (text: string, after: number): { index: number; name?: string } => {
  const m = /^['"]?\s*[=:]\s*([[({]|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(after, after + 200));
  if (!m) return { index: -1 };
  if (/^[[({]$/.test(m[1])) return { index: after + m[0].length - 1 };
  // `install_requires=REQUIREMENTS`: find `REQUIREMENTS = [` at the start of a line.
  const def = new RegExp(`^${m[1]}\\s*(?::[^=\\n]*)?=\\s*([[({])`, 'm').exec(text);
  return def ? { index: def.index + def[0].length - 1 } : { index: -1, name: m[1] };
};

export const readSetupPy = (file: string, text: string, sink: DeclaredSink): void => {
  for (const [kw, group] of Object.entries(SETUP_PY_LISTS)) {
    for (const m of text.matchAll(new RegExp(`\\b${kw}\\b`, 'g'))) {
      const start = literalStart(text, (m.index ?? 0) + kw.length);
      if (start.index < 0) {
        if (start.name !== undefined) {
          sink.diagnostics.push(diagnostic('python-env/computed-requirements', 'info', `${kw} is computed (${start.name}); not read`, file, lineAt(text, m.index ?? 0)));
        }
        continue;
      }
      const list = readStringList(text, start.index);
      for (const item of list.items) addRequirement(sink, file, item, group);
      if (!list.literal) {
        sink.diagnostics.push(diagnostic('python-env/computed-requirements', 'info', `${kw} is partly computed; only its literal strings were read`, file, lineAt(text, m.index ?? 0)));
      }
    }
  }
  for (const m of text.matchAll(/\bextras_require\b/g)) {
    const start = literalStart(text, (m.index ?? 0) + 'extras_require'.length);
    if (start.index < 0 || text[start.index] !== '{') continue;
    const dict = readStringListDict(text, start.index);
    for (const [group, items] of dict.groups) for (const item of items) addRequirement(sink, file, item, group);
  }
};

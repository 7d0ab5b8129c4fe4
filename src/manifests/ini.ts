/**
 * INI-style files with line numbers: systemd units (backslash continuations, repeated keys) and
 * Python configparser files — setup.cfg, tox.ini, pytest.ini, supervisord.conf (indented
 * continuation lines). Lines that are neither a section, a `key=value` nor a comment are
 * reported as problems, and reading goes on.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import { splitLines } from '../util/lines.js';
import { basename } from '../util/path.js';
import type { ManifestFormat } from './store.js';

export interface IniEntry {
  key: string;
  value: string;
  line: number;
  /** The value's physical lines (configparser continuations), blank ones left out. */
  parts: { text: string; line: number }[];
}

export interface IniSection {
  name: string;
  line: number;
  entries: IniEntry[];
}

export interface IniProblem {
  line: number;
  message: string;
}

export interface IniDocument {
  sections: IniSection[];
  problems: IniProblem[];
}

export interface IniDialect {
  /** systemd: a trailing backslash joins the next line. configparser: indented lines continue the value. */
  continuation: 'backslash' | 'indent';
  /** configparser accepts `key: value` as well as `key = value`. */
  colon: boolean;
  /** supervisord strips ` ;comment` at the end of a value. */
  inlineComments: boolean;
  /** Keys must look like this (systemd: letters, digits, dashes); anything else is a problem. */
  keyPattern?: RegExp;
}

export const SYSTEMD_DIALECT: IniDialect = { continuation: 'backslash', colon: false, inlineComments: false, keyPattern: /^[A-Za-z0-9_-]+$/ };
export const CONFIGPARSER_DIALECT: IniDialect = { continuation: 'indent', colon: true, inlineComments: false };
export const SUPERVISORD_DIALECT: IniDialect = { continuation: 'indent', colon: true, inlineComments: true };

const isComment = (line: string): boolean => /^\s*[#;]/.test(line);

const stripInlineComment = (value: string): string => value.replace(/\s+;.*$/, '');

export const parseIni = (text: string, dialect: IniDialect): IniDocument => {
  const lines = splitLines(text);
  const sections: IniSection[] = [];
  const problems: IniProblem[] = [];
  let section: IniSection | null = null;
  let last: IniEntry | null = null;
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && lines[lastContent].trim() === '') lastContent--;
  const separator = dialect.colon ? /^([^=:]+?)\s*[=:]\s?(.*)$/ : /^([^=]+?)\s*=\s?(.*)$/;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    if (dialect.continuation === 'indent' && last && /^\s+\S/.test(raw) && !isComment(raw)) {
      const more = dialect.inlineComments ? stripInlineComment(raw.trim()) : raw.trim();
      last.value = last.value === '' ? more : `${last.value}\n${more}`;
      last.parts.push({ text: more, line: lineNo });
      continue;
    }
    // configparser keeps a value open across blank lines (empty_lines_in_values): an indented
    // line after one still continues it.
    if (raw.trim() === '' || isComment(raw)) continue;
    const header = /^\s*\[([^\]]*)\]\s*([#;].*)?$/.exec(raw);
    if (header) {
      section = { name: header[1].trim(), line: lineNo, entries: [] };
      sections.push(section);
      last = null;
      continue;
    }
    let logical = raw;
    if (dialect.continuation === 'backslash') {
      while (/\\$/.test(logical)) {
        if (i + 1 > lastContent) {
          problems.push({ line: lineNo, message: 'the file ends inside a continued line (trailing backslash)' });
          logical = logical.slice(0, -1);
          break;
        }
        i++;
        if (isComment(lines[i])) continue;
        logical = `${logical.slice(0, -1).trimEnd()} ${lines[i].trim()}`;
      }
    }
    const m = separator.exec(logical.trim());
    if (!m) {
      problems.push({ line: lineNo, message: `not a section header or key=value line: ${raw.trim().slice(0, 60)}` });
      last = null;
      continue;
    }
    if (dialect.keyPattern && !dialect.keyPattern.test(m[1].trim())) {
      problems.push({ line: lineNo, message: `not a valid key: ${m[1].trim().slice(0, 60)}` });
      last = null;
      continue;
    }
    if (!section) {
      problems.push({ line: lineNo, message: `"${m[1].trim()}" appears before any [section] header` });
      last = null;
      continue;
    }
    const value = dialect.inlineComments ? stripInlineComment(m[2].trim()) : m[2].trim();
    last = { key: m[1].trim(), value, line: lineNo, parts: value === '' ? [] : [{ text: value, line: lineNo }] };
    section.entries.push(last);
  }
  return { sections, problems };
};

/** Every value of `key` in sections called `name` (case-sensitive, as systemd and configparser's sections are). */
export const iniValues = (doc: IniDocument, name: string, key: string): IniEntry[] =>
  doc.sections.filter((s) => s.name === name).flatMap((s) => s.entries.filter((e) => e.key === key));

/** The last value of `key` in sections called `name`, as repeated keys override in configparser. */
export const iniValue = (doc: IniDocument, name: string, key: string): IniEntry | undefined => iniValues(doc, name, key).at(-1);

const iniFormat = (id: string, dialect: IniDialect, report: (problem: IniProblem, path: string) => Diagnostic): ManifestFormat<IniDocument> => ({
  id,
  parse: (text, path) => {
    const doc = parseIni(text, dialect);
    return { value: doc, diagnostics: doc.problems.map((p) => report(p, path)) };
  },
});

/** setup.cfg, tox.ini, pytest.ini, .pytest.ini: what Python's configparser reads. */
export const CONFIGPARSER: ManifestFormat<IniDocument> = iniFormat('configparser', CONFIGPARSER_DIALECT, (p, path) =>
  warning('manifest/invalid-ini', `malformed ${basename(path)}: ${p.message}`, path, p.line),
);

export const SYSTEMD_UNIT: ManifestFormat<IniDocument> = iniFormat('systemd', SYSTEMD_DIALECT, (p, path) =>
  warning('systemd/bad-line', `malformed unit: ${p.message}`, path, p.line),
);

export const SUPERVISORD_CONF: ManifestFormat<IniDocument> = iniFormat('supervisord', SUPERVISORD_DIALECT, (p, path) =>
  warning('supervisord/bad-line', `malformed supervisord config: ${p.message}`, path, p.line),
);

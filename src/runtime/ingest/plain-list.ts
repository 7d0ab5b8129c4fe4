/**
 * A plain list, one entry per line: paths (`scripts/db.py`, `/srv/app/scripts/db.py`,
 * `file:///...`) or dotted module names (`scripts.validation.ocr_validator`) — such as lines
 * grepped from a batch-run log, so each line may carry a timestamp, a level or other words
 * around them. Lines starting with `#` are comments.
 */
import type { EvidenceFormat, EvidenceInput } from './types.js';

const SOURCE_EXTENSION = /\.(?:py|pyw|pyi|js|mjs|cjs|jsx|ts|mts|cts|tsx|sh|bash)$/;
/** `bin/run_batch`, `/srv/app/job.cfg`, `./tool` — a path whose last part has a letter (not `5/10`). */
const LOOKS_LIKE_FILE_PATH = /^(?:\.{1,2}\/|\/)?(?:[\w.@+-]+\/)+[\w.@+-]*[A-Za-z_][\w.@+-]*$/;
const DOTTED_MODULE = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
const FILE_URL = /file:\/\/\S+/g;
const SEPARATORS = /[\s,;:'"`()[\]{}<>|=]+/;

interface Entry {
  path?: string;
  module?: string;
}

const entryOf = (token: string): Entry | null => {
  const t = token.replace(/\.+$/, ''); // a sentence's full stop
  if (t === '' || t === '/') return null;
  if (SOURCE_EXTENSION.test(t) || LOOKS_LIKE_FILE_PATH.test(t)) return { path: t };
  if (DOTTED_MODULE.test(t)) return { module: t };
  return null;
};

/** The entries of each content line (blank lines and comments left out). */
const lineEntries = (text: string): Entry[][] => {
  const out: Entry[][] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const entries: Entry[] = [];
    for (const url of line.match(FILE_URL) ?? []) entries.push({ path: url });
    for (const token of line.replace(FILE_URL, ' ').split(SEPARATORS)) {
      const entry = entryOf(token);
      if (entry) entries.push(entry);
    }
    out.push(entries);
  }
  return out;
};

const entriesOf = (text: string): Entry[] => lineEntries(text).flat();

/**
 * A list names a path or module on most lines. A README or a source file that mentions a few
 * paths in its prose is not evidence that they ran: it is refused rather than read as a run.
 */
const isList = (text: string): boolean => {
  const lines = lineEntries(text);
  const naming = lines.filter((l) => l.length > 0).length;
  return naming > 0 && naming * 2 >= lines.length;
};

/** The list's text: the file itself, or the strings of a JSON array of strings. */
const listText = (input: EvidenceInput): string | null => {
  if (input.json === undefined) return input.text;
  return Array.isArray(input.json) && input.json.every((v) => typeof v === 'string') ? input.json.join('\n') : null;
};

export const plainListFormat: EvidenceFormat = {
  id: 'plain-list',
  description: 'plain lists of paths or dotted module names, one per line (e.g. lines grepped from a log), or a JSON array of them; most lines must name one',
  matches: (input: EvidenceInput) => {
    const text = listText(input);
    return text !== null && isList(text);
  },
  read: (input) => {
    const entries = entriesOf(listText(input)!);
    return {
      paths: entries.flatMap((e) => (e.path ? [e.path] : [])),
      modules: entries.flatMap((e) => (e.module ? [e.module] : [])),
    };
  },
};

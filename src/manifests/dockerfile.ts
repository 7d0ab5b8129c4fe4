/**
 * Dockerfile text → instructions, as the BuildKit front end reads it: parser directives
 * (`# escape=`), comments, line continuations, here-documents (`RUN <<EOF`), keywords in any case.
 * Unknown instructions and unterminated continuations/here-docs are problems with their line.
 */
import { splitLines } from '../util/lines.js';
import type { ManifestFormat } from './store.js';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
  /** Here-document bodies, in order (`RUN <<EOF … EOF`). */
  heredocs: string[];
}

export interface InstructionProblem {
  line: number;
  message: string;
}

export const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

const HEREDOC = /<<(-?)(["']?)([A-Za-z_][\w]*)\2/g;

const escapeDirective = (lines: string[]): string => {
  for (const line of lines) {
    const m = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(line);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
};

export const parseInstructions = (text: string): { instructions: Instruction[]; problems: InstructionProblem[] } => {
  const lines = splitLines(text);
  const escape = escapeDirective(lines);
  const instructions: Instruction[] = [];
  const problems: InstructionProblem[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    const first = lines[i];
    i++;
    if (first.trim() === '' || /^\s*#/.test(first)) continue;
    // Pieces are joined once at the end: re-joining per continuation line was quadratic (60k lines: 71 s).
    const pieces = [first.trimEnd()];
    while (pieces[pieces.length - 1].endsWith(escape)) {
      pieces[pieces.length - 1] = pieces[pieces.length - 1].slice(0, -1).trimEnd();
      while (i < lines.length && (/^\s*#/.test(lines[i]) || lines[i].trim() === '')) i++;
      if (i >= lines.length) {
        problems.push({ line: start + 1, message: `the instruction ends with a continuation ${escape} at the end of the file` });
        break;
      }
      pieces.push(lines[i].trim());
      i++;
    }
    const logical = pieces.filter((p, n) => n === 0 || p !== '').join(' ').trimEnd();
    const m = /^\s*([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(logical);
    const keyword = m?.[1].toUpperCase() ?? '';
    if (!m || !KEYWORDS.has(keyword)) {
      problems.push({ line: start + 1, message: `unknown instruction: ${logical.trim().split(/\s+/)[0].slice(0, 40)}` });
      continue;
    }
    const args = (m[2] ?? '').trim();
    const heredocs: string[] = [];
    for (const h of args.matchAll(HEREDOC)) {
      const body: string[] = [];
      const strip = h[1] === '-';
      let closed = false;
      while (i < lines.length) {
        const l = lines[i++];
        if ((strip ? l.replace(/^\t+/, '') : l) === h[3]) {
          closed = true;
          break;
        }
        body.push(strip ? l.replace(/^\t+/, '') : l);
      }
      if (!closed) problems.push({ line: start + 1, message: `here-document <<${h[3]} is never closed` });
      heredocs.push(body.join('\n'));
    }
    instructions.push({ keyword, args, line: start + 1, heredocs });
  }
  return { instructions, problems };
};

/** JSON exec form (`["python", "app.py"]`) → words; anything else is shell form → null. */
export const execForm = (args: string): string[] | null => {
  if (!args.startsWith('[')) return null;
  try {
    const v = JSON.parse(args) as unknown;
    return Array.isArray(v) && v.every((w) => typeof w === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
};

/** `--from=builder --chown=app src dest` → flags and the remaining words (JSON form honoured). */
export const splitFlags = (args: string): { flags: Map<string, string>; words: string[] } => {
  const flags = new Map<string, string>();
  let rest = args;
  for (;;) {
    const m = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!m) break;
    flags.set(m[1], m[2] ?? '');
    rest = rest.slice(m[0].length);
  }
  const words = execForm(rest) ?? rest.split(/\s+/).filter((w) => w !== '');
  return { flags, words };
};

export interface ParsedDockerfile {
  instructions: Instruction[];
  /** Parse problems; the Dockerfile detector reports them with the model's own, once per file. */
  problems: InstructionProblem[];
}

export const DOCKERFILE: ManifestFormat<ParsedDockerfile> = {
  id: 'dockerfile',
  parse: (text) => ({ value: parseInstructions(text), diagnostics: [] }),
};

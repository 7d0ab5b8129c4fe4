/**
 * pip requirements files: one requirement a line, `\` continuations, `#` comments, options
 * (`-i`, `--hash`, ...) ignored, `-e` with `#egg=`, and `-r`/`-c` to other files, followed
 * relative to the including file. Constraint files pin versions; they declare nothing.
 */
import { warning } from '../../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../../util/path.js';
import type { DeclaredSink } from './declared-sink.js';
import { requirementName } from './requirement.js';

export interface LogicalLine {
  text: string;
  line: number;
}

/** Join `\` continuations and drop comments; each logical line keeps its first physical line number. */
export const logicalLines = (text: string): LogicalLine[] => {
  const out: LogicalLine[] = [];
  const physical = text.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const start = i + 1;
    let line = physical[i];
    while (line.endsWith('\\') && i + 1 < physical.length) line = line.slice(0, -1) + physical[++i];
    const comment = /(^|\s)#/.exec(line);
    const content = (comment ? line.slice(0, comment.index) : line).trim();
    if (content !== '') out.push({ text: content, line: start });
  }
  return out;
};

const INCLUDE = /^(?:-r|--requirement)(?:\s*=\s*|\s+|(?=[^\s-]))(\S+)$/;
const CONSTRAINT = /^(?:-c|--constraint)(?:\s*=\s*|\s+|(?=[^\s-]))(\S+)$/;
const EDITABLE = /^(?:-e|--editable)(?:\s*=\s*|\s+)(.+)$/;

/** Files under a `requirements/` folder or named `requirements*.txt|in` / `*-requirements.txt`. */
export const isRequirementsFile = (path: string): boolean => {
  const name = basename(path).toLowerCase();
  if (!/\.(txt|in)$/.test(name)) return false;
  if (/(^|[-_.])requirements?([-_.]|$)/.test(name.replace(/\.(txt|in)$/, ''))) return true;
  return /(^|\/)requirements\/[^/]+$/.test(path);
};

const MAIN_STEMS = new Set(['', 'base', 'main', 'common', 'prod', 'production', 'runtime', 'requirements', 'install']);

/** `requirements-dev.txt` → `dev`, `requirements/test.txt` → `test`, `requirements.txt` → none. */
export const groupOfRequirementsFile = (path: string): string | undefined => {
  const stem = basename(path).replace(/\.(txt|in)$/i, '');
  const inFolder = /(^|\/)requirements\/[^/]+$/.test(path);
  const group = (inFolder ? stem : stem.replace(/[-_.]?requirements?[-_.]?/i, '')).toLowerCase();
  return MAIN_STEMS.has(group) ? undefined : group;
};

export const readRequirementsFile = (
  path: string,
  readText: (path: string) => string | null,
  sink: DeclaredSink,
  visited: Set<string>,
  asConstraints = false,
): void => {
  if (visited.has(`${asConstraints}:${path}`)) return;
  visited.add(`${asConstraints}:${path}`);
  const text = readText(path);
  if (text === null) return;
  const group = groupOfRequirementsFile(path);
  const follow = (target: string, line: number, constraints: boolean): void => {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return; // a URL: not in the repo
    const included = joinRepo(dirname(path), target);
    if (included === null || readText(included) === null) {
      sink.diagnostics.push(warning('python-env/missing-requirements-file', `${constraints ? '-c' : '-r'} ${target}: file not found`, path, line));
      return;
    }
    readRequirementsFile(included, readText, sink, visited, constraints);
  };
  for (const { text: l, line } of logicalLines(text)) {
    const include = INCLUDE.exec(l);
    if (include) {
      follow(include[1], line, asConstraints);
      continue;
    }
    const constraint = CONSTRAINT.exec(l);
    if (constraint) {
      follow(constraint[1], line, true);
      continue;
    }
    const editable = EDITABLE.exec(l);
    const spec = editable ? editable[1].trim() : l.startsWith('-') ? null : l.replace(/\s+--?[A-Za-z][\s\S]*$/, '');
    if (spec === null) continue; // another pip option: index URLs, --pre, --hash lines...
    const r = requirementName(spec);
    if ('error' in r) sink.diagnostics.push(warning('python-env/malformed-requirement', r.error, path, line));
    else if ('name' in r) sink.add(r.name, { file: path, line, ...(group ? { group } : {}) }, asConstraints);
  }
};

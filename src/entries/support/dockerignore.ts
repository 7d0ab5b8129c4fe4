/**
 * A build context's `.dockerignore`: the repo files Docker leaves out of the context, so no COPY
 * puts them in the image. Docker's rules: patterns are relative to the context (a leading `/` is
 * dropped), `#` lines are comments, `**` spans folders, a pattern that matches a folder matches
 * everything below it, and `!` re-includes; the last pattern that matches a path decides. A
 * `<Dockerfile>.dockerignore` next to the Dockerfile wins over the context's file, as in BuildKit.
 * Patterns go through census's own glob matcher (never a backtracking regex from repo text).
 */
import { compileRepoGlob } from '../../util/glob.js';
import { dirname, joinRepo, posix } from '../../util/path.js';

export interface DockerIgnore {
  /** The ignore file read (repo path), for evidence. */
  file: string;
  /** Whether a repo path is left out of the build context. */
  ignored: (repoPath: string) => boolean;
  /** True when some pattern re-includes (`!`): then a folder's files must be asked one by one. */
  reincludes: boolean;
}

interface Rule {
  negated: boolean;
  matches: (path: string) => boolean;
}

const parseRules = (text: string): Rule[] => {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1).trim();
    const cleaned = posix.normalize(line).replace(/^\/+/, '').replace(/\/+$/, '');
    if (cleaned === '' || cleaned === '.') continue;
    rules.push({ negated, matches: compileRepoGlob(cleaned) });
  }
  return rules;
};

/** Null when the context has no ignore file (or it cannot be read). */
export const readDockerIgnore = (contextDir: string, dockerfile: string, readText: (path: string) => string | null): DockerIgnore | null => {
  const candidates = [joinRepo(dirname(dockerfile), `${posix.basename(dockerfile)}.dockerignore`), joinRepo(contextDir, '.dockerignore')];
  for (const file of candidates) {
    if (file === null) continue;
    const text = readText(file);
    if (text === null) continue;
    const rules = parseRules(text);
    const prefix = contextDir === '' ? '' : `${contextDir}/`;
    const ignoredRel = (rel: string): boolean => {
      const parts = rel.split('/');
      let ignored = false;
      for (const rule of rules) {
        // A pattern matching the path or any folder above it covers the path.
        let hit = false;
        for (let i = parts.length; i >= 1 && !hit; i--) hit = rule.matches(parts.slice(0, i).join('/'));
        if (hit) ignored = !rule.negated;
      }
      return ignored;
    };
    return {
      file,
      reincludes: rules.some((r) => r.negated),
      ignored: (repoPath) => (repoPath.startsWith(prefix) && repoPath !== contextDir ? ignoredRel(repoPath.slice(prefix.length)) : false),
    };
  }
  return null;
};

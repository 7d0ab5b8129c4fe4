/**
 * A build context's `.dockerignore`: the repo files Docker leaves out of the context, so no COPY
 * puts them in the image. Docker's rules: patterns are relative to the context (a leading `/` is
 * dropped), `#` lines are comments, `**` spans folders, a pattern that matches a folder matches
 * everything below it, and `!` re-includes; the last pattern that matches a path decides. A
 * `<Dockerfile>.dockerignore` next to the Dockerfile wins over the context's file, as in BuildKit.
 * Patterns go through census's own glob matcher (never a backtracking regex from repo text); a
 * pattern it refuses (too long, too many alternatives) leaves nothing out and is a warning naming
 * the file and line. The file is parsed once per scan through the manifests store, which reports
 * those warnings once however many Dockerfiles share the build context.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { ManifestFormat, Manifests } from '../../manifests/store.js';
import { warning } from '../../util/diagnostics.js';
import { compileRepoGlob } from '../../util/glob.js';
import { dirname, joinRepo, posix } from '../../util/path.js';

export interface DockerIgnore {
  /** The ignore file read (repo path), for evidence. */
  file: string;
  /** Whether a repo path is left out of the build context. */
  ignored: (repoPath: string) => boolean;
  /** The pattern that leaves a repo path out (`.dockerignore:2 "local"`), or null when it is in the context. */
  ignoredBy: (repoPath: string) => string | null;
  /** True when some pattern re-includes (`!`): then a folder's files must be asked one by one. */
  reincludes: boolean;
}

interface Rule {
  negated: boolean;
  matches: (path: string) => boolean;
  line: number;
  pattern: string;
}

const parseRules = (text: string, path: string): { rules: Rule[]; problems: Diagnostic[] } => {
  const rules: Rule[] = [];
  const problems: Diagnostic[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1).trim();
    const cleaned = posix.normalize(line).replace(/^\/+/, '').replace(/\/+$/, '');
    if (cleaned === '' || cleaned === '.') return;
    const matches = compileRepoGlob(cleaned, (reason) => problems.push(warning('dockerignore/refused-pattern', `${reason}; it leaves nothing out of the build context`, path, i + 1)));
    rules.push({ negated, matches, line: i + 1, pattern: raw.trim() });
  });
  return { rules, problems };
};

/** A .dockerignore's rules, parsed once per scan; refused patterns are its diagnostics. */
export const DOCKERIGNORE: ManifestFormat<Rule[]> = {
  id: 'dockerignore',
  parse: (text, path) => {
    const { rules, problems } = parseRules(text, path);
    return { value: rules, diagnostics: problems };
  },
};

/** Null when the context has no ignore file (or it cannot be read). */
export const readDockerIgnore = (contextDir: string, dockerfile: string, manifests: Pick<Manifests, 'get'>): DockerIgnore | null => {
  const candidates = [joinRepo(dirname(dockerfile), `${posix.basename(dockerfile)}.dockerignore`), joinRepo(contextDir, '.dockerignore')];
  for (const file of candidates) {
    if (file === null) continue;
    const rules = manifests.get(file, DOCKERIGNORE);
    if (rules === null) continue;
    const prefix = contextDir === '' ? '' : `${contextDir}/`;
    /**
     * Per folder of the context (relative), which rules match it or a folder above it. A COPY of
     * the whole context asks about every file: the folders above them are shared, so each is
     * matched once, not once per file below it.
     */
    const folderHits = new Map<string, boolean[]>();
    const hitsOf = (folder: string): boolean[] => {
      let hits = folderHits.get(folder);
      if (hits === undefined) {
        const slash = folder.lastIndexOf('/');
        const above = slash < 0 ? null : hitsOf(folder.slice(0, slash));
        hits = rules.map((rule, r) => (above !== null && above[r]) || rule.matches(folder));
        folderHits.set(folder, hits);
      }
      return hits;
    };
    /** The last rule that matches decides; null when none does or it re-includes. */
    const decidingRule = (rel: string): Rule | null => {
      // A pattern matching the path or any folder above it covers the path.
      const slash = rel.lastIndexOf('/');
      const above = slash < 0 ? null : hitsOf(rel.slice(0, slash));
      let decided: Rule | null = null;
      rules.forEach((rule, r) => {
        if ((above !== null && above[r]) || rule.matches(rel)) decided = rule.negated ? null : rule;
      });
      return decided;
    };
    const ruleFor = (repoPath: string): Rule | null => (repoPath.startsWith(prefix) && repoPath !== contextDir ? decidingRule(repoPath.slice(prefix.length)) : null);
    return {
      file,
      reincludes: rules.some((r) => r.negated),
      ignored: (repoPath) => ruleFor(repoPath) !== null,
      ignoredBy: (repoPath) => {
        const rule = ruleFor(repoPath);
        return rule ? `${file}:${rule.line} "${rule.pattern}"` : null;
      },
    };
  }
  return null;
};

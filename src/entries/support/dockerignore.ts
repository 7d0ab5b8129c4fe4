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
import { compileRepoGlob, globDepth } from '../../util/glob.js';
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
  /** How many segments every path it matches has (util/glob.ts globDepth); null: any number. */
  depth: number | null;
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
    rules.push({ negated, matches, depth: globDepth(cleaned), line: i + 1, pattern: raw.trim() });
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
     * Per folder of the context (relative; '' is the context itself): which rules match it or a
     * folder above it (`hits`), and which may still match a file directly in it (`mayMatch`: not
     * hit, and of the depth such a file has). A COPY of the whole context asks about every file:
     * the folders above them are shared, so each is matched once, not once per file below it, and
     * a file is matched only against the rules of its depth (`media`, `*.sqlite` and `.*` only at
     * the top; `**\/*.pyc` everywhere).
     */
    interface Folder {
      depth: number;
      hits: boolean[];
      mayMatch: boolean[];
    }
    const folderOf = (depth: number, hits: boolean[]): Folder => ({ depth, hits, mayMatch: rules.map((rule, r) => !hits[r] && (rule.depth === null || rule.depth === depth + 1)) });
    const top = folderOf(0, rules.map(() => false));
    const folders = new Map<string, Folder>();
    const folderAt = (folder: string): Folder => {
      let known = folders.get(folder);
      if (known === undefined) {
        const slash = folder.lastIndexOf('/');
        const above = slash < 0 ? top : folderAt(folder.slice(0, slash));
        const depth = above.depth + 1;
        known = folderOf(depth, rules.map((rule, r) => above.hits[r] || ((rule.depth === null || rule.depth === depth) && rule.matches(folder))));
        folders.set(folder, known);
      }
      return known;
    };
    // Paths come folder by folder: the last folder is kept, so most asks need no slice and no lookup.
    let lastName: string | null = null;
    let last = top;
    /** The last rule that matches decides; null when none does or it re-includes. */
    const decidingRule = (rel: string): Rule | null => {
      // A pattern matching the path or any folder above it covers the path.
      const slash = rel.lastIndexOf('/');
      let folder = top;
      if (slash >= 0) {
        if (lastName === null || slash !== lastName.length || !rel.startsWith(lastName)) {
          lastName = rel.slice(0, slash);
          last = folderAt(lastName);
        }
        folder = last;
      }
      for (let r = rules.length - 1; r >= 0; r--) {
        if (folder.hits[r] || (folder.mayMatch[r] && rules[r].matches(rel))) return rules[r].negated ? null : rules[r];
      }
      return null;
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

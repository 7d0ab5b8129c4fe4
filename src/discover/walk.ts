/**
 * Outside git: walk the tree honouring every .gitignore on the way down (each applies to its
 * own folder, as git does) and the default excluded folders.
 */
import fs from 'node:fs';
import ignore, { type Ignore } from 'ignore';
import { joinAbsolute } from '../util/path.js';
import { isInDefaultExcludedDir } from './excludes.js';

interface Matcher {
  base: string; // repo path of the folder holding the .gitignore ('' for root)
  rules: Ignore;
}

const isIgnored = (matchers: Matcher[], path: string, isDir: boolean): boolean => {
  let ignored = false;
  for (const m of matchers) {
    const rel = m.base === '' ? path : path.slice(m.base.length + 1);
    const candidate = isDir ? `${rel}/` : rel;
    const result = m.rules.test(candidate);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
};

const loadGitignore = (absDir: string, base: string): Matcher | null => {
  let text: string;
  try {
    text = fs.readFileSync(joinAbsolute(absDir, '.gitignore'), 'utf8');
  } catch {
    return null;
  }
  return { base, rules: ignore().add(text) };
};

/** Every file path (POSIX, relative to root) not ignored; directories are not followed through symlinks. */
export const walkFiles = (rootAbs: string, useDefaultExcludes: boolean): string[] => {
  const out: string[] = [];
  const visit = (absDir: string, base: string, matchers: Matcher[]): void => {
    const own = loadGitignore(absDir, base);
    const active = own ? [...matchers, own] : matchers;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: its files cannot be listed; discover reports the folder
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = base === '' ? entry.name : `${base}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === '.git') continue;
        if (useDefaultExcludes && isInDefaultExcludedDir(`${path}/x`)) continue;
        if (isIgnored(active, path, true)) continue;
        visit(joinAbsolute(absDir, entry.name), path, active);
      } else if (!isIgnored(active, path, false)) {
        out.push(path);
      }
    }
  };
  visit(rootAbs, '', []);
  return out;
};

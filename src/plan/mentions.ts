/**
 * Plain-text mentions of the files a plan would remove. Static analysis misses strings it cannot
 * tie to a loader: `--scheduler saleor.schedulers.schedulers.DatabaseScheduler` in a task runner's
 * command, a lazy `"pkg.mod.Type"` in a GraphQL schema, `related_name="saleor3_22"` in Celery's
 * autodiscovery, `cd tools && python sync.py` in a runbook. Before a dead file is archived or
 * deleted, every text file of the repo is searched once for its path, its dotted module name and,
 * inside quotes, its file name or stem; a mention makes the file a review. One pass over the text,
 * token by token, whatever the number of candidates.
 */
import { basename } from '../util/path.js';

export interface TextMention {
  /** The file that mentions it, and where. */
  from: string;
  line: number;
  /** The text found. */
  term: string;
}

/** Names every package has: a quoted `index.js` or `__init__` says nothing about one file. */
const GENERIC = /^(?:index|__init__|__main__|main|app|utils?|helpers?|config|settings|setup|test|tests|types?|constants|common|base|models?|views?|schema|server|client|cli)$/;
const MAX_PER_FILE = 5;
const MANIFESTS = ['package.json', 'pyproject.toml', 'setup.cfg', 'setup.py'];
const TOKEN = /[A-Za-z0-9_$@.\/-]+/g;
const QUOTED = /(["'`])([^"'`\s]{1,300})\1/g;

/** The terms that name `path`: anywhere in text, and only as a whole quoted string. */
export const termsOf = (path: string): { anywhere: string[]; quoted: string[] } => {
  const name = basename(path);
  const stem = name.replace(/\.[^.]+$/, '');
  const noExt = path.slice(0, path.length - (name.length - stem.length));
  const anywhere = new Set([path, noExt]);
  if (path.endsWith('.py')) {
    const parts = (stem === '__init__' ? noExt.split('/').slice(0, -1) : noExt.split('/'));
    for (let i = 0; i + 2 <= parts.length; i++) anywhere.add(parts.slice(i).join('.'));
  }
  // TypeScript is named by the JavaScript it compiles to: `./Button.js#Button` means Button.tsx.
  const compiled = /\.[cm]?tsx?$/.test(name) ? ['.js', '.jsx', '.mjs', '.cjs'].map((ext) => `${stem}${ext}`) : [];
  for (const alt of compiled) anywhere.add(`${noExt}${alt.slice(stem.length)}`);
  // A folder's index file is named by the folder: `./components/Card` or `/components/Card#Card`.
  if (stem === 'index' && !path.endsWith('.py')) {
    const folder = noExt.split('/').slice(0, -1);
    for (let i = 0; i + 2 <= folder.length; i++) anywhere.add(folder.slice(i).join('/'));
  }
  // Paths relative to some base (`./collections/Views/views.js#x` from a config's folder): every tail of two or more segments.
  for (const full of [path, ...compiled.map((alt) => `${noExt}${alt.slice(stem.length)}`)]) {
    const segments = full.split('/');
    for (let i = 1; i + 2 <= segments.length; i++) anywhere.add(segments.slice(i).join('/'));
  }
  const quoted = GENERIC.test(stem) ? [] : [name, stem].filter((t) => t.length >= 3);
  if (!GENERIC.test(stem)) for (const n of [name, ...compiled]) if (n.includes('.')) anywhere.add(n);
  return { anywhere: [...anywhere].filter((t) => t.length > 0), quoted };
};

/** The strings a token could name a file by: itself, every tail after a `/`, every head before a `.`. */
const lookupsOf = (raw: string): string[] => {
  const token = raw.replace(/^(?:\.\/)+/, '').replace(/[.\/-]+$/, '');
  if (token === '') return [];
  const out = [token];
  for (let i = token.indexOf('/'); i >= 0; i = token.indexOf('/', i + 1)) out.push(token.slice(i + 1));
  if (!token.includes('/')) for (let i = token.indexOf('.'); i > 0; i = token.indexOf('.', i + 1)) out.push(token.slice(0, i));
  return out;
};

/**
 * Mentions of each candidate in the texts of `files` (never in the candidate itself), at most a
 * few per mentioning file, sorted by file and line.
 */
export const findTextMentions = (candidates: string[], files: string[], readText: (path: string) => string | null): Map<string, TextMention[]> => {
  const anywhere = new Map<string, string[]>();
  const quoted = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, term: string, path: string) => {
    const list = map.get(term);
    if (list) list.push(path);
    else map.set(term, [path]);
  };
  for (const c of candidates) {
    const terms = termsOf(c);
    for (const t of terms.anywhere) add(anywhere, t, c);
    for (const t of terms.quoted) add(quoted, t, c);
  }
  // A package's manifest names its files relative to itself: "files": ["types.js"] publishes one.
  const scoped = new Map<string, Map<string, string[]>>();
  const present = new Set(files);
  for (const c of candidates) {
    const parts = c.split('/');
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const dir = parts.slice(0, depth).join('/');
      const manifest = MANIFESTS.map((m) => (dir === '' ? m : `${dir}/${m}`)).find((m) => present.has(m));
      if (manifest === undefined) continue;
      const own = scoped.get(manifest) ?? new Map<string, string[]>();
      scoped.set(manifest, own);
      add(own, parts.slice(depth).join('/'), c);
      break;
    }
  }
  const found = new Map<string, TextMention[]>();
  if (candidates.length === 0) return found;
  for (const from of files) {
    const text = readText(from);
    if (text === null) continue;
    const perFile = new Map<string, number>();
    const seen = new Set<string>();
    const note = (path: string, line: number, term: string) => {
      if (path === from || (perFile.get(path) ?? 0) >= MAX_PER_FILE || seen.has(`${path}\n${line}`)) return;
      seen.add(`${path}\n${line}`);
      perFile.set(path, (perFile.get(path) ?? 0) + 1);
      const list = found.get(path);
      const mention = { from, line, term };
      if (list) list.push(mention);
      else found.set(path, [mention]);
    };
    const lines = text.split('\n');
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      const own = scoped.get(from);
      for (const m of line.matchAll(TOKEN)) {
        for (const key of lookupsOf(m[0])) {
          for (const path of anywhere.get(key) ?? []) note(path, n + 1, m[0]);
          // `node scripts/a.js` names scripts/a.js, not every other a.js: shorter tails say no more.
          if (key.includes('/') && present.has(key)) break;
        }
        if (own) for (const path of own.get(m[0].replace(/^(?:\.\/)+/, '')) ?? []) note(path, n + 1, m[0]);
      }
      if (!/["'`]/.test(line)) continue;
      for (const m of line.matchAll(QUOTED)) for (const path of quoted.get(m[2]) ?? []) note(path, n + 1, m[0]);
    }
  }
  return found;
};

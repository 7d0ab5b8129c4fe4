/**
 * Cloudflare Workers' wrangler config (wrangler.toml, wrangler.json, wrangler.jsonc): `main` is the
 * Worker script `wrangler deploy` bundles and ships, so a production root; each `[env.<name>]`
 * may name its own `main`. Paths are relative to the config's folder.
 */
import { warning } from '../util/diagnostics.js';
import { readConfigDocument } from './support/config-document.js';
import { basename, dirname, joinRepo } from '../util/path.js';
import { splitLines } from '../util/lines.js';
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Neither parser gives positions: the first line that sets `main` to this value. */
const lineOf = (text: string, value: string): number | undefined => {
  const i = splitLines(text).findIndex((l) => /(^|["\s])main["\s]*[:=]/.test(l) && l.includes(value));
  return i < 0 ? undefined : i + 1;
};

const wrangler: EntryDetector = {
  id: 'wrangler',
  title: 'Cloudflare wrangler config (the Worker main script, per environment)',
  matches: (path) => /^wrangler\.(toml|jsonc?)$/.test(basename(path)),
  detect: (file, ctx) => {
    const out = emptyOutput();
    const read = readConfigDocument(file.path, file.text, 'wrangler/invalid');
    if ('diagnostic' in read) {
      out.diagnostics.push(read.diagnostic);
      return out;
    }
    const doc = read.table;
    if (doc === null) return out;
    const dir = dirname(file.path);
    const add = (main: unknown, where: string) => {
      if (typeof main !== 'string') return;
      const target = joinRepo(dir, main);
      if (target === null) return;
      // A built path (`dist/index.js`) is not in the repo: a warning, not a guess at its source.
      if (!ctx.files.has(target)) {
        out.diagnostics.push(warning('wrangler/missing-main', `${where}main "${main}" is not a file in the repo`, file.path, lineOf(file.text, main)));
        return;
      }
      out.entries.push(fileEntry(target, 'production', `${file.path} ${where}main: the Worker script wrangler deploys`, lineOf(file.text, main)));
    };
    add(doc.main, '');
    if (isRecord(doc.env)) for (const [name, env] of Object.entries(doc.env)) if (isRecord(env) && env.main !== doc.main) add(env.main, `[env.${name}] `);
    return out;
  },
};

export default wrangler;

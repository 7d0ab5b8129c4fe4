/**
 * Cloudflare Workers' wrangler config (wrangler.toml, wrangler.json, wrangler.jsonc): `main` is the
 * Worker script `wrangler deploy` bundles and ships, so a production root; each `[env.<name>]`
 * may name its own `main`. Paths are relative to the config's folder.
 */
import { warning } from '../util/diagnostics.js';
import { lineOfKey, readConfigDocument } from './support/config-document.js';
import { dirname, joinRepo } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';
import { isRecord } from '../manifests/json.js';

const wrangler: EntryDetector = {
  id: 'wrangler',
  title: 'Cloudflare wrangler config (the Worker main script, per environment)',
  matches: (path, name) => /^wrangler\.(toml|jsonc?)$/.test(name),
  candidates: { names: ['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'] },
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
        out.diagnostics.push(warning('wrangler/missing-main', `${where}main "${main}" is not a file in the repo`, file.path, lineOfKey(file.text, 'main', main)));
        return;
      }
      out.entries.push(fileEntry(target, 'production', `${file.path} ${where}main: the Worker script wrangler deploys`, lineOfKey(file.text, 'main', main)));
    };
    add(doc.main, '');
    if (isRecord(doc.env)) for (const [name, env] of Object.entries(doc.env)) if (isRecord(env) && env.main !== doc.main) add(env.main, `[env.${name}] `);
    return out;
  },
};

export default wrangler;

#!/usr/bin/env node
// Writes the hostile-repository suite's cases to a folder, to try census on them by hand:
//   npm run build && node scripts/make-hostile-repos.mjs /tmp/hostile
// Each case gets DIR/<case>/repo (audit this), DIR/<case>/outside (must stay as it is) and
// DIR/<case>/markers (must stay empty). `--doc` rewrites docs/hostile.md from the case list.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { HOSTILE_CASES } = await import('../dist/test/hostile/cases.js');
const { renderHostileDoc } = await import('../dist/test/hostile/cases-doc.js');

const args = process.argv.slice(2);
if (args.includes('--doc')) {
  writeFileSync(new URL('../docs/hostile.md', import.meta.url), renderHostileDoc());
  console.log('wrote docs/hostile.md');
}
const out = args.find((a) => !a.startsWith('--'));
if (out) {
  for (const c of HOSTILE_CASES) {
    const ctx = { repo: join(out, c.id, 'repo'), outside: join(out, c.id, 'outside'), markers: join(out, c.id, 'markers') };
    for (const dir of Object.values(ctx)) mkdirSync(dir, { recursive: true });
    c.build(ctx);
    console.log(`${c.id}: ${c.attack}`);
  }
} else if (!args.includes('--doc')) {
  console.error('usage: node scripts/make-hostile-repos.mjs DIR [--doc]');
  process.exit(2);
}

#!/usr/bin/env node
/**
 * Scores census's dead verdicts on JS/TS-family files against knip's unused files, over a folder
 * of fixture repos rebuilt from knip's own plugin fixtures (not kept in this repo: knip's code
 * stays out of it). Layout: <dir>/<case>/ is a repo, <dir>/<case>.knip.json the list of files
 * knip's test expects unused. Prints a row per case and precision/recall over all of them.
 * Usage: npm run build && node scripts/knip-score.mjs /tmp/knip-fixtures [--json out.json] [--only name,name]
 * A second line scores with the disagreements read by hand (scripts/knip-disagreements.json) set aside.
 *
 * How the set was rebuilt (machines that run this cannot reach GitHub, and none of knip's files
 * are committed here): for each case, the files of knip's packages/knip/fixtures/plugins/<name>/
 * (outside node_modules) were written under <dir>/k-<name>/, and <dir>/k-<name>.knip.json lists the
 * files packages/knip/test/plugins/<name>.test.ts asserts in `issues.files` (with its `files`
 * counter as the check; a test that counts files without naming them gives [] only when the count
 * is 0, else the case keeps the named ones). The code index the files came from drops files whose
 * content repeats elsewhere (empty modules, one-line exports), so such files were re-created from
 * what the configs and tests name (`processed`/`total` counters as the check), with one-line bodies;
 * configs were trimmed to the keys that name files. The other cases (repo-*, astro, sveltekit*,
 * angular2, …) are an earlier session's rebuild of the same kind. A third pass added 94 cases from
 * knip's newer layout (packages/knip/test/{plugins,entry,imports,exports,resolution,ignore,…}/):
 * there the index often keeps a moved file only at its old path, so files were taken from the old
 * fixture path when the new one was missing, and a file counted by `processed` but named nowhere
 * was re-created under a name that matches the tool's own glob (borp, bun2, cucumber3, vitest10,
 * vitest15, flue-config) — such a case still tests the tool's rule, not knip's file name. A fourth
 * pass added 43 cases the same way; where only package.json survived in the index the counted files
 * were re-created from the tool's globs and conventions (bumpp, bun, bun6, changelogithub,
 * cucumber4-6, expo3, lockfile-lint, flue, nest, eve-agent-files, size-limit, tsx, rstest2,
 * playwright3, vitest16/17, tsconfig-types-*): those too test the rule, not knip's names. A fifth
 * pass added 45 cases (mostly `files: 0` precision cases from exports/types/imports/workspaces
 * tests, and plugin tests found by the fixture path their tests resolve); re-created from the
 * names in knip's tests: most of eve-workspace, the nuxt-no-root-tsconfig root config (two stored
 * versions combined), the serverless handlers' extension, pm2's src/*.js, rstest-config's
 * setup/check files, and one-line modules in r-types-dts, r-aliased-ns, r-enum-members-enumerated,
 * r-shadow-false-negative, r-ignore-patterns, r-ignore-unresolved, r-cross-ref and others.
 * Three more plugin cases came last (unplugin-auto-import, qwik, unplugin-vue-router; orphan.vue
 * re-created, named by the test). A sixth pass added 16: nine `files: 0` cases from re-exports/types
 * tests (default-renamed-deep, export-ns, re-exports-*, dts-baseurl-implicit-relative, and
 * dts-compiled, whose one unused file is a .graphql the scorer does not count), and seven plugin
 * cases (qwik-custom-dirs, unplugin-vue-components(-vue2), unplugin-vue-i18n,
 * unplugin-vue-markdown, orval, oxlint-extends); re-created from names in the tests: four fruit
 * modules of default-renamed-deep, re-exports-pseudo's left/right, re-exports-twice's dir/ files,
 * qwik-custom-dirs' docs/extra-pages/index.tsx (its test counts 10 processed files, 6 are known)
 * and unplugin-vue-markdown's DocUnused.vue. 384 cases as of the last run (242 k-*, 142 r-*); cases that need options other than knip's
 * defaults (production, strict, a workspace filter, includeLibs) were left out.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, DEFAULT_MAX_FILE_SIZE } from '../dist/src/pipeline.js';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/knip-score.mjs <fixtures-dir> [--json out.json] [--only a,b]');
  process.exit(2);
}
const flag = (name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const only = flag('--only')?.split(',');
// knip reports .js/.ts/.jsx/.tsx/.mjs/.cjs/.mts/.cts and the component formats it compiles (.tsrx
// when a @tsrx/ package is a dependency, as census reads it too).
const JS_FAMILY = /\.((c|m)?[jt]sx?|vue|svelte|astro|mdx|tsrx)$/;

const cases = readdirSync(dir)
  .filter((n) => n.endsWith('.knip.json'))
  .map((n) => n.slice(0, -'.knip.json'.length))
  .filter((n) => existsSync(join(dir, n)) && (!only || only.includes(n)))
  .sort();

let tp = 0;
let fp = 0;
let fn = 0;
const report = [];
for (const name of cases) {
  const root = join(dir, name);
  const unused = JSON.parse(readFileSync(join(dir, `${name}.knip.json`), 'utf8'));
  const { audit } = await scan({ root, include: [], exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, defaultExcludes: true, workers: 1 });
  const dead = audit.files.filter((f) => f.verdict === 'dead' && JS_FAMILY.test(f.path)).map((f) => f.path).sort();
  const falseDead = dead.filter((f) => !unused.includes(f));
  const missed = unused.filter((f) => !dead.includes(f));
  tp += dead.length - falseDead.length;
  fp += falseDead.length;
  fn += missed.length;
  report.push({ name, dead, falseDead, missed });
  const detail = [falseDead.length ? ` false-dead: ${falseDead.join(' ')}` : '', missed.length ? ` missed: ${missed.join(' ')}` : ''].join('');
  console.log(`${name.padEnd(34)} dead ${String(dead.length).padStart(3)}  false ${String(falseDead.length).padStart(3)}  missed ${String(missed.length).padStart(3)}${detail}`);
}
const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
console.log(`${cases.length} fixtures: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${tp} of ${tp + fn} unused found, ${fp} false-dead)`);
// The disagreements read by hand (scripts/knip-disagreements.json, each with its reason) set aside:
// the raw score above is the issue's measure; this one says how much of the gap is knip's side.
const disagreements = JSON.parse(readFileSync(new URL('./knip-disagreements.json', import.meta.url), 'utf8'));
const listed = (list, name, file) => list.some((d) => d.case === name && d.file === file);
let asideFp = 0;
let asideFn = 0;
for (const { name, falseDead, missed } of report) {
  asideFp += falseDead.filter((f) => listed(disagreements.falseDead, name, f)).length;
  asideFn += missed.filter((f) => listed(disagreements.missed, name, f)).length;
}
const seen = (side, d) => report.some((r) => r.name === d.case && r[side].includes(d.file));
const stale = [
  ...disagreements.falseDead.filter((d) => cases.includes(d.case) && !seen('falseDead', d)),
  ...disagreements.missed.filter((d) => cases.includes(d.case) && !seen('missed', d)),
];
const asidePrecision = tp + fp - asideFp === 0 ? 1 : tp / (tp + fp - asideFp);
const asideRecall = tp + fn - asideFn === 0 ? 1 : tp / (tp + fn - asideFn);
console.log(`with the ${asideFp + asideFn} disagreements read by hand set aside (scripts/knip-disagreements.json): precision ${asidePrecision.toFixed(3)} recall ${asideRecall.toFixed(3)}`);
for (const d of stale) console.log(`stale disagreement (census now agrees with knip): ${d.case} ${d.file}`);
const out = flag('--json');
if (out) writeFileSync(out, JSON.stringify({ precision, recall, tp, fp, fn, asidePrecision, asideRecall, stale, cases: report }, null, 1));

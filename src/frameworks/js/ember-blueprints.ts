/**
 * Ember CLI blueprints are loaded by name, never imported: `ember generate <name>` (and `ember new`,
 * `ember addon`) asks @ember-tooling/blueprint-model's `Blueprint.lookup(name, { paths })`, which
 * requires `<path>/<name>/index.js` for each lookup path, and the blueprint then copies every file
 * below its `files/` folder into the project it generates (`Blueprint#files()` walks it). The lookup
 * paths are a project's own `blueprints/` (ember-cli lib/models/project.js:514), each addon's
 * `blueprints/` (lib/models/addon.js:1289) and ember-cli's built-in ones (project.js:540
 * `path.resolve(__dirname, '..', '..', 'blueprints')`); a package whose keywords hold
 * `ember-blueprint` is a blueprint itself (its `index.js`, its `files/`).
 *
 * So for a package that is ember-cli, an Ember addon (`"ember-addon"` in package.json, or the
 * `ember-addon` keyword) or an Ember app (it depends on ember-cli): each `blueprints/<name>/index.js`
 * is a production root (what the package ships for: ember-cli runs it), and each code file below a
 * blueprint's `files/` is a template reached from that blueprint's index.js (as vue-cli.ts reaches a
 * generator's templates from its render call). A folder below `blueprints/` without an index.js is
 * no blueprint (Blueprint.lookup skips it), and a `files/` folder of anything else is not read.
 */
import { JS_FAMILY_CODE_FILE } from '../../languages/js-family.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { dependsOn, jsPackages, type JsPackage } from './support.js';

const keywords = (pkg: JsPackage): string[] => (Array.isArray(pkg.json.keywords) ? pkg.json.keywords.filter((k): k is string => typeof k === 'string') : []);

/** Why ember-cli looks up this package's `blueprints/` folder, or null when it does not. */
const lookupReason = (pkg: JsPackage): string | null => {
  if (pkg.json.name === 'ember-cli') return "ember-cli's built-in blueprints (lib/models/project.js builtInLookupPath)";
  if ('ember-addon' in pkg.json || keywords(pkg).includes('ember-addon')) return 'an Ember addon\'s blueprints (ember-cli lib/models/addon.js blueprintsPath)';
  if (dependsOn(pkg, 'ember-cli')) return 'an Ember app\'s own blueprints (ember-cli lib/models/project.js blueprintsPath)';
  return null;
};

interface Blueprint {
  /** The blueprint's folder. */
  dir: string;
  index: string;
  manifest: string;
  why: string;
}

const code = (ctx: FrameworkContext, folder: string): string[] =>
  pathsWithPrefix(ctx.files, `${folder}/`).filter((f) => JS_FAMILY_CODE_FILE.test(f) && !f.includes('node_modules/'));

const blueprints = perScan((ctx: FrameworkContext): Blueprint[] => {
  const out: Blueprint[] = [];
  for (const pkg of jsPackages(ctx)) {
    const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
    if (keywords(pkg).includes('ember-blueprint') && ctx.files.has(`${prefix}index.js`)) {
      out.push({ dir: pkg.dir, index: `${prefix}index.js`, manifest: pkg.manifest, why: `${pkg.manifest} has the "ember-blueprint" keyword: ember-cli's Blueprint.lookup requires its index.js` });
    }
    const reason = lookupReason(pkg);
    if (reason === null) continue;
    const names = new Set<string>();
    for (const f of pathsWithPrefix(ctx.files, `${prefix}blueprints/`)) {
      const name = f.slice(`${prefix}blueprints/`.length).split('/')[0];
      if (names.has(name)) continue;
      names.add(name);
      const index = `${prefix}blueprints/${name}/index.js`;
      if (!ctx.files.has(index)) continue;
      out.push({ dir: `${prefix}blueprints/${name}`, index, manifest: pkg.manifest, why: `${reason}: \`ember generate ${name}\` requires it (Blueprint.lookup)` });
    }
  }
  return out;
});

const collected = perScan((ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const b of blueprints(ctx)) {
    out.entries.push({ source: b.manifest, target: b.index, targetKind: 'file', kind: 'production', evidence: `${b.index} is an Ember CLI blueprint, ${b.why}` });
    for (const template of code(ctx, `${b.dir}/files`)) {
      out.references.push({ from: b.index, target: template, targetKind: 'file', label: `${b.index}, an Ember CLI blueprint that copies every file below its files/ into the project it generates (Blueprint#files): a template` });
    }
  }
  return out;
});

const emberBlueprints: FrameworkReader = {
  id: 'ember-blueprints',
  title: 'Ember CLI blueprints (blueprints/<name>/index.js, ember-blueprint packages) and the templates in their files/',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = blueprints(ctx)[0];
    return first ? `${first.index}: ${first.why}` : null;
  },
  collect: (ctx) => collected(ctx),
};

export default emberBlueprints;

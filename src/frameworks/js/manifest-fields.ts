/**
 * A host program that reads a field of its own from its extensions' package.json and loads the
 * files it names: ghost-cli's extensions declare `"ghost-cli": { "process-managers": { "systemd":
 * "systemd.js" } }` and lib/extension.js reads `this.pkg['ghost-cli']['process-managers']`, joins
 * each value onto the extension's folder and requires it. No module imports `systemd.js`, so it
 * looked dead.
 *
 * A package.json field outside npm's own (main, bin, exports, scripts, … are other readers') whose
 * value holds, at most four keys deep, a string naming a code file of that package's folder
 * (`systemd.js`, `./lib/pm.js`) is a reference to that file from each repo code file that reads
 * the field: its text spells the field's name and every key on the way to the value but the
 * last (which may be a map's own name) as a property access (`['ghost-cli']`, `["process-managers"]`,
 * `.processManagers`). Both lines are the evidence. Nothing is read when no package.json has such
 * a field; then only the code files whose text holds the field's name.
 */
import { isRecord, JSON_MANIFEST } from '../../manifests/json.js';
import { lineStarts, lineOfOffset } from '../../util/lines.js';
import { joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { fileReference, jsCodeFiles, jsPackages } from './support.js';

/** npm's and the common tools' own package.json fields: what they name is read by other readers (entries/package-json.ts and the tools' readers). */
const NPM_FIELDS = new Set([
  'name', 'version', 'description', 'keywords', 'homepage', 'bugs', 'license', 'author', 'contributors', 'funding', 'files',
  'main', 'browser', 'bin', 'man', 'directories', 'repository', 'scripts', 'config', 'dependencies', 'devDependencies',
  'peerDependencies', 'peerDependenciesMeta', 'bundleDependencies', 'bundledDependencies', 'optionalDependencies', 'overrides',
  'engines', 'os', 'cpu', 'private', 'publishConfig', 'workspaces', 'type', 'exports', 'imports', 'module', 'types', 'typings',
  'typesVersions', 'sideEffects', 'resolutions', 'packageManager', 'volta', 'pnpm',
]);
const CODE = /\.[cm]?[jt]sx?$/;
const MAX_DEPTH = 4;

interface NamedFile {
  manifest: string;
  /** The field and the keys on the way to the value. */
  keys: string[];
  value: string;
  target: string;
}

interface FieldLoad extends NamedFile {
  from: string;
  fromLine: number;
  manifestLine: number;
}

/** A property access of `key` in code: `['key']`, `["key"]`, or `.key` for a name. */
const accessPattern = (key: string): RegExp => {
  const quoted = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const dotted = /^[A-Za-z_$][\w$]*$/.test(key) ? `|\\.\\s*${quoted}(?![\\w$])` : '';
  return new RegExp(`\\[\\s*(["'\`])${quoted}\\1\\s*\\]${dotted}`);
};

/** The strings under a field that name a code file of the package, with the keys on their way. */
const namedFiles = (ctx: FrameworkContext, dir: string, manifest: string, keys: string[], value: unknown, out: NamedFile[]): void => {
  if (keys.length > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (!CODE.test(value) || /^[a-z][\w+.-]*:|^\/|[*{}\s]/i.test(value)) return;
    const target = joinRepo(dir, value.replace(/^\.\//, ''));
    if (target !== null && ctx.files.has(target) && !target.includes('node_modules/')) out.push({ manifest, keys, value, target });
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) namedFiles(ctx, dir, manifest, keys, item, out);
    return;
  }
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) namedFiles(ctx, dir, manifest, [...keys, k], v, out);
};

const fieldLoads = perScan((ctx: FrameworkContext): FieldLoad[] => {
  const named: NamedFile[] = [];
  for (const pkg of jsPackages(ctx)) {
    for (const [field, value] of Object.entries(pkg.json)) {
      if (NPM_FIELDS.has(field) || !(isRecord(value) || Array.isArray(value))) continue;
      namedFiles(ctx, pkg.dir, pkg.manifest, [field], value, named);
    }
  }
  if (named.length === 0) return [];
  const fields = [...new Set(named.map((n) => n.keys[0]))];
  const out: FieldLoad[] = [];
  for (const file of jsCodeFiles(ctx)) {
    const text = ctx.readText(file);
    if (text === null || !fields.some((f) => text.includes(f))) continue;
    let starts: number[] | null = null;
    for (const n of named) {
      if (n.target === file || !text.includes(n.keys[0])) continue;
      // Every key but the value's own: a map's names (`systemd`) are the host's to iterate.
      const read = n.keys.length === 1 ? n.keys : n.keys.slice(0, -1);
      let first = -1;
      let all = true;
      for (const key of read) {
        const at = accessPattern(key).exec(text);
        if (at === null) {
          all = false;
          break;
        }
        if (first < 0) first = at.index;
      }
      if (!all) continue;
      starts ??= lineStarts(text);
      const manifestLine = ctx.manifests.get(n.manifest, JSON_MANIFEST)?.lineOf(n.keys) ?? 1;
      out.push({ ...n, from: file, fromLine: lineOfOffset(starts, first), manifestLine });
    }
  }
  return out;
});

const manifestFields: FrameworkReader = {
  id: 'manifest-fields',
  title: 'Files an extension\'s package.json names in a field its host reads (ghost-cli "process-managers")',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = fieldLoads(ctx)[0];
    return first ? `${first.from}:${first.fromLine} reads "${first.keys[0]}" of ${first.manifest}:${first.manifestLine}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const l of fieldLoads(ctx)) {
      const path = l.keys.map((k) => `"${k}"`).join(' → ');
      out.references.push(fileReference(l.from, l.target, l.fromLine, `named by ${l.manifest}:${l.manifestLine} ${path}: "${l.value}", a field ${l.from}:${l.fromLine} reads`));
    }
    return out;
  },
};

export default manifestFields;

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
 * the field: its text spells the field's name and every key on the way to the value as one chain
 * of property accesses (`this.pkg['ghost-cli']['process-managers']`, `.build.files`). The value's
 * own key is left out only when the value sits directly in an object (a map's own name, ghost-cli's
 * `systemd`, which the host iterates); an array item keeps its array's key (`"build": {"files":
 * [...]}` needs `.build.files`, not `esbuild.build(`). Both lines are the evidence. Nothing is read
 * when no package.json has such a field; then only the code files whose text holds the field's name.
 */
import { isRecord, JSON_MANIFEST } from '../../manifests/json.js';
import { lineStarts, lineOfOffset } from '../../util/lines.js';
import { joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
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
  // The common tools' own: electron-builder, pkg, test runners, linters, release and hook tools.
  'build', 'pkg', 'jest', 'babel', 'eslintConfig', 'prettier', 'nyc', 'ava', 'mocha', 'c8', 'xo', 'standard', 'release',
  'lint-staged', 'husky',
  // A host whose lists have a reader of their own (its loader is seldom in the same tree): n8n-nodes.ts.
  'n8n',
]);
const CODE = /\.[cm]?[jt]sx?$/;
const MAX_DEPTH = 4;

export interface NamedFile {
  manifest: string;
  /** The field and the keys on the way to the value. */
  keys: string[];
  /** The keys code must spell as one access chain: all of them, but the last when the value sits directly in an object. */
  chain: string[];
  value: string;
  target: string;
}

interface FieldLoad extends NamedFile {
  from: string;
  fromLine: number;
  manifestLine: number;
}

/** A property access of `key` in code (`['key']`, `["key"]`, or `.key` for a name) as a regex source; `n` numbers its quote group. */
export const accessSource = (key: string, n: number): string => {
  const quoted = escapeRegExp(key);
  const dotted = /^[A-Za-z_$][\w$]*$/.test(key) ? `|\\.\\s*${quoted}(?![\\w$])` : '';
  return `(?:(?:\\?\\.\\s*)?\\[\\s*(["'\`])${quoted}\\${n}\\s*\\]${dotted})`;
};

/** The keys as one chain of property accesses in code: `['ghost-cli']['process-managers']`, `.build.files`. */
export const chainPattern = (keys: string[]): RegExp => new RegExp(keys.map((k, i) => accessSource(k, i + 1)).join('\\s*'));

/** The strings under a field that name a code file of the package, with the keys on their way. */
export const namedFiles = (ctx: FrameworkContext, dir: string, manifest: string, keys: string[], inArray: boolean, value: unknown, out: NamedFile[]): void => {
  if (keys.length > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (!CODE.test(value) || /^[a-z][\w+.-]*:|^\/|[*{}\s]/i.test(value)) return;
    const target = joinRepo(dir, value.replace(/^\.\//, ''));
    const chain = inArray || keys.length === 1 ? keys : keys.slice(0, -1);
    if (target !== null && ctx.files.has(target) && !target.includes('node_modules/')) out.push({ manifest, keys, chain, value, target });
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) namedFiles(ctx, dir, manifest, keys, true, item, out);
    return;
  }
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) namedFiles(ctx, dir, manifest, [...keys, k], false, v, out);
};

const fieldLoads = perScan((ctx: FrameworkContext): FieldLoad[] => {
  const named: NamedFile[] = [];
  for (const pkg of jsPackages(ctx)) {
    for (const [field, value] of Object.entries(pkg.json)) {
      if (NPM_FIELDS.has(field) || !(isRecord(value) || Array.isArray(value))) continue;
      namedFiles(ctx, pkg.dir, pkg.manifest, [field], false, value, named);
    }
  }
  if (named.length === 0) return [];
  const fields = [...new Set(named.map((n) => n.keys[0]))];
  // One pattern per distinct chain: a list of hundreds of files (an array's items share their chain) is one search per file.
  const byChain = new Map<string, { pattern: RegExp; field: string; named: NamedFile[] }>();
  for (const n of named) {
    const key = JSON.stringify(n.chain);
    let group = byChain.get(key);
    if (!group) byChain.set(key, (group = { pattern: chainPattern(n.chain), field: n.keys[0], named: [] }));
    group.named.push(n);
  }
  const out: FieldLoad[] = [];
  for (const file of jsCodeFiles(ctx)) {
    // A one-off read: transientText keeps no text the store did not already hold.
    const text = ctx.manifests.transientText(file);
    if (text === null || !fields.some((f) => text.includes(f))) continue;
    let starts: number[] | null = null;
    for (const group of byChain.values()) {
      if (!text.includes(group.field)) continue;
      const at = group.pattern.exec(text);
      if (at === null) continue;
      starts ??= lineStarts(text);
      const fromLine = lineOfOffset(starts, at.index);
      for (const n of group.named) {
        if (n.target === file) continue;
        const manifestLine = ctx.manifests.get(n.manifest, JSON_MANIFEST)?.lineOf(n.keys) ?? 1;
        out.push({ ...n, from: file, fromLine, manifestLine });
      }
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
      // Not " → ", which joins the steps of a chain: a JSON path, as `"a"."b"`.
      const path = l.keys.map((k) => `"${k}"`).join('.');
      out.references.push(fileReference(l.from, l.target, l.fromLine, `named by ${l.manifest}:${l.manifestLine} ${path}: "${l.value}", a field ${l.from}:${l.fromLine} reads`));
    }
    return out;
  },
};

export default manifestFields;

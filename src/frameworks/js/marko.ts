/**
 * Marko finds much of an app by name rather than by import, and census follows the same rules:
 *
 * - Tags. A template that uses `<fruit-label/>` (or imports `"<fruit-label>"`) loads the tag from
 *   the nearest folder up the tree (to the package's) that defines it: a tag declared in that
 *   folder's marko.json (`"<fruit-label>": { … }` or `tags: { … }`), or a tags folder there —
 *   marko.json's `tags-dir` when it sets one, else `components/` and `tags/` — holding
 *   `fruit-label.marko`, `fruit-label/index.marko` or `fruit-label/template.marko`,
 *   `fruit-label/renderer.*`, or a `fruit-label/marko-tag.json` naming its `template`/`renderer`.
 *   Each is a reference from the template, at the line of the tag's first use.
 * - Split components. A template's class can live beside it: `component.*` and
 *   `component-browser.*` for `index.marko`, `<name>.component.*` and `<name>.component-browser.*`
 *   for `<name>.marko`; references from the template.
 * - Compiler hooks. A tag definition's `transform`/`transformer`, `code-generator`, `node-factory`,
 *   `parse`, `migrate`/`migrator`, `analyze` and `translate`/`translator` files (in marko.json or a
 *   marko-tag.json) are loaded by the Marko compiler: tooling roots.
 * - Tag libraries. marko.json's `exports` names the folder of tags the package publishes (often
 *   its build output, `./dist/components`, traced back to the source folder it is built from):
 *   each tag there is a production root, as any template of a consumer may use it.
 * - @marko/run. Its routes (`src/routes/`): `+page.marko`, `+layout.marko`, `+handler.*`,
 *   `+middleware.*`, `+meta.*`, `+404.marko` and `+500.marko` at any depth are production roots.
 *
 * Templates reached through imports (a server's `import page from "./index.marko"`) need none of
 * this. The reader applies to a package that depends on `marko` or `@marko/*`, or has a marko.json.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { createBuildOutputMap } from '../../languages/javascript/build-output.js';
import { scanMarkoTemplate } from '../../languages/marko/template.js';
import { buildLineTable } from '../../languages/javascript/line-table.js';
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { lineHolding } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { codeFileAt, dependsOn, eachPackage, enabledByPackages, fileReference, filesIn, jsPackages, packageFilesUnder, readToolConfig, resolveToolPath, warnUnread, type JsPackage } from './support.js';

const TAGLIB = 'marko.json';
const TAG_FILE = 'marko-tag.json';
/** Files a tag definition names that are the tag itself: loaded wherever the tag is used. */
const TAG_KEYS = ['template', 'renderer'];
/** Files a tag definition names that the compiler runs while it compiles a template using the tag. */
const HOOK_KEYS = ['transform', 'transformer', 'code-generator', 'node-factory', 'parse', 'migrate', 'migrator', 'analyze', 'translate', 'translator'];
const DEFAULT_TAG_DIRS = ['components', 'tags'];
const ROUTE_FILE = /^\+(?:page|layout|404|500)\.marko$|^\+(?:handler|middleware|meta)\.[\w]+$/;

const packages = (ctx: FrameworkContext): JsPackage[] =>
  jsPackages(ctx).filter((p) => dependsOn(p, 'marko') || dependsOn(p, /^@marko\//) || filesIn(ctx, p.dir, /^marko\.json$/).length > 0);

interface TagDefinition {
  /** The files that are the tag (its template or renderer). */
  files: string[];
  /** Where it is defined, for evidence. */
  where: string;
}

/** A marko.json, read once: its tags folders (relative to it), its own tag definitions, and its `exports`. */
interface Taglib {
  path: string;
  tagsDirs: string[] | null;
  tags: Map<string, TagDefinition>;
  exports: { value: string; line: number } | null;
}

/** The line of `key` (with `value` on it, when given) in a JSON file, whose config values carry no lines of their own. */
const lineIn = (ctx: FrameworkContext, file: string, key: string, value: ConfigValue): number => {
  const text = ctx.readText(file) ?? '';
  const quoted = `"${key}"`;
  return (value.kind === 'string' ? lineHolding(text, quoted, value.value) : lineHolding(text, quoted)) ?? value.line;
};

/** The files a tag definition object names (`template`, `renderer`), relative to `dir`; hooks go to the output as tooling roots. */
const readDefinition = (ctx: FrameworkContext, value: ConfigValue, dir: string, file: string, what: string, out: FrameworkOutput): string[] => {
  const files: string[] = [];
  if (value.kind === 'string') {
    // `"<my-tag>": "./my-tag/marko-tag.json"` or a template path.
    const target = resolveToolPath(ctx, dir, value.value);
    if (target !== null) files.push(target);
    return files;
  }
  if (value.kind !== 'object') return files;
  const unread: { line: number; text: string }[] = [];
  for (const key of [...TAG_KEYS, ...HOOK_KEYS]) {
    const v = configAt(value, key);
    if (v === null) continue;
    if (v.kind !== 'string') {
      if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
      continue;
    }
    const target = resolveToolPath(ctx, dir, v.value);
    if (target === null) continue;
    if (TAG_KEYS.includes(key)) {
      files.push(target);
      continue;
    }
    const line = lineIn(ctx, file, key, v);
    out.entries.push({ source: file, target, targetKind: 'file', kind: 'tooling', evidence: `${file}:${line} ${what} "${key}" "${v.value}" (a Marko compiler hook, run when a template using the tag is compiled)`, line });
  }
  warnUnread(out.diagnostics, 'marko', file, unread, 'a Marko tag file');
  return files;
};

const readTaglib = (ctx: FrameworkContext, path: string, out: FrameworkOutput): Taglib => {
  const value = readToolConfig(ctx, path, out.diagnostics, 'marko').value;
  const dir = dirname(path);
  const taglib: Taglib = { path, tagsDirs: null, tags: new Map(), exports: null };
  if (value?.kind !== 'object') return taglib;
  const tagsDir = configAt(value, 'tags-dir');
  if (tagsDir?.kind === 'string') taglib.tagsDirs = [tagsDir.value];
  else if (tagsDir?.kind === 'array') taglib.tagsDirs = tagsDir.items.flatMap((i) => (i.kind === 'string' ? [i.value] : []));
  taglib.tagsDirs = taglib.tagsDirs?.map((d) => joinRepo(dir, d)).filter((d): d is string => d !== null) ?? null;
  const exported = configAt(value, 'exports');
  if (exported?.kind === 'string') taglib.exports = { value: exported.value, line: lineIn(ctx, path, 'exports', exported) };
  const define = (name: string, key: string, v: ConfigValue) => {
    const files = readDefinition(ctx, v, dir, path, `tag <${name}>`, out);
    if (files.length > 0) taglib.tags.set(name, { files, where: `${path}:${lineIn(ctx, path, key, { kind: 'null', line: v.line })} <${name}>` });
  };
  for (const [key, v] of value.props) {
    const tag = /^<([^>]+)>$/.exec(key);
    if (tag) define(tag[1], key, v);
  }
  const tags = configAt(value, 'tags');
  if (tags?.kind === 'object') for (const [key, v] of tags.props) define(key.replace(/^<|>$/g, ''), key, v);
  return taglib;
};

interface Reading {
  ctx: FrameworkContext;
  pkg: JsPackage;
  out: FrameworkOutput;
  taglibs: Map<string, Taglib | null>;
  /** A tag folder's marko-tag.json, read once: the files it names as the tag. */
  tagFiles: Map<string, string[]>;
}

const taglibAt = (r: Reading, dir: string): Taglib | null => {
  if (!r.taglibs.has(dir)) {
    const path = joinRepo(dir, TAGLIB) ?? TAGLIB;
    r.taglibs.set(dir, r.ctx.files.has(path) ? readTaglib(r.ctx, path, r.out) : null);
  }
  return r.taglibs.get(dir)!;
};

const markoTagJson = (r: Reading, path: string): string[] => {
  if (!r.tagFiles.has(path)) {
    const value = readToolConfig(r.ctx, path, r.out.diagnostics, 'marko').value;
    r.tagFiles.set(path, value === null ? [] : readDefinition(r.ctx, value, dirname(path), path, 'tag', r.out));
  }
  return r.tagFiles.get(path)!;
};

/** The files that are tag `name` in tags folder `dir`, by Marko's rules for a tags folder. */
const tagInFolder = (r: Reading, dir: string, name: string): string[] => {
  const has = (p: string | null): p is string => p !== null && r.ctx.files.has(p);
  const single = joinRepo(dir, `${name}.marko`);
  if (has(single)) return [single];
  const folder = joinRepo(dir, name);
  if (folder === null) return [];
  const files: string[] = [];
  const json = joinRepo(folder, TAG_FILE);
  if (has(json)) files.push(...markoTagJson(r, json));
  for (const template of ['index.marko', 'template.marko']) {
    const path = joinRepo(folder, template);
    if (has(path)) files.push(path);
  }
  const renderer = codeFileAt(r.ctx, `${folder}/renderer`);
  if (renderer !== null) files.push(renderer);
  return [...new Set(files)];
};

/** Tag `name` as a template in `fromDir` finds it: the nearest folder up to the package's that defines it. */
const findTag = (r: Reading, fromDir: string, name: string): { files: string[]; where: string } | null => {
  let dir = fromDir;
  for (;;) {
    const taglib = taglibAt(r, dir);
    const declared = taglib?.tags.get(name);
    if (declared) return { files: declared.files, where: declared.where };
    const tagsDirs = taglib?.tagsDirs ?? DEFAULT_TAG_DIRS.map((d) => joinRepo(dir, d)).filter((d): d is string => d !== null);
    for (const tagsDir of tagsDirs) {
      const files = tagInFolder(r, tagsDir, name);
      if (files.length > 0) return { files, where: `${tagsDir}/${taglib?.tagsDirs ? ` (tags-dir of ${taglib.path})` : ''}` };
    }
    if (dir === r.pkg.dir || dir === '') return null;
    dir = dirname(dir);
  }
};

/** The split component files Marko pairs with a template. */
const componentFiles = (ctx: FrameworkContext, template: string): string[] => {
  const dir = dirname(template);
  const stem = basename(template).replace(/\.marko$/, '');
  const bases = [`${stem}.component`, `${stem}.component-browser`, ...(stem === 'index' ? ['component', 'component-browser'] : [])];
  return bases.map((b) => codeFileAt(ctx, dir === '' ? b : `${dir}/${b}`)).filter((f): f is string => f !== null);
};

const readTemplate = (r: Reading, template: string): void => {
  const { ctx, out } = r;
  for (const file of componentFiles(ctx, template)) {
    out.references.push(fileReference(template, file, undefined, `the component class Marko pairs with ${template} (${basename(file)} beside it)`));
  }
  const text = ctx.readText(template);
  if (text === null) return;
  const scanned = scanMarkoTemplate(text);
  const lines = buildLineTable(text);
  const seen = new Set<string>();
  const uses = [...scanned.tagImports.map((t) => ({ ...t, imported: true })), ...scanned.tags.map((t) => ({ ...t, imported: false }))];
  for (const use of uses) {
    if (seen.has(use.name) || use.name.startsWith('@')) continue;
    seen.add(use.name);
    const found = findTag(r, dirname(template), use.name);
    if (found === null) continue;
    const line = lines.lineOf(use.offset);
    for (const file of found.files) {
      if (file === template) continue;
      const how = use.imported ? `imported as the tag "<${use.name}>"` : `used as the tag <${use.name}>`;
      out.references.push(fileReference(template, file, line, `${how} by ${template}:${line} (Marko finds the tag in ${found.where})`));
    }
  }
};

/** marko.json `exports`: the tags folder a tag library publishes, traced back to its source when it is build output. */
const exportedTags = (r: Reading, taglib: Taglib): void => {
  const { ctx, out } = r;
  if (taglib.exports === null) return;
  const built = joinRepo(dirname(taglib.path), taglib.exports.value);
  if (built === null) return;
  const checkedIn = isFolder(ctx.files, built);
  const traced = checkedIn ? null : createBuildOutputMap(ctx.manifests).explainFolder(built);
  const dir = checkedIn ? built : traced?.source;
  if (dir === undefined) return;
  const names = new Set<string>();
  for (const file of pathsWithPrefix(ctx.files, dir === '' ? '' : `${dir}/`)) {
    const rest = file.slice(dir === '' ? 0 : dir.length + 1).split('/');
    if (rest.length === 1 && /^[^.]+\.marko$/.test(rest[0])) names.add(rest[0].replace(/\.marko$/, ''));
    else if (rest.length === 2) names.add(rest[0]);
  }
  const from = traced ? `, built from ${dir}/ (${traced.why})` : '';
  for (const name of [...names].sort()) {
    for (const target of tagInFolder(r, dir, name)) {
      out.entries.push({
        source: taglib.path,
        target,
        targetKind: 'file',
        kind: 'production',
        evidence: `${taglib.path}:${taglib.exports.line} exports "${taglib.exports.value}"${from}: tag <${name}> of the published tag library`,
        line: taglib.exports.line,
      });
    }
  }
};

const routes = (r: Reading): void => {
  const { ctx, pkg, out } = r;
  if (!dependsOn(pkg, '@marko/run')) return;
  const dir = joinRepo(pkg.dir, 'src/routes');
  if (dir === null) return;
  for (const file of packageFilesUnder(ctx, pkg, dir)) {
    if (!ROUTE_FILE.test(basename(file))) continue;
    out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'production', evidence: `@marko/run route file (${dir}/, ${basename(file).replace(/\..*$/, '')}), served by the app ${pkg.manifest} builds with @marko/run` });
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const r: Reading = { ctx, pkg, out, taglibs: new Map(), tagFiles: new Map() };
  const files = packageFilesUnder(ctx, pkg, pkg.dir);
  for (const file of files) {
    if (basename(file) === TAGLIB) {
      const taglib = taglibAt(r, dirname(file));
      if (taglib !== null) exportedTags(r, taglib);
    } else if (basename(file) === TAG_FILE) markoTagJson(r, file);
  }
  for (const file of files) if (file.endsWith('.marko')) readTemplate(r, file);
  routes(r);
};

const marko: FrameworkReader = {
  id: 'marko',
  title: 'Marko (tags found by name, split components, tag-library exports and compiler hooks, @marko/run routes)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Marko'),
  collect: eachPackage(packages, collectPackage),
};

export default marko;

/**
 * size-limit (https://github.com/ai/size-limit) reads its checks from package.json `"size-limit"`
 * or the first of .size-limit.{json,js,cjs,mjs,ts,mts,cts} (and an extension-less .size-limit,
 * JSON) beside it: an array of checks whose `path` (a string or an array, globs allowed, relative
 * to the config's folder) names the files it bundles and measures. The config file is a root with
 * the kind of what runs `size-limit`; a `path` that names files in the repo (usually it names
 * built output, which is not) makes each a reference from the config — from package.json, an
 * entry of that kind, as package.json is not code that reaches anything.
 */
import { configAt, configStrings, jsonConfigValue, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, jsPackages, enabledByPackages, fileReference, filesIn, globFiles, kindOf, readToolConfig, runEvidence, toolPackages, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^\.size-limit(\.(json|[cm]?js|[cm]?ts))?$/;
/** The order size-limit's config search tries, after package.json. */
const SEARCH = ['.size-limit.json', '.size-limit', '.size-limit.js', '.size-limit.mjs', '.size-limit.cjs', '.size-limit.ts', '.size-limit.mts', '.size-limit.cts'];

/** Packages that declare size-limit (or a preset), hold its config, or carry a `"size-limit"` key. */
const packages = (ctx: FrameworkContext): JsPackage[] => {
  const using = new Set(toolPackages(ctx, ['size-limit', /^@size-limit\//], CONFIG));
  return jsPackages(ctx).filter((p) => using.has(p) || p.json['size-limit'] !== undefined);
};

/** The repo files one check's `path` names: a glob's matches, or the file itself when it is in the repo. */
const measured = (ctx: FrameworkContext, dir: string, spec: string): string[] => {
  const path = spec.replace(/^\.\//, '');
  if (/[*?{[]/.test(path)) return globFiles(ctx, dir, [path]).map((g) => g.file);
  const file = joinRepo(dir, path);
  return file !== null && ctx.files.has(file) ? [file] : [];
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['size-limit']);
  const inPackage = pkg.json['size-limit'];
  const found = filesIn(ctx, pkg.dir, CONFIG);
  const file = SEARCH.map((name) => joinRepo(pkg.dir, name)).find((f) => f !== null && found.includes(f)) ?? null;
  let config: string;
  let value: ConfigValue | null;
  if (inPackage !== undefined) {
    config = pkg.manifest;
    value = jsonConfigValue(JSON.stringify(inPackage));
  } else if (file !== null) {
    config = file;
    value = readToolConfig(ctx, file, out.diagnostics, 'size-limit').value;
    out.entries.push({ source: file, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${file}: size-limit config, loaded by ${runEvidence(run, 'size-limit')}` });
  } else return;
  const checks = value?.kind === 'array' ? value.items : value ? [value] : [];
  const unread: { line: number; text: string }[] = [];
  for (const check of checks) {
    const paths = configStrings(configAt(check, 'path'));
    unread.push(...paths.unknown);
    for (const p of paths.strings) {
      for (const target of measured(ctx, pkg.dir, p.value)) {
        if (target === config) continue;
        const where = config === pkg.manifest ? `${config} "size-limit"` : `${config}:${p.line}`;
        const label = `size-limit path "${p.value}" in ${where}`;
        if (config === pkg.manifest) out.entries.push({ source: config, target, targetKind: 'file', kind: kindOf(run), evidence: `${label}, measured by ${runEvidence(run, 'size-limit')}` });
        else out.references.push(fileReference(config, target, p.line, label));
      }
    }
  }
  warnUnread(out.diagnostics, 'size-limit', config, unread, 'path');
};

const sizeLimit: FrameworkReader = {
  id: 'size-limit',
  title: 'size-limit (its config, and the repo files its checks measure)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'size-limit'),
  collect: eachPackage(packages, collectPackage),
};

export default sizeLimit;

/**
 * Mocha runs the files its config names, which nothing imports: `spec` globs (default
 * `./test/*.{js,cjs,mjs}`, plus the `extension`s the config adds), `require` and `file` modules
 * (root hooks, setup), from .mocharc.{js,cjs,mjs,json,jsonc,yml,yaml} or package.json "mocha", and
 * the same as arguments of a `mocha` command (`mocha 'test/**\/*.spec.ts' -r ./setup.ts`). All
 * test roots; a path that is a package (`ts-node/register`) gives nothing. A folder spec, or a
 * glob of folders (`extensions/**\/test`), names the code files below each folder.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, filesIn, globFiles, positionalArgs, readToolConfig, resolveToolPath, toolInvocations, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^\.mocharc\.([cm]?js|jsonc?|ya?ml)$/;
const VALUE_FLAGS = ['--require', '-r', '--file', '--config', '--extension', '--reporter', '-R', '--ui', '-u', '--timeout', '-t', '--grep', '-g', '--ignore', '--exclude', '--spec', '--reporter-option', '--reporter-options', '-O', '--slow', '-s', '--retries', '--package', '--jobs', '-j', '--fgrep', '-f', '--node-option', '-n'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['mocha'], CONFIG);

interface Options {
  spec: string[];
  files: { value: string; line: number; key: string }[];
  extensions: string[];
}

const readOptions = (value: ConfigValue | null, config: string, out: FrameworkOutput, into: Options) => {
  const spec = configStrings(configAt(value, 'spec'));
  warnUnread(out.diagnostics, 'mocha', config, spec.unknown, 'spec');
  into.spec.push(...spec.strings.map((s) => s.value));
  for (const key of ['require', 'file']) {
    const named = configStrings(configAt(value, key));
    warnUnread(out.diagnostics, 'mocha', config, named.unknown, key);
    into.files.push(...named.strings.map((s) => ({ ...s, key })));
  }
  into.extensions.push(...configStrings(configAt(value, 'extension')).strings.map((s) => s.value.replace(/^\./, '')));
};

/**
 * A spec that may name folders, whose code files mocha runs: a plain path that is no code file,
 * or a glob whose last segment is a plain name (stop 66: ghost-cli's npm test `mocha --recursive
 * test/unit extensions/**\/test`, which npm's shell expands to the folders extensions/<name>/test;
 * mocha's own glob of such a pattern matches no file, so only folders make sense of it).
 */
const mayNameFolders = (spec: string): boolean => {
  const last = spec.replace(/\/$/, '').split('/').pop() ?? '';
  return !/[*?{[]/.test(last) && !/\.[cm]?[jt]sx?$/.test(spec);
};

const addFiles = (ctx: FrameworkContext, dir: string, source: string, o: Options, out: FrameworkOutput) => {
  const spec = o.spec.length > 0 ? o.spec : [`./test/*.{${['js', 'cjs', 'mjs', ...o.extensions].join(',')}}`];
  for (const { file, glob } of globFiles(ctx, dir, spec.flatMap((s) => (mayNameFolders(s) ? [s, `${s.replace(/\/$/, '')}/**/*.{${['js', 'cjs', 'mjs', ...o.extensions].join(',')}}`] : [s]))))
    out.entries.push({ source, target: file, targetKind: 'file', kind: 'test', evidence: `mocha spec "${glob}" (${source})` });
  for (const f of o.files) {
    const file = resolveToolPath(ctx, dir, f.value.startsWith('.') || f.value.startsWith('/') ? f.value : `./${f.value}`);
    if (file) out.entries.push({ source, target: file, targetKind: 'file', kind: 'test', evidence: `${source}${f.line > 1 ? `:${f.line}` : ''} mocha ${f.key} "${f.value}"`, ...(f.line > 1 ? { line: f.line } : {}) });
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const configs = filesIn(ctx, pkg.dir, CONFIG);
  const options: Options = { spec: [], files: [], extensions: [] };
  for (const config of configs) readOptions(readToolConfig(ctx, config, out.diagnostics, 'mocha').value, config, out, options);
  if (pkg.json.mocha !== undefined) readOptions(configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, 'mocha').value, 'mocha'), pkg.manifest, out, options);
  const runs = toolInvocations(ctx, ['mocha', '_mocha']).filter((r) => r.cwd === pkg.dir);
  if (configs.length > 0 || pkg.json.mocha !== undefined || runs.length === 0) addFiles(ctx, pkg.dir, configs[0] ?? pkg.manifest, options, out);
  for (const run of runs) {
    const cli: Options = { spec: positionalArgs(run.args, VALUE_FLAGS), files: [], extensions: [...options.extensions] };
    run.args.forEach((a, i) => {
      const key = a === '--require' || a === '-r' ? 'require' : a === '--file' ? 'file' : a === '--spec' ? 'spec' : null;
      const value = run.args[i + 1];
      if (key === 'spec' && value) cli.spec.push(value);
      else if (key && value) cli.files.push({ value, line: 1, key });
    });
    if (cli.spec.length === 0 && cli.files.length === 0) continue;
    if (cli.spec.length === 0) cli.spec.push(...(options.spec.length > 0 ? options.spec : []));
    addFiles(ctx, pkg.dir, run.source, cli, out);
  }
};

const mocha: FrameworkReader = {
  id: 'mocha',
  title: 'Mocha (.mocharc spec, require and file; mocha command arguments)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Mocha'),
  collect: eachPackage(packages, collectPackage),
};

export default mocha;

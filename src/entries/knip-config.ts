/**
 * A knip config the repo already has (knip.json, .knip.json, knip.jsonc, knip.ts, knip.config.ts,
 * package.json "knip"): its `entry` globs are production entries, for the root and for each of
 * its `workspaces`, so a team coming from knip keeps the entry points it declared. Its `ignore`
 * globs are tooling roots whose evidence names the knip config: knip reports nothing about those
 * files, so census does not call them dead either (an `ignore` of only `!glob`s ignores all else). `project` is not read: it narrows what knip
 * looks at, it does not say a file is used, and census keeps its own discovery (a file outside
 * `project` is judged on census's own evidence). Patterns are relative to the workspace; a
 * trailing `!` (knip's production marker) is dropped and `!glob` excludes. A knip.ts is read
 * statically; what is computed there is a warning, never a guess.
 *
 * A `paths` alias whose target is one ambient declaration file (`declare module '~icons/*'`) is a
 * tooling root: the declarations TypeScript applies to the aliased imports.
 *
 * A plugin's `config` files are tooling roots (knip makes them entries), its `entry` globs test
 * roots for a test runner's plugin (jest, vitest, ava, …), else tooling. Reading the file is
 * languages/javascript/knip-config-file.ts's, shared with test discovery and the jest and vitest
 * readers, which read the runner configs a knip config names.
 */
import { readConfigFile } from '../languages/javascript/config-value.js';
import { JS_FAMILY_FILE } from '../languages/js-family.js';
import { CODE_NAME, JSON_NAMES, KNIP_OPTIONS, TEST_PLUGINS, expand, patternsOf, pluginConfigPatterns, toPlain, workspaceDirs } from '../languages/javascript/knip-config-file.js';
import { warning } from '../util/diagnostics.js';
import { parseJsonc } from '../util/jsonc.js';
import { basename, dirname, joinRepo } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import { actsAmbiently } from './tsconfig-program.js';
import { isRecord } from '../manifests/json.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';

// knip's globs name code of any JS-family language, MDX pages included (knip's own compilers read them).
const CODE = JS_FAMILY_FILE;
const DECLARATION = /\.d\.[cm]?ts$/;

const read = (config: unknown, source: string, line: (key: string) => number | undefined, ctx: DetectorContext, out: DetectorOutput) => {
  if (!isRecord(config)) return;
  const base = dirname(source);
  const add = (dir: string, value: unknown, where: string) => {
    for (const { file, pattern } of expand(dir, patternsOf(value), ctx.files)) {
      out.entries.push(fileEntry(file, 'production', `${source} ${where}entry "${pattern}"`, line(where ? 'workspaces' : 'entry')));
    }
  };
  // knip reports nothing about an ignored file: census does not call it dead either, and says why.
  // A `!glob` carves an exception out of the other patterns; a list of nothing but negations
  // (`["!src/team-b/**"]`) ignores everything else, as knip matches it (a negated glob matches
  // every path it does not name): only what the negations name is still reported.
  const ignore = (dir: string, value: unknown, where: string) => {
    const patterns = patternsOf(value);
    const onlyNegated = patterns.length > 0 && patterns.every((p) => p.startsWith('!'));
    for (const { file, pattern } of expand(dir, onlyNegated ? ['**', ...patterns] : patterns, ctx.files)) {
      if (!CODE.test(file)) continue;
      const why = onlyNegated ? `ignore ${JSON.stringify(patterns)}: everything but what it names is ignored by the knip config` : `ignore "${pattern}": ignored by the knip config`;
      out.entries.push(fileEntry(file, 'tooling', `${source} ${where}${why}, so not called dead`, line(where ? 'workspaces' : 'ignore')));
    }
  };
  // A plugin's `config` (`"jest": { "config": ["jest.e2e.config.js"] }`, or `"jest": "x"`) names a config of that tool: a tooling root, as knip makes it an entry.
  const pluginConfigs = (dir: string, scope: Record<string, unknown>, where: string) => {
    for (const [plugin, value] of Object.entries(scope)) {
      const patterns = pluginConfigPatterns(plugin, value);
      if (patterns.length === 0) continue;
      for (const { file, pattern } of expand(dir, patterns, ctx.files)) {
        if (CODE.test(file)) out.entries.push(fileEntry(file, 'tooling', `${source} ${where}${plugin}.config "${pattern}": the ${plugin} config the knip config names`, line(where ? 'workspaces' : plugin)));
      }
    }
  };
  // A plugin's `entry` globs are the files that tool loads (a test runner's tests): test roots for a test runner, else tooling.
  const pluginEntries = (dir: string, scope: Record<string, unknown>, where: string) => {
    for (const [plugin, value] of Object.entries(scope)) {
      if (KNIP_OPTIONS.has(plugin) || !isRecord(value) || value.entry === undefined) continue;
      const kind = TEST_PLUGINS.has(plugin) ? 'test' : 'tooling';
      for (const { file, pattern } of expand(dir, patternsOf(value.entry), ctx.files)) {
        if (CODE.test(file)) out.entries.push(fileEntry(file, kind, `${source} ${where}${plugin}.entry "${pattern}": loaded by ${plugin}, the knip config says`, line(where ? 'workspaces' : plugin)));
      }
    }
  };
  // A `paths` alias whose target is one ambient declaration file (`"~icons/*":
  // ["./types/virtual.d.ts"]` holding `declare module '~icons/*'`, the types of a bundler's virtual
  // modules) names the declarations TypeScript applies to those imports: a tooling root, as an
  // ambient .d.ts in a tsconfig's program is. Code targets, and a .d.ts that only exports, must
  // still be imported to count; resolving the aliases is resolution/knip-paths.ts's.
  const aliasTypes = (dir: string, value: unknown, where: string) => {
    if (!isRecord(value)) return;
    for (const [pattern, targets] of Object.entries(value)) {
      for (const target of patternsOf(targets)) {
        const file = target.includes('*') ? null : joinRepo(dir, target);
        if (file !== null && DECLARATION.test(file) && ctx.files.has(file) && actsAmbiently(ctx, file)) {
          out.entries.push(fileEntry(file, 'tooling', `${source} ${where}paths "${pattern}": the declarations the knip config maps those imports to`, line(pattern) ?? line(where ? 'workspaces' : 'paths')));
        }
      }
    }
  };
  if (config.entry !== undefined) add(base, config.entry, '');
  if (config.paths !== undefined) aliasTypes(base, config.paths, '');
  if (config.ignore !== undefined) ignore(base, config.ignore, '');
  pluginConfigs(base, config, '');
  pluginEntries(base, config, '');
  if (isRecord(config.workspaces)) {
    for (const [key, ws] of Object.entries(config.workspaces)) {
      if (!isRecord(ws)) continue;
      for (const dir of workspaceDirs(base, key, ctx.files)) {
        if (ws.entry !== undefined) add(dir, ws.entry, `workspaces["${key}"] `);
        if (ws.paths !== undefined) aliasTypes(dir, ws.paths, `workspaces["${key}"] `);
        if (ws.ignore !== undefined) ignore(dir, ws.ignore, `workspaces["${key}"] `);
        pluginConfigs(dir, ws, `workspaces["${key}"] `);
        pluginEntries(dir, ws, `workspaces["${key}"] `);
      }
    }
  }
};

/** The line of `"key"` in a JSON text, for evidence. */
const jsonKeyLine = (text: string, key: string): number | undefined => {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
};

const knipConfig: EntryDetector = {
  id: 'knip-config',
  title: 'knip config (entry and ignore globs, per workspace)',
  matches: (path, name) => JSON_NAMES.has(name) || CODE_NAME.test(name) || name === 'package.json',
  candidates: { names: [...JSON_NAMES, 'package.json', ...['knip', 'knip.config'].flatMap((stem) => ['js', 'ts', 'cjs', 'cts', 'mjs', 'mts'].map((ext) => `${stem}.${ext}`))] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const name = basename(file.path);
    if (name === 'package.json') {
      if (!file.text.includes('"knip"')) return out;
      const parsed = parseJsonc(file.text);
      // A broken package.json is the package-json detector's to report.
      if ('value' in parsed && isRecord(parsed.value)) read(parsed.value.knip, file.path, (k) => jsonKeyLine(file.text, k), ctx, out);
      return out;
    }
    if (JSON_NAMES.has(name)) {
      const parsed = parseJsonc(file.text);
      if (!('value' in parsed)) {
        out.diagnostics.push(warning('knip-config/invalid', `not valid JSON: ${parsed.error}`, file.path, parsed.line));
        return out;
      }
      read(parsed.value, file.path, (k) => jsonKeyLine(file.text, k), ctx, out);
      return out;
    }
    const { value } = readConfigFile(file.path, file.text);
    if (value === null) {
      out.diagnostics.push(warning('knip-config/not-static', 'no exported config object census can read without running it', file.path, 1));
      return out;
    }
    const unread: { line: number; text: string }[] = [];
    const plain = toPlain(value, unread);
    for (const u of unread) out.diagnostics.push(warning('knip-config/computed', `computed, not read: ${u.text}`, file.path, u.line));
    read(plain, file.path, (k) => (value.kind === 'object' ? value.props.get(k)?.line : undefined), ctx, out);
    return out;
  },
};

export default knipConfig;

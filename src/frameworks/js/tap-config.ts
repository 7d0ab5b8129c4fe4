/**
 * tap's own config, which a bare `tap` run reads instead of its command line: the package's `.taprc`
 * (YAML or JSON, or the file `--rcfile` names) and the `"tap"` object of its package.json. A key is
 * a long option's name without its dashes (tap 16: `files: [test/**\/*.test.js]`, `test-regex`,
 * `test-ignore`, `before`, `after`; tap 18: `include` and `exclude` globs), the `.taprc` over the
 * package.json where both set it, the command line over both (tap-runners reads that). fastify's
 * plugins moved `tap test/*.test.js` into `.taprc`'s `files:` so: read only from the command line,
 * every such test was dead.
 */
import { configAt, configStrings, plainConfigValue, type ConfigValue } from '../../languages/javascript/config-value.js';
import { safeRegExp } from '../../util/safe-regex.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext } from '../types.js';
import { optionValues, readToolConfig, type JsPackage } from './support.js';

/** One string a config sets, with where it is set (`.taprc:3`, `package.json "tap"`). */
export interface TapSetting {
  /** The key that sets it (`files`, `include`, `before`). */
  key: string;
  value: string;
  where: string;
}

export interface TapConfig {
  /** Test files, globs or folders to run when the command line names none (`files`, tap 18's `include`). */
  files: TapSetting[];
  /** tap 18's `exclude` globs, left out of what `include` matches. */
  exclude: string[];
  /** `test-regex`: which files a bare run picks, in place of tap's default. */
  testRegex: { regex: RegExp; where: string } | null;
  /** `test-ignore`: which of those it leaves out, in place of tap's default. */
  testIgnore: RegExp | null;
  /** `before` and `after` programs. */
  programs: TapSetting[];
}

const strings = (key: string, value: ConfigValue | null, where: (line: number) => string): TapSetting[] =>
  configStrings(value).strings.map((s) => ({ key, value: s.value, where: where(s.line) }));

/** A regex option's pattern, compiled only when it cannot backtrack badly; else a warning naming the line. */
const regexOf = (value: ConfigValue | null, file: string, key: string, diagnostics: Diagnostic[]): RegExp | null => {
  if (value?.kind !== 'string') return null;
  const regex = safeRegExp(value.value);
  if (regex === null) diagnostics.push(warning('tap-runners/not-static', `tap's ${key} is not a pattern census runs: ${value.value.slice(0, 80)}`, file, value.line));
  return regex;
};

/** The config a tap run in `pkg` reads, its command line's `--rcfile` naming the rc file. */
export const tapConfigOf = (ctx: FrameworkContext, pkg: JsPackage, args: string[], diagnostics: Diagnostic[]): TapConfig => {
  const rcName = optionValues(args, ['--rcfile'])[0] ?? '.taprc';
  const rc = joinRepo(pkg.dir, rcName.replace(/^\.\//, ''));
  const fromRc = rc !== null && ctx.files.has(rc) ? readToolConfig(ctx, rc, diagnostics, 'tap-runners').value : null;
  const tap = pkg.json.tap;
  const fromPackage = tap !== null && typeof tap === 'object' && !Array.isArray(tap) ? plainConfigValue(tap) : null;
  // The .taprc first: tap lays it over the package.json's section.
  const sources: { value: ConfigValue | null; file: string; where: (line: number) => string }[] = [
    { value: fromRc, file: rc ?? pkg.manifest, where: (line) => `${rc}:${line}` },
    { value: fromPackage, file: pkg.manifest, where: () => `${pkg.manifest} "tap"` },
  ];
  const pick = (key: string): { value: ConfigValue; file: string; where: (line: number) => string } | null => {
    for (const s of sources) {
      const v = configAt(s.value, key);
      if (v !== null) return { value: v, file: s.file, where: s.where };
    }
    return null;
  };
  const filesKey = pick('files') === null ? 'include' : 'files';
  const files = pick(filesKey);
  const testRegex = pick('test-regex');
  const testIgnore = pick('test-ignore');
  const exclude = pick('exclude');
  const regex = testRegex === null ? null : regexOf(testRegex.value, testRegex.file, 'test-regex', diagnostics);
  return {
    files: files === null ? [] : strings(filesKey, files.value, files.where),
    exclude: exclude === null ? [] : configStrings(exclude.value).strings.map((s) => s.value),
    testRegex: regex === null || testRegex === null ? null : { regex, where: testRegex.where(testRegex.value.line) },
    testIgnore: testIgnore === null ? null : regexOf(testIgnore.value, testIgnore.file, 'test-ignore', diagnostics),
    programs: ['before', 'after'].flatMap((key) => {
      const p = pick(key);
      return p === null ? [] : strings(key, p.value, p.where);
    }),
  };
};

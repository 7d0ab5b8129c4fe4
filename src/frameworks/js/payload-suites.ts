/**
 * Payload's own test harness runs suites by folder name: `pnpm dev <suite>` and every e2e run
 * (runE2E → `pnpm dev <suite>`) reach `initDevAndTest`, which imports
 * `path.resolve(testDir, configFile ?? 'config.ts')` with `testDir = path.resolve(dirname, suite)`.
 * Read statically: a harness is a file that imports `path.resolve(<dir>, 'config.ts')` where
 * `<dir>` is `path.resolve(<its own folder>, <a computed name>)`; each Payload config named
 * `config.ts` under that folder is a suite config it loads. The suite's tests make it a test root;
 * a suite without tests is only run by hand through the dev script (tooling).
 */
import { byString } from '../../util/compare.js';
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { basename, dirname, foldersOf } from '../../util/path.js';
import { buildLineTable } from '../../languages/javascript/line-table.js';
import type { FrameworkContext, FrameworkEntry } from '../types.js';
import { CODE, type PayloadConfig } from './payload-configs.js';
import { escapeRegExp } from '../../util/regexp.js';
import { testRoots } from '../test-roots.js';

interface Harness {
  file: string;
  line: number;
  call: string;
  /** Folder the suite names are resolved from. */
  dir: string;
}

const LOAD = /path\s*\.\s*(?:resolve|join)\(\s*(\w+)\s*,\s*((?:[\w.]+\s*\?\?\s*)?(['"])config\.ts\3)\s*\)/g;
const TEST_NAME = /\.(?:spec|test)\.[cm]?[jt]sx?$/;

const usesPath = (ctx: FrameworkContext, file: string): boolean => (ctx.facts(file)?.imports ?? []).some((i) => i.specifier === 'path' || i.specifier === 'node:path');

/** The file's own folder under this name: `dirname`/`__dirname` built from import.meta.url or given by Node. */
const ownFolder = (text: string, name: string): boolean =>
  name === '__dirname' || new RegExp(String.raw`\b(?:const|let|var)\s+${name}\s*=\s*(?:path\s*\.\s*)?dirname\(`).test(text);

/** Harness files, preferring one with a `configFile ?? 'config.ts'` default (the general loader) for evidence. */
const harnesses = (ctx: FrameworkContext, suites: readonly string[]): Harness[] => {
  // A harness sits in a folder above a suite: only files of those folders are read.
  const above = foldersOf(suites);
  const out: Harness[] = [];
  for (const dir of [...above].sort(byString)) for (const file of pathsInDir(ctx.files, dir)) {
    if (!CODE.test(file) || !usesPath(ctx, file)) continue;
    const text = ctx.readText(file) ?? '';
    if (!text.includes('config.ts')) continue;
    for (const m of text.matchAll(LOAD)) {
      // `<dir> = path.resolve(<own folder>, <suite name variable>)`: the suite is a folder below this file's.
      const decl = new RegExp(String.raw`\b${m[1]}\s*=\s*path\s*\.\s*(?:resolve|join)\(\s*(\w+)\s*,\s*[A-Za-z_$][\w$]*\s*\)`).exec(text);
      if (!decl || !ownFolder(text, decl[1])) continue;
      out.push({ file, line: buildLineTable(text).lineOf(m.index ?? 0), call: `path.resolve(${m[1]}, ${m[2]})`, dir: dirname(file) });
      break;
    }
  }
  return out.sort((a, b) => Number(b.call.includes('??')) - Number(a.call.includes('??')));
};

/** A test file in the suite folder (a test root the detectors found, or a `*.spec`/`*.test` file). */
const suiteTest = (ctx: FrameworkContext, dir: string, tests: ReadonlySet<string>): string | null => {
  for (const f of pathsWithPrefix(ctx.files, `${dir}/`)) if (CODE.test(f) && (tests.has(f) || TEST_NAME.test(f)) && !f.includes('node_modules/')) return f;
  return null;
};

/** Suite configs as roots: test when the suite has tests, else tooling (a dev suite). */
export const suiteEntries = (ctx: FrameworkContext, configs: PayloadConfig[]): FrameworkEntry[] => {
  const suites = configs.filter((c) => basename(c.file) === 'config.ts').map((c) => dirname(c.file));
  if (suites.length === 0) return [];
  const found = harnesses(ctx, suites);
  if (found.length === 0) return [];
  const tests = testRoots(ctx);
  const out: FrameworkEntry[] = [];
  for (const config of configs) {
    if (basename(config.file) !== 'config.ts') continue;
    const suite = dirname(config.file);
    const harness = found.find((h) => h.dir === '' || suite.startsWith(`${h.dir}/`));
    if (!harness) continue;
    const name = harness.dir === '' ? suite : suite.slice(harness.dir.length + 1);
    const loads = `${config.file} is the Payload test-suite config of "${name}", loaded by ${harness.file}:${harness.line} (${harness.call})`;
    const test = suiteTest(ctx, suite, tests);
    out.push({
      source: harness.file,
      target: config.file,
      targetKind: 'file',
      kind: test ? 'test' : 'tooling',
      evidence: test ? `${loads} for the suite's tests (${test})` : `${loads}; no test file in ${suite}: a suite run by hand (dev script)`,
    });
    if (harness.call.includes('??')) out.push(...alternates(ctx, configs, suite, name, harness, tests, test));
  }
  return out;
};

/**
 * Other Payload configs of a suite (`config.postgreslogs.ts`, `localizeStatus.config.ts`): the
 * harness loads one when a caller passes its name as `configFile`. A test of the suite that
 * names it as a string makes it a test root; unnamed, it takes the suite's kind (a CI matrix runs
 * `<suite>#<file>` for the suite's tests).
 */
const alternates = (ctx: FrameworkContext, configs: PayloadConfig[], suite: string, name: string, harness: Harness, tests: ReadonlySet<string>, suiteTestFile: string | null): FrameworkEntry[] => {
  const others = configs.filter((c) => dirname(c.file) === suite && basename(c.file) !== 'config.ts');
  if (others.length === 0) return [];
  const suiteTests = pathsWithPrefix(ctx.files, `${suite}/`).filter((f) => CODE.test(f) && (tests.has(f) || TEST_NAME.test(f)));
  return others.map((c): FrameworkEntry => {
    const leaf = basename(c.file);
    const quoted = new RegExp(String.raw`(['"\`])${escapeRegExp(leaf)}\1`);
    let named: string | null = null;
    for (const t of suiteTests) {
      const text = ctx.readText(t) ?? '';
      const m = text.includes(leaf) ? quoted.exec(text) : null;
      if (m) {
        named = `${t}:${buildLineTable(text).lineOf(m.index)}`;
        break;
      }
    }
    const what = `${c.file} is an alternate Payload config of the test suite "${name}", loaded by ${harness.file}:${harness.line} (${harness.call}) when given it as configFile`;
    // Unnamed, it still runs the suite's tests when a CI matrix or a developer passes `<suite>#<file>`.
    const kind = named || suiteTestFile ? 'test' : 'tooling';
    const why = named ? `, as ${named} does` : suiteTestFile ? ` (\`${name}#${leaf}\`) for the suite's tests (${suiteTestFile})` : ` (\`${name}#${leaf}\`; the suite has no tests)`;
    return { source: harness.file, target: c.file, targetKind: 'file', kind, evidence: `${what}${why}` };
  });
};

/**
 * Settings a Django test swaps in for its run: `@override_settings(GRAPHQL_MIDDLEWARE=
 * ["saleor.graphql.middleware.NonExisting"])`, `with modify_settings(MIDDLEWARE={"append":
 * "app.middleware.Audit"})`, `with self.settings(ROOT_URLCONF="tests.urls")`. Whatever reads
 * the setting during the test imports the module its dotted path names (saleor's views.py:
 * `importlib.import_module(module_path)` over GRAPHQL_MIDDLEWARE), so each literal that names a
 * repo module is an edge from the test file, which is a test root. Only the call's own
 * arguments are read, from tokens, never run; a computed value has no literal to read.
 */
import { sortedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { namedTarget } from '../strings.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { isPlainString, stringTokenValue } from '../../languages/python/literals.js';
import { isOp, nameText } from '../../languages/python/ranges.js';
import { Kind, Op } from '../../languages/python/tokens.js';

/** django.test's decorators and context managers that swap settings for one test. */
const SWAPPERS = new Set(['override_settings', 'modify_settings']);
const DJANGO_TEST = new Set(['django.test', 'django.test.utils']);

/** Imports one of SWAPPERS by name, or django.test itself (`TestCase.settings(...)`). */
const swapsSettings = (ctx: FrameworkContext, path: string): boolean =>
  path.endsWith('.py') && (ctx.facts(path)?.imports.some((i) => DJANGO_TEST.has(i.specifier)) ?? false);

/** The call's name as written: `override_settings(`, `modify_settings(`, `self.settings(`. */
const swapperAt = (t: ReturnType<typeof tokenize>, i: number): string | null => {
  if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen)) return null;
  const name = nameText(t, i);
  if (SWAPPERS.has(name)) return name;
  return name === 'settings' && i > 1 && isOp(t, i - 1, Op.Dot) && t.kind[i - 2] === Kind.Name && nameText(t, i - 2) === 'self' ? 'self.settings' : null;
};

const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const path of sortedPaths(ctx.files)) {
    if (!swapsSettings(ctx, path)) continue;
    const text = ctx.readText(path);
    if (text === null || !/\b(?:override_settings|modify_settings|settings)\(/.test(text)) continue;
    const t = tokenize(text);
    const seen = new Set<string>();
    for (let i = 0; i < t.count; i++) {
      const call = swapperAt(t, i);
      if (call === null) continue;
      const open = i + 1;
      let setting: string | null = null;
      let j = open + 1;
      for (; j < t.count && t.depth[j] > t.depth[open]; j++) {
        // A keyword argument at the call's own depth names the setting its value belongs to.
        if (t.depth[j] === t.depth[open] + 1 && t.kind[j] === Kind.Name && isOp(t, j + 1, Op.Assign)) setting = nameText(t, j);
        if (setting === null || !isPlainString(t, j)) continue;
        const value = stringTokenValue(t, j);
        const named = namedTarget(value);
        const key = `${t.line[j]}\0${value}`;
        if (named === null || seen.has(key)) continue;
        seen.add(key);
        out.references.push({
          from: path,
          target: named.target,
          targetKind: named.targetKind,
          line: t.line[j],
          label: `named in ${call}(${setting}=…) in ${path}:${t.line[j]}: the test runs with that setting, and Django or the code that reads it imports what it names`,
        });
      }
      i = j;
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'django-test-settings',
  title: "Django tests' override_settings, modify_settings and self.settings",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (const path of ctx.files) if (swapsSettings(ctx, path)) return `${path} imports django.test`;
    return null;
  },
  collect,
};

export default reader;

/**
 * Settings a Django test swaps in for its run: `@override_settings(GRAPHQL_MIDDLEWARE=
 * ["saleor.graphql.middleware.NonExisting"])`, `with modify_settings(MIDDLEWARE={"append":
 * "app.middleware.Audit"})`. Whatever reads the setting during the test imports the module its
 * dotted path names (saleor's views.py: `importlib.import_module(module_path)` over
 * GRAPHQL_MIDDLEWARE), so each literal that names a repo module is an edge from the test file,
 * which is a test root. The literals were noted at extraction (languages/python/setting-swaps.ts):
 * no file is read again.
 */
import { listedPaths, sortedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { namedTarget } from '../strings.js';

const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const path of sortedPaths(ctx.files)) {
    const swaps = path.endsWith('.py') ? ctx.facts(path)?.settingSwaps : undefined;
    if (swaps === undefined) continue;
    const seen = new Set<string>();
    for (const { call, setting, value, line } of swaps) {
      const named = namedTarget(value);
      const key = `${line}\0${value}`;
      if (named === null || seen.has(key)) continue;
      seen.add(key);
      out.references.push({
        from: path,
        target: named.target,
        targetKind: named.targetKind,
        line,
        label: `named in ${call}(${setting}=…) in ${path}:${line}: the test runs with that setting, and Django or the code that reads it imports what it names`,
      });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'django-test-settings',
  title: "Django tests' override_settings and modify_settings",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    // By index over the set's own order, as every walk of all paths asked once (file-index.ts listedPaths).
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const path = listed[at];
      if (path.endsWith('.py') && ctx.facts(path)?.settingSwaps !== undefined) return `${path} swaps settings for a test`;
    }
    return null;
  },
  collect,
};

export default reader;

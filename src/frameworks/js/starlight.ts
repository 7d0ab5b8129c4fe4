/**
 * Starlight (the Astro docs theme) loads files its integration options name, which nothing
 * imports: the `components` map's overrides (`Head: './src/components/Head.astro'`), which
 * replace its own components in every page, and `routeMiddleware` (a path or a list). Both are
 * options of the `starlight({...})` call in astro.config.* (under the name its default import
 * has), paths relative to the config's folder; a package specifier names no repo file. Roots with
 * the kind of what runs astro in the package; a computed option is a warning naming its line.
 */
import { callsIn, configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, filesIn, jsPackages, kindOf, resolveToolPath, runEvidence, toolRun, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^astro\.config\.[cm]?[jt]s$/;
const PACKAGE = '@astrojs/starlight';

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, PACKAGE));

/** The local name astro.config imports Starlight's default export under (`import starlight from '@astrojs/starlight'`). */
const importedName = (text: string): string =>
  new RegExp(String.raw`import\s+(\w+)\s*(?:,\s*\{[^}]*\})?\s*from\s*['"]${escapeRegExp(PACKAGE)}['"]`).exec(text)?.[1] ?? 'starlight';

type Named = { key: string; value: string; line: number };

/** `components` values (by override name) and `routeMiddleware` strings; computed ones go to `unread`. */
const namedFiles = (options: ConfigValue, unread: { line: number; text: string }[]): Named[] => {
  const out: Named[] = [];
  const take = (key: string, v: ConfigValue) => {
    if (v.kind === 'string') out.push({ key, value: v.value, line: v.line });
    else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
  };
  const components = configAt(options, 'components');
  if (components?.kind === 'object') for (const [name, v] of components.props) take(`components.${name}`, v);
  else if (components?.kind === 'unknown') take('components', components);
  const middleware = configStrings(configAt(options, 'routeMiddleware'));
  for (const s of middleware.strings) out.push({ key: 'routeMiddleware', ...s });
  unread.push(...middleware.unknown);
  return out;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const config = filesIn(ctx, pkg.dir, CONFIG)[0];
  const text = config ? ctx.readText(config) : null;
  if (!config || text === null) return;
  const run = toolRun(ctx, pkg.dir, ['astro'], { bundler: true });
  const unread: { line: number; text: string }[] = [];
  for (const call of callsIn(config, text, new RegExp(`^${escapeRegExp(importedName(text))}$`))) {
    const options = call.args[0] ?? null;
    if (options?.kind === 'unknown') unread.push({ line: options.line, text: options.text });
    if (options?.kind !== 'object') continue;
    for (const n of namedFiles(options, unread)) {
      const file = resolveToolPath(ctx, dirname(config), n.value);
      if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${config}:${n.line} Starlight ${n.key} "${n.value}" (${runEvidence(run, 'astro')})`, line: n.line });
    }
  }
  warnUnread(out.diagnostics, 'starlight', config, unread, 'a Starlight option');
};

const starlight: FrameworkReader = {
  id: 'starlight',
  title: 'Starlight (component overrides and route middleware its astro.config options name)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Starlight'),
  collect: eachPackage(packages, collectPackage),
};

export default starlight;

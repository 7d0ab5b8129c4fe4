/**
 * Vue CLI plugins are loaded by their package's name, never by an import of the package's files.
 * A package named `@vue/cli-service`, `@vue/cli-plugin-*`, `vue-cli-plugin-*` or
 * `@scope/vue-cli-plugin-*` (cli-shared-utils' pluginRE) is a plugin: `vue create`, `vue add` and
 * `vue invoke` load `<id>/generator` (`generator.js` or `generator/index.js`) and `<id>/prompts`
 * (@vue/cli lib/Generator.js, Creator.js: `loadModule(`${id}/generator`, context)`), `vue upgrade`
 * loads `<id>/migrator`, `vue ui` loads `<id>/ui` (`ui.js` or `ui/index.js`), and
 * `vue-cli-service` requires the package itself (its `main`, else `index.js`: the service plugin).
 * Each of those files that is there is a production root of the plugin package: it is what the
 * package ships for. A generator copies the files of a folder into the project it scaffolds
 * (`api.render('./template', data)` from the folder of the file that calls it,
 * `` api.render(`./templates/tests-${name}`) `` every file below `./templates` whose path starts `tests-`, `api.render({ 'src/x.js':
 * './template/x.js' })` one file each): those files are EJS templates the generator reads, not
 * code the package runs, and not dead either; each code file among them is reached from the call
 * that renders it. A project names its own plugins in package.json `vuePlugins.service` (loaded by
 * vue-cli-service: the kind of what runs it there) and `vuePlugins.ui` (loaded by `vue ui`: tooling).
 */
import { isRecord } from '../../manifests/json.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt, lineHolding } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { JS_FAMILY_CODE_FILE } from '../../languages/js-family.js';
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { callArgsText, literalValue } from './parameter-values.js';
import { jsPackages, kindOf, resolveToolPath, runEvidence, toolRun, type JsPackage } from './support.js';
import { perScan } from '../per-scan.js';

/** @vue/cli-shared-utils' pluginRE, with @vue/cli-service (its generator is the first @vue/cli runs). */
const PLUGIN_NAME = /^(?:@vue\/cli-service$|@vue\/cli-plugin-|vue-cli-plugin-|@[\w-]+(?:\.[\w-]+)?\/vue-cli-plugin-)/;

/** The modules @vue/cli and vue-cli-service load from a plugin by name, with who loads them. */
const PLUGIN_MODULES: readonly { spec: string; by: string }[] = [
  { spec: './generator', by: '@vue/cli runs it on vue create, vue add and vue invoke' },
  { spec: './prompts', by: '@vue/cli asks its questions on vue create, vue add and vue invoke' },
  { spec: './migrator', by: '@vue/cli runs it on vue upgrade' },
  { spec: './ui', by: 'the Vue UI (vue ui) loads it' },
];

/** `api.render(` (any receiver: the generator's first parameter) with its first argument. */
const RENDER = /(?<![\w$])[A-Za-z_$][\w$]*\s*\.\s*render\s*\(/g;

const pluginPackages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => typeof p.json.name === 'string' && PLUGIN_NAME.test(p.json.name));

/** The files of the package (not of a package nested in it), with the given folder prefix. */
const filesUnder = (ctx: FrameworkContext, folder: string): string[] => pathsWithPrefix(ctx.files, folder === '' ? '' : `${folder}/`).filter((f) => !f.includes('node_modules/'));

/** What a `render(…)` argument names: a folder (all files below it) or single files, from the calling file's folder. */
const rendered = (ctx: FrameworkContext, file: string, arg: string): { spec: string; files: string[] }[] => {
  const dir = dirname(file);
  const a = arg.trim();
  const literal = literalValue(a);
  if (literal !== null) {
    if (!/^\.{1,2}\//.test(literal)) return [];
    const folder = joinRepo(dir, literal.replace(/\/+$/, ''));
    if (folder === null) return [];
    return [{ spec: literal, files: ctx.files.has(folder) ? [folder] : filesUnder(ctx, folder) }];
  }
  // `./templates/tests-${framework}`: every file below the literal folder whose path goes on with the literal start of the name.
  const template = /^`([^`$\\\n]*)\$\{/.exec(a)?.[1];
  if (template !== undefined && /^\.{1,2}\/[^`]*\//.test(template)) {
    const cut = template.lastIndexOf('/');
    const folder = joinRepo(dir, template.slice(0, cut));
    const start = template.slice(cut + 1);
    if (folder === null) return [];
    return [{ spec: `${template}*`, files: filesUnder(ctx, folder).filter((f) => f.slice(folder === '' ? 0 : folder.length + 1).startsWith(start)) }];
  }
  // `{ 'src/x.js': './template/x.js' }`: the values are the sources.
  if (a.startsWith('{') && a.endsWith('}')) {
    const out: { spec: string; files: string[] }[] = [];
    for (const entry of splitArgs(a.slice(1, -1))) {
      const source = literalValue(entry.slice(entry.lastIndexOf(':') + 1));
      if (source === null || !/^\.{1,2}\//.test(source)) continue;
      const target = joinRepo(dir, source);
      if (target !== null && ctx.files.has(target)) out.push({ spec: source, files: [target] });
    }
    return out;
  }
  return [];
};

const collected = perScan((ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const pkg of pluginPackages(ctx)) {
    const name = String(pkg.json.name);
    const roots = new Set<string>();
    const main = typeof pkg.json.main === 'string' ? pkg.json.main : './index';
    for (const { spec, by } of [...PLUGIN_MODULES, { spec: main.startsWith('.') ? main : `./${main}`, by: 'vue-cli-service requires the plugin by its name (the service plugin)' }]) {
      const file = resolveToolPath(ctx, pkg.dir, spec);
      if (file === null || roots.has(file)) continue;
      roots.add(file);
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'production', evidence: `${file}: ${name} is a Vue CLI plugin (${pkg.manifest}); ${by}` });
    }
    // The files its generator renders into the project: templates, reached from the render call.
    for (const file of filesUnder(ctx, pkg.dir)) {
      if (!JS_FAMILY_CODE_FILE.test(file)) continue;
      const text = ctx.readText(file) ?? '';
      if (!text.includes('render')) continue;
      for (const m of text.matchAll(RENDER)) {
        const args = callArgsText(text, (m.index ?? 0) + m[0].length - 1);
        const first = args === null ? undefined : splitArgs(args)[0];
        if (first === undefined) continue;
        const line = lineAt(text, m.index ?? 0);
        for (const { spec, files } of rendered(ctx, file, first)) {
          for (const target of files) {
            if (target === file || !JS_FAMILY_CODE_FILE.test(target)) continue;
            out.references.push({ from: file, target, targetKind: 'file', line, label: `${file}:${line} renders ${spec} into the project it scaffolds (a Vue CLI generator template of ${name})` });
          }
        }
      }
    }
  }
  // A project's own plugins: package.json "vuePlugins": { "service": [...], "ui": [...] }.
  for (const pkg of jsPackages(ctx)) {
    const local = pkg.json.vuePlugins;
    if (!isRecord(local)) continue;
    const text = ctx.readText(pkg.manifest) ?? '';
    for (const section of ['service', 'ui'] as const) {
      const files = local[section];
      if (!Array.isArray(files)) continue;
      const run = section === 'service' ? toolRun(ctx, pkg.dir, ['vue-cli-service']) : null;
      for (const value of files) {
        if (typeof value !== 'string') continue;
        const file = resolveToolPath(ctx, pkg.dir, value.startsWith('.') ? value : `./${value}`);
        if (file === null) continue;
        const line = lineHolding(text, JSON.stringify(value));
        const by = section === 'service' ? runEvidence(run, 'vue-cli-service') : 'the Vue UI (vue ui: tooling)';
        out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: section === 'service' ? kindOf(run) : 'tooling', ...(line ? { line } : {}), evidence: `${file}: a local Vue CLI ${section} plugin named in ${pkg.manifest}${line ? `:${line}` : ''} "vuePlugins" (loaded by ${by})` });
      }
    }
  }
  return out;
});

const vueCli: FrameworkReader = {
  id: 'vue-cli',
  title: 'Vue CLI plugins (generator, prompts, migrator, ui, service plugin; generator templates; package.json vuePlugins)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const plugin = pluginPackages(ctx)[0];
    if (plugin) return `${plugin.manifest} names a Vue CLI plugin (${String(plugin.json.name)})`;
    const local = jsPackages(ctx).find((p) => isRecord(p.json.vuePlugins));
    return local ? `${local.manifest} declares "vuePlugins"` : null;
  },
  collect: (ctx) => collected(ctx),
};

export default vueCli;

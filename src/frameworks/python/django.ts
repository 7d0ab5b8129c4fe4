/**
 * Django's own loading rules as roots and edges. The settings module (found through
 * DJANGO_SETTINGS_MODULE) names code by dotted strings: every one that names a repo module is an
 * edge from the settings. Each installed app brings what Django imports by convention (apps.py,
 * models, admin, templatetags, checks, and tasks when Celery autodiscovers them), its migrations
 * (run by `manage.py migrate`: the kind of whatever runs it, else tooling) and its management
 * commands (run by `manage.py <name>` or `call_command("<name>")`, else tooling: an operator's tool).
 */
import { listedPaths } from '../../util/file-index.js';
import type { FileFacts } from '../../model/facts.js';
import { warning } from '../../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkEntry, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName, namedTarget, resolveNamed } from '../strings.js';
import { calledCommands, managementCommands } from './django-commands.js';
import { djangoWrapperRun } from './django-wrappers.js';
import { documentedSettings } from './django-documented-settings.js';
import { findSettingsDeclarations, settingsOption, TEST_TIER_SETTINGS, type SettingsDeclaration } from './django-settings.js';
import { settingStrings } from './setting-strings.js';
import { libraryPackages } from './python-library.js';
import { allUnder, filesByFolder, importIndex, moduleFile, packageImporters, relativeModuleFile, starImports } from './python-files.js';
import { lineAt, lineCounter } from '../../util/lines.js';
import { appLoopModules, fragmentApps } from './installed-app-modules.js';
import { withSteps } from '../../util/sentences.js';

interface App {
  name: string;
  dir: string;
  /** Where INSTALLED_APPS names it, or (a repo without settings) the file that shows it is an app. */
  settings: string;
  line: number;
  /** The app and why it counts, as evidence says it: `app shop.orders in INSTALLED_APPS (shop/settings.py:5)`. */
  how: string;
  /** Added by a settings fragment (Horizon's enabled/ files): installed only where that fragment is read. */
  fragment?: boolean;
}

/** Modules Django (or a library driven by INSTALLED_APPS) imports from every installed app. */
const CONVENTIONAL = ['__init__.py', 'apps.py', 'models.py', 'models/__init__.py', 'admin.py', 'checks.py', 'signals.py', 'receivers.py', 'translation.py', 'provider.py'];
/** The folders whose path goes through a folder called `name`: every folder below any `<app>/<name>`. */
const foldersThrough = (byFolder: ReadonlyMap<string, string[]>, name: string): ReadonlyMap<string, string[]> =>
  new Map([...byFolder].filter(([dir]) => dir === name || dir.startsWith(`${name}/`) || dir.endsWith(`/${name}`) || dir.includes(`/${name}/`)));

/** The longest dotted prefix of `value` that names a repo module (`pkg.runner` of `pkg.runner.Runner`), or null. */
const importedModule = (ctx: FrameworkContext, value: string, dir: string): string | null => {
  const parts = value.split('.');
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    if (ctx.module(name, dir).length > 0 || ctx.module(name).length > 0) return name;
  }
  return null;
};

/** A template named like a script, which census would otherwise read as one. */
const TEMPLATE_SCRIPT = /\.(?:[cm]?js|jsx|[cm]?ts|tsx|py|sh)$/;

/** A script an app's static/ folder holds: browsers load it, no Python file imports it. */
const STATIC_CODE = /\.m?js$/;

/**
 * What a reusable app offers the projects that install it, by dotted path in their settings or
 * URLconf: `path("lists/", include("postorius.urls"))`, `"postorius.context_processors.postorius"`
 * in TEMPLATES, `"postorius.middleware.PostoriusMiddleware"` in MIDDLEWARE. Read only when the repo
 * has no settings (a library): a project's own settings say which of these it uses.
 */
const HOST_FACING: { file: string; how: string }[] = [
  { file: 'urls.py', how: 'a project that installs it includes its URLconf (include("<app>.urls"))' },
  { file: 'urls/__init__.py', how: 'a project that installs it includes its URLconf (include("<app>.urls"))' },
  { file: 'context_processors.py', how: "a project that installs it names its context processors in TEMPLATES' context_processors" },
  { file: 'middleware.py', how: 'a project that installs it names its middleware in MIDDLEWARE' },
];

const lookupOf = (ctx: FrameworkContext) => ({ module: ctx.module, file: (p: string) => (ctx.files.has(p) ? p : null) });

/**
 * A module of a folder that holds manage.py, as `python manage.py` finds it: Python puts the
 * script's folder first on sys.path, a package or not, so its `"settings"` is the settings.py
 * beside it and its settings' `ROOT_URLCONF = "urls"` the urls.py there; the import resolver,
 * asked from a file of a package folder, searches from the package's base and finds neither.
 * With the `__init__.py` of packages below the folder, as importing a.b runs a/__init__.py.
 */
const scriptFolderModule = (ctx: FrameworkContext, module: string, dir: string | undefined): string[] => {
  if (dir === undefined || dir === '' || !ctx.files.has(`${dir}/manage.py`)) return [];
  // `.settings` from manage.py: the module of manage.py's own folder.
  const file = relativeModuleFile(ctx.files, `${dir}/manage.py`, `.${module}`);
  if (file === null) return [];
  const parts = module.split('.');
  const inits: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const init = joinRepo(dir, ...parts.slice(0, i), '__init__.py');
    if (init !== null && ctx.files.has(init)) inits.push(init);
  }
  return [file, ...inits];
};

/** lookupOf, and where it finds nothing, a module of a manage.py folder (scriptFolderModule). */
const projectLookupOf = (ctx: FrameworkContext) => ({
  module: (name: string, cwd?: string): string[] => {
    const found = ctx.module(name, cwd);
    return found.length > 0 ? found : scriptFolderModule(ctx, name, cwd);
  },
  file: (p: string) => (ctx.files.has(p) ? p : null),
});

/** Why a name found only by scriptFolderModule is found: for the edge's label. */
const onScriptPath = (dir: string): string => `${dir}/manage.py runs with ${dir} on sys.path`;

/** The settings file and what it star-imports (`from .base import *`), as one settings text. */
const settingsFiles = (ctx: FrameworkContext, first: string): string[] => {
  const out = [first];
  for (let i = 0; i < out.length && out.length < 20; i++) {
    const facts = ctx.facts(out[i]);
    for (const spec of starImports(facts)) {
      const file = moduleFile(ctx, out[i], spec);
      if (file && !out.includes(file)) out.push(file);
    }
  }
  return out;
};

const appOf = (ctx: FrameworkContext, value: string, from: string): string | null => {
  const named = namedTarget(value, false);
  if (!named || !isDottedName(value)) return null;
  const primary = resolveNamed(projectLookupOf(ctx), named, from)[0];
  if (!primary) return null;
  return dirname(primary);
};

export const collectDjango = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const declarations = findSettingsDeclarations(ctx.files, ctx.readText);
  for (const c of ctx.commands) {
    const module = settingsOption(c.command);
    if (module) declarations.push({ module, file: c.source, line: c.line ?? 1, how: c.kind });
  }

  // The settings modules, and how each is reached.
  const settings = new Set<string>();
  for (const d of declarations) {
    const dir = dirname(d.file);
    const imported = ctx.module(d.module, dir)[0] ?? ctx.module(d.module)[0];
    const inScriptFolder = imported === undefined ? scriptFolderModule(ctx, d.module, dir)[0] : undefined;
    const file = imported ?? inScriptFolder;
    if (!file) continue;
    settings.add(file);
    const label = `DJANGO_SETTINGS_MODULE "${d.module}" in ${d.file}:${d.line}${inScriptFolder ? ` (${onScriptPath(dir)})` : ''}`;
    // A module only the manage.py folder holds is named by its file: a module name would not resolve from there.
    const target = inScriptFolder ? { target: file, targetKind: 'file' as const } : { target: d.module, targetKind: 'module' as const };
    if (d.how === 'code') out.references.push({ from: d.file, ...target, line: d.line, label: `the settings module named by ${label}` });
    else out.entries.push({ source: d.file, target: file, targetKind: 'file', kind: d.how, line: d.line, evidence: label });
  }

  const apps: App[] = [];
  const installed = new Set<string>();
  for (const first of settings) {
    for (const file of settingsFiles(ctx, first)) {
      const text = ctx.readText(file);
      if (text === null) continue;
      for (const s of settingStrings(text)) {
        // Lower-case names are settings' building blocks (`context_processors = [...]` used below).
        if (s.setting === null) continue;
        if (s.setting === 'INSTALLED_APPS') {
          installed.add(s.value);
          const dir = appOf(ctx, s.value, file);
          // `shop.orders.apps.OrdersConfig` is the app `shop.orders`: name it by its package.
          if (dir !== null) {
            // Stop 60: named as written where its folder is that name (lava's `lava_server` in usr/lib/python3/dist-packages/, not `usr.lib.python3.dist-packages.lava_server`).
            const written = s.value.replace(/\./g, '/');
            const name = dir === '' || dir === written || dir.endsWith(`/${written}`) ? s.value : dir.replace(/\//g, '.');
            apps.push({ name, dir, settings: file, line: s.line, how: `app ${name} in INSTALLED_APPS (${file}:${s.line})` });
          }
          continue;
        }
        const named = namedTarget(s.value, !/URLCONF|APPLICATION$/.test(s.setting));
        if (!named || named.targetKind === 'file') continue;
        // Stop 53: a setting only `manage.py test` reads names what the test run loads, not the app (saleor's TEST_RUNNER).
        const testOnly = TEST_TIER_SETTINGS.get(s.setting);
        if (testOnly !== undefined) {
          // By its module, so the packages above it run too; a name only the manage.py folder finds, by its file.
          const module = importedModule(ctx, s.value, dirname(file));
          const target = module !== null ? { target: module, targetKind: 'module' as const } : resolveNamed(projectLookupOf(ctx), named, file).map((f) => ({ target: f, targetKind: 'file' as const }))[0];
          if (target !== undefined) out.entries.push({ source: file, ...target, kind: 'test', line: s.line, evidence: `${s.setting} "${s.value}" in ${file}:${s.line}, ${testOnly}` });
          continue;
        }
        // A name only the manage.py folder on sys.path finds: the file itself, and why.
        const inScriptFolder = resolveNamed(lookupOf(ctx), named, file).length === 0 ? resolveNamed(projectLookupOf(ctx), named, file) : [];
        if (inScriptFolder.length > 0) {
          out.references.push({ from: file, target: inScriptFolder[0], targetKind: 'file', line: s.line, label: `named in ${s.setting} in ${file}:${s.line} (${onScriptPath(dirname(file))})` });
          continue;
        }
        out.references.push({ from: file, target: named.target, targetKind: named.targetKind, line: s.line, label: `named in ${s.setting} in ${file}:${s.line}` });
      }
    }
  }
  // Stop 60: a settings module only a docs command runs with (django-documented-settings.ts): its dotted settings, as edges from it.
  for (const d of documentedSettings(ctx, settings)) {
    const text = ctx.readText(d.file);
    if (text === null) continue;
    for (const s of settingStrings(text)) {
      if (s.setting === null || s.setting === 'INSTALLED_APPS' || TEST_TIER_SETTINGS.has(s.setting)) continue;
      const named = namedTarget(s.value, !/URLCONF|APPLICATION$/.test(s.setting));
      if (!named || named.targetKind === 'file') continue;
      out.references.push({ from: d.file, target: named.target, targetKind: named.targetKind, line: s.line, label: `named in ${s.setting} in ${d.file}:${s.line}, the settings module of the command in ${d.doc}:${d.line}` });
    }
  }
  // Stop 49: apps a settings fragment adds (Horizon's enabled/ files: `ADD_INSTALLED_APPS = [...]`, read by the project's code).
  for (const f of fragmentApps(ctx)) {
    const dir = appOf(ctx, f.value, f.file);
    if (dir === null) continue;
    // Named as written where its folder is that name (a system site-packages tree has a longer path).
    const name = dir === '' || dir === f.value.replace(/\./g, '/') || dir.endsWith(`/${f.value.replace(/\./g, '/')}`) ? f.value : dir.replace(/\//g, '.');
    apps.push({ name, dir, settings: f.file, line: f.line, how: `app ${name} in ${f.setting} (${f.file}:${f.line}), a settings fragment ${f.reader}:${f.readerLine} reads into the installed apps`, fragment: true });
  }
  if (settings.size === 0) {
    out.diagnostics.push(warning('django/no-settings', 'Django is used but no DJANGO_SETTINGS_MODULE names a repo module: every package that shows it is a Django app (migrations, an AppConfig, template tags, management commands, a django-allauth provider) is taken as installed, and its urls.py, context_processors.py and middleware.py as what a project that installs it names'));
    const libraries = libraryPackages(ctx);
    for (const marked of appsWithoutSettings(ctx)) {
      // An app a distribution ships (or a system site-packages folder holds) is what the projects that install it run.
      const shipped = libraries.find((s) => !s.path.endsWith('.py') && (marked.dir === s.path || marked.dir.startsWith(`${s.path}/`)));
      if (shipped !== undefined) {
        const name = `${shipped.name}${marked.dir.slice(shipped.path.length).replace(/\//g, '.')}`;
        const init = `${marked.dir}/__init__.py`;
        const how = `app ${name}, taken as installed (${marked.why}: ${marked.file})`;
        apps.push({ name, dir: marked.dir, settings: init, line: 1, how });
        const library = shipped.distribution.installed ? shipped.how : `shipped by the Python distribution "${shipped.distribution.name}" (${shipped.distribution.manifest}, ${shipped.how})`;
        out.entries.push({ source: init, target: init, targetKind: 'file', kind: 'production', line: 1, evidence: `${how}: a library's app (${library}), which the projects that install it name in INSTALLED_APPS and Django imports` });
        continue;
      }
      const name = marked.dir.replace(/\//g, '.');
      const how = `app ${name}, taken as installed (${marked.why}: ${marked.file})`;
      apps.push({ name, dir: marked.dir, settings: marked.file, line: 1, how });
      // Migrations are roots of their own (below); any other sign is the app's root.
      if (marked.root) out.entries.push({ source: marked.file, target: marked.file, targetKind: 'file', kind: 'tooling', line: 1, evidence: `${how}: no settings in the repo say which apps a project installs` });
    }
  }

  const byFolder = filesByFolder(ctx.files);
  // Each app asks for the folders below its static/ and templates/: among all of a repo's folders per app, that cost saleor more than the rest of the reader.
  const staticFolders = foldersThrough(byFolder, 'static');
  const templateFolders = foldersThrough(byFolder, 'templates');
  // Without settings (a library), the projects that install its apps serve their static files, as nearly every project does.
  const servesStatic = settings.size === 0 || installed.has('django.contrib.staticfiles');
  const celeryDiscovers = autodiscoveredNames(ctx);
  const loopModules = apps.length > 0 ? appLoopModules(ctx) : [];
  const migrations: { file: string; app: App }[] = [];
  // django-extensions' `manage.py runjobs <period>` imports the apps' jobs/ modules.
  const jobs: { file: string; app: App; how?: string }[] = [];
  const commands = new Map<string, { file: string; app: App }[]>();
  const seenApps = new Set<string>();
  for (const app of apps) {
    if (seenApps.has(app.dir)) continue;
    seenApps.add(app.dir);
    const prefix = app.dir === '' ? '' : `${app.dir}/`;
    for (const name of CONVENTIONAL) {
      const file = `${prefix}${name}`;
      if (ctx.files.has(file)) out.references.push({ from: app.settings, target: file, targetKind: 'file', line: app.line, label: `${app.how}: Django loads its ${name}` });
    }
    if (settings.size === 0) {
      for (const { file: name, how } of HOST_FACING) {
        const file = `${prefix}${name}`;
        // A django-allauth provider app's urls.py has its own, more precise reason below.
        if (name === 'urls.py' && ctx.files.has(`${prefix}provider.py`)) continue;
        if (ctx.files.has(file)) out.references.push({ from: app.settings, target: file, targetKind: 'file', line: app.line, label: `${app.how}: ${how.replace('<app>', app.name)}` });
      }
    }
    // A reusable app's Celery tasks (`@shared_task`): the project's autodiscover_tasks() imports them.
    if (settings.size === 0 && !celeryDiscovers.has('tasks') && importsModule(ctx.facts(`${prefix}tasks.py`), 'celery')) {
      out.references.push({ from: app.settings, target: `${prefix}tasks.py`, targetKind: 'file', line: app.line, label: `${app.how}: a project's Celery app imports its tasks.py (autodiscover_tasks)` });
    }
    for (const name of [...celeryDiscovers].sort()) {
      // A module or a package: Celery imports `app.<name>` either way.
      const file = [`${prefix}${name}.py`, `${prefix}${name}/__init__.py`].find((f) => ctx.files.has(f));
      if (file) out.references.push({ from: app.settings, target: file, targetKind: 'file', line: app.line, label: `${app.how}: Celery's autodiscover_tasks imports its ${name}` });
    }
    // Stop 49: a loop of the project's own over the installed apps (or autodiscover_modules) imports `<app>.<name>`.
    for (const m of loopModules) {
      const base = `${prefix}${m.name.replace(/\./g, '/')}`;
      const file = [`${base}.py`, `${base}/__init__.py`].find((f) => ctx.files.has(f));
      // The edge goes from the loop's own file: a loop nobody runs (a dead helper, a vendored copy) imports nothing.
      // An app only a settings fragment adds keeps the fragment's edge: the fragment decides whether it is installed at
      // all (a test's fragment adds a test panel, an unread one nothing), and one edge cannot ask both files.
      if (file) out.references.push({ from: app.fragment ? app.settings : m.file, target: file, targetKind: 'file', line: app.fragment ? app.line : m.line, label: `${app.how}: ${m.how}` });
    }
    // django-allauth imports each installed provider app's provider.py, and its urls.py from allauth.urls.
    if (ctx.files.has(`${prefix}provider.py`) && ctx.files.has(`${prefix}urls.py`)) {
      out.references.push({ from: app.settings, target: `${prefix}urls.py`, targetKind: 'file', line: app.line, label: `${app.how}: django-allauth includes a provider app's urls.py` });
      // default_urlpatterns(Provider) imports `<provider package>.views.oauth2_login` (oauth, oauth2, openid_connect urls.py).
      if (ctx.files.has(`${prefix}views.py`)) {
        out.references.push({ from: app.settings, target: `${prefix}views.py`, targetKind: 'file', line: app.line, label: `${app.how}: django-allauth's default_urlpatterns imports a provider app's views by its package name` });
      }
    }
    if (installed.has('django_extensions')) {
      for (const file of allUnder(byFolder, `${prefix}jobs`)) if (file.endsWith('.py')) jobs.push({ file, app });
    } else if (settings.size === 0) {
      // A library without settings whose jobs are django-extensions jobs (`from django_extensions.management.jobs import BaseJob`)
      // is written for projects that install it; another django_extensions import (TimeStampedModel) says nothing of a jobs/ folder.
      const files = allUnder(byFolder, `${prefix}jobs`).filter((f) => f.endsWith('.py'));
      const importer = files.find((f) => importsModule(ctx.facts(f), 'django_extensions.management.jobs'));
      if (importer !== undefined) for (const file of files) jobs.push({ file, app, how: `${importer} imports django_extensions.management.jobs` });
    }
    if (servesStatic) {
      for (const file of allUnder(staticFolders, `${prefix}static`)) {
        if (STATIC_CODE.test(file)) out.references.push({ from: app.settings, target: file, targetKind: 'file', line: app.line, label: `${app.how}: django.contrib.staticfiles serves every file of its static/ folder to browsers (AppDirectoriesFinder, collectstatic)` });
      }
    }
    // A script-named template (`templates/rest_framework/schema.js`, rendered by `template = 'rest_framework/schema.js'`) is the template loader's, not a script.
    for (const file of allUnder(templateFolders, `${prefix}templates`)) {
      if (TEMPLATE_SCRIPT.test(file)) out.references.push({ from: app.settings, target: file, targetKind: 'file', line: app.line, label: `${app.how}: Django's app_directories template loader finds every template of its templates/ folder by name` });
    }
    for (const file of byFolder.get(`${prefix}templatetags`) ?? []) {
      if (file.endsWith('.py')) out.references.push({ from: app.settings, target: file, targetKind: 'file', line: app.line, label: `${app.how}: Django's template engine loads its templatetags` });
    }
    for (const file of byFolder.get(`${prefix}migrations`) ?? []) if (file.endsWith('.py')) migrations.push({ file, app });
    const packages = [`${prefix}management/__init__.py`, `${prefix}management/commands/__init__.py`].filter((f) => ctx.files.has(f));
    for (const file of byFolder.get(`${prefix}management/commands`) ?? []) {
      const name = basename(file).replace(/\.py$/, '');
      if (!file.endsWith('.py') || name === '__init__' || name.startsWith('_')) continue;
      const list = commands.get(name) ?? commands.set(name, []).get(name)!;
      list.push({ file, app }, ...packages.map((p) => ({ file: p, app })));
    }
  }

  // What each command name runs, made once per name: saleor's migrate is run by several config
  // commands, each naming its 1,000 migrations (issue 19: remade per command, and per file below).
  const targetsByCommand = new Map<string, readonly { file: string; app: App; what: string }[]>();
  const targetsOf = (command: string): readonly { file: string; app: App; what: string }[] => {
    let known = targetsByCommand.get(command);
    if (known === undefined) targetsByCommand.set(command, (known = commandTargets(command)));
    return known;
  };
  const commandTargets = (command: string): { file: string; app: App; what: string }[] => {
    if (command === 'migrate') return migrations.map((m) => ({ ...m, what: `the migrations of app ${m.app.name}` }));
    const own = (commands.get(command) ?? []).map((c) => ({ ...c, what: `management command "${command}" of app ${c.app.name}` }));
    if (command !== 'runjobs' && command !== 'runjob') return own;
    return [...own, ...jobs.map((j) => ({ ...j, what: `the jobs of app ${j.app.name} (django-extensions runjobs)` }))];
  };

  // Commands that deploy/CI/dev config runs: a root of that config's kind.
  for (const c of ctx.commands) {
    // The command's words and its entry's shape, once per command rather than once per target (saleor: 5,800 entries).
    const said = `${c.evidence}: ${c.command.trim().replace(/\s+/g, ' ')}`;
    const entry = (target: string, evidence: string): FrameworkEntry =>
      c.line ? { source: c.source, target, targetKind: 'file', kind: c.kind, line: c.line, evidence } : { source: c.source, target, targetKind: 'file', kind: c.kind, evidence };
    for (const name of managementCommands(c.command)) {
      for (const t of targetsOf(name)) out.entries.push(entry(t.file, withSteps(said, [t.what])));
    }
    // Stop 60: a program that is manage.py under another name (lava-server's `manage lava-scheduler`): the first word naming a command.
    const run = djangoWrapperRun(ctx, c);
    const name = run?.words.find((w) => targetsOf(w).length > 0);
    if (run === null || name === undefined) continue;
    const handed = `${run.wrapper}:${run.line} hands its arguments to Django's execute_from_command_line`;
    for (const t of targetsOf(name)) out.entries.push(entry(t.file, withSteps(said, [handed, t.what])));
  }
  // Commands run from code (a shell script, subprocess, call_command): an edge from that file.
  // The .py files that import call_command, from the scan's import index (issue 19: each file's imports were walked for it).
  const { byFromName, byOtherName } = importIndex(ctx);
  const callCommandImporters = new Set([...(byFromName.get('call_command') ?? []), ...(byOtherName.get('call_command') ?? [])]);
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    const facts = ctx.facts(file);
    // A command in a README is documentation, not a runner.
    if (!facts || DOCS.test(file)) continue;
    for (const cmd of facts.commands) {
      for (const name of managementCommands(cmd.command)) {
        for (const t of targetsOf(name)) out.references.push({ from: file, target: t.file, targetKind: 'file', line: cmd.line, label: `run by ${file}:${cmd.line} (${cmd.command.trim()}): ${t.what}` });
      }
    }
    if (!file.endsWith('.py') || !callCommandImporters.has(file)) continue;
    const text = ctx.readText(file);
    if (text === null) continue;
    // The calls come in text order: lines counted on from the last call, not from the top per call.
    const lineOf = lineCounter(text);
    for (const call of calledCommands(text)) {
      const line = lineOf(call.index);
      for (const t of targetsOf(call.name)) out.references.push({ from: file, target: t.file, targetKind: 'file', line, label: `call_command("${call.name}") in ${file}:${line}: ${t.what}` });
    }
  }
  // What nothing runs is still an operator's tool, reached by `manage.py <name>` by hand.
  for (const m of migrations) {
    out.entries.push({ source: m.app.settings, target: m.file, targetKind: 'file', kind: 'tooling', line: m.app.line, evidence: `migration of ${m.app.how}, run by manage.py migrate` });
  }
  for (const j of jobs) {
    out.entries.push({ source: j.app.settings, target: j.file, targetKind: 'file', kind: 'tooling', line: j.app.line, evidence: `job of ${j.app.how}, run by manage.py runjobs (django-extensions${j.how ? `: ${j.how}` : ''})` });
  }
  for (const [name, list] of commands) {
    for (const c of list) {
      out.entries.push({ source: c.app.settings, target: c.file, targetKind: 'file', kind: 'tooling', line: c.app.line, evidence: `management command of ${c.app.how}, run as manage.py ${name}` });
    }
  }
  // A URLconf's error handlers by dotted path: `handler500 = "app.views.server_error"`.
  for (const file of [...ctx.files].filter((f) => f.endsWith('urls.py') && basename(f) === 'urls.py').sort()) {
    const text = ctx.readText(file);
    if (text === null || !text.includes('handler')) continue;
    for (const m of text.matchAll(/^handler(400|403|404|500)\s*=\s*(['"])([\w.]+)\2/gm)) {
      if (m[3].includes('.') && isDottedName(m[3])) out.references.push({ from: file, target: m[3], targetKind: 'module-attr', line: lineAt(text, m.index), label: `Django's handler${m[1]} in the URLconf ${file}` });
    }
  }
  return out;
};

/**
 * The modules Celery's `autodiscover_tasks()` imports from every installed app: `tasks`, or the
 * `related_name` of a call without a literal package list (`autodiscover_tasks(related_name=
 * "search_tasks")`, `autodiscover_tasks(lambda: settings.INSTALLED_APPS)`). A call with a literal
 * list is read where it is written (it names its packages).
 */
const autodiscoveredNames = (ctx: FrameworkContext): Set<string> => {
  const names = new Set<string>();
  for (const file of packageImporters(ctx, 'celery', 'listed')) {
    if (!/(^|\/)(celery\w*|tasks|worker|__init__)\.py$/.test(file)) continue;
    const text = ctx.readText(file);
    if (text === null) continue;
    for (const call of text.matchAll(/autodiscover_tasks\(/g)) {
      const args = callText(text, call.index + call[0].length);
      const related = /related_name\s*=\s*(['"])(\w+)\1/.exec(args);
      const first = args.replace(/^\s+/, '');
      // No package list, a lambda or the installed apps: Celery asks Django for the apps.
      if (!/^($|lambda\b|[\w.]*INSTALLED_APPS\b|(related_name|force)\s*=)/.test(first)) continue;
      names.add(related ? related[2] : 'tasks');
    }
  }
  return names;
};

/** The text between a call's opening bracket (just before `from`) and its closing one. */
const callText = (text: string, from: number): string => {
  let depth = 1;
  for (let i = from; i < text.length && i < from + 4000; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') if (--depth === 0) return text.slice(from, i);
  }
  return text.slice(from, from + 4000);
};

/** Whether a file imports `module` (`django.template`) or from within it, or names it (`from django import template`). */
const importsModule = (facts: FileFacts | undefined, module: string): boolean =>
  facts?.imports.some((i) => i.specifier === module || i.specifier.startsWith(`${module}.`) || (module.startsWith(`${i.specifier}.`) && i.names.some((n) => `${i.specifier}.${n.name}` === module))) ?? false;

interface AppSign {
  dir: string;
  /** The file that shows it. */
  file: string;
  why: string;
  /** Whether that file is the app's root: an app with migrations is rooted by them. */
  root: boolean;
}

/**
 * The packages of a repository without settings that show they are Django apps: migrations importing django.db, an
 * apps.py importing django.apps (an AppConfig), a django-allauth provider.py, template tags
 * importing django.template, or a management command importing django.core.management. A
 * reusable app needs none but the first sign: django-debug-toolbar and djangorestframework have
 * no migrations, django-import-export not even an apps.py. Each package once, by its first sign.
 */
const appsWithoutSettings = (ctx: FrameworkContext): AppSign[] => {
  const found = new Map<string, AppSign>();
  const add = (dir: string, file: string, why: string, root: boolean): void => {
    if (!found.has(dir) && ctx.files.has(dir === '' ? '__init__.py' : `${dir}/__init__.py`)) found.set(dir, { dir, file, why, root });
  };
  // Every sign is a Python file.
  const files = [...ctx.files].filter((f) => f.endsWith('.py')).sort();
  // A migrations package is Django's when a migration in it imports django (Alembic and home-made ones do not).
  const djangoMigrations = new Set(files.filter((f) => /(^|\/)migrations\/[^/]+\.py$/.test(f) && importsModule(ctx.facts(f), 'django.db')).map(dirname));
  for (const f of files) if (/(^|\/)migrations\/__init__\.py$/.test(f) && djangoMigrations.has(dirname(f))) add(dirname(dirname(f)), f, 'its package has migrations', false);
  for (const f of files) {
    if (/(^|\/)apps\.py$/.test(f)) {
      if (importsModule(ctx.facts(f), 'django.apps')) add(dirname(f), f, 'apps.py defines a Django AppConfig', true);
    } else if (/(^|\/)providers\/[^/]+\/provider\.py$/.test(f)) add(dirname(f), f, 'a django-allauth provider app', true);
    else if (/(^|\/)templatetags\/[^/]+\.py$/.test(f)) {
      if (importsModule(ctx.facts(f), 'django.template')) add(dirname(dirname(f)), f, 'its templatetags register template tags', true);
    } else if (/(^|\/)management\/commands\/[^/]+\.py$/.test(f) && importsModule(ctx.facts(f), 'django.core.management')) {
      add(dirname(dirname(dirname(f))), f, 'it has a management command', true);
    }
  }
  return [...found.values()];
};

const DOCS = /\.(md|markdown|rst|txt|adoc)$/i;
const DECLARERS = /(^|\/)(manage\.py|wsgi\.py|asgi\.py)$/;

const reader: FrameworkReader = {
  id: 'django',
  title: 'Django',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    let python = false;
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (!f.endsWith('.py')) continue;
      python = true;
      if (!DECLARERS.test(f)) continue;
      const text = ctx.readText(f);
      if (text !== null && /\bdjango\b/.test(text)) return `${f} uses django`;
    }
    // A settings module and a reusable app are .py files: a repo without one has no Django to read, and
    // the walk of every path for DJANGO_SETTINGS_MODULE below is skipped (payload: 6,500 JS files, 5-20 ms).
    if (!python) return null;
    const declared = findSettingsDeclarations(ctx.files, ctx.readText)[0] as SettingsDeclaration | undefined;
    if (declared) return `DJANGO_SETTINGS_MODULE in ${declared.file}:${declared.line}`;
    // A reusable app (Postorius, a django-* package) has no project of its own: the projects that
    // install it run its migrations, commands and conventional modules.
    // provider.py is django-allauth's convention, not a sign of Django by itself.
    const app = appsWithoutSettings(ctx).find((a) => !a.file.endsWith('/provider.py'));
    return app === undefined ? null : `${app.file}: ${app.why} (a reusable app)`;
  },
  collect: collectDjango,
};

export default reader;

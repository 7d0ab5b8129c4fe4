/**
 * Celery's own loading by name. A Celery app module (one that imports celery and builds or
 * configures the app: `Celery(...)`, `app.conf…`, `config_from_object`, `beat_schedule`) names
 * the code it loads with strings: `app.conf.imports`/`include` lists, beat_schedule entries'
 * `"task": "pkg.tasks.send_digest"`, `config_from_object("proj.celeryconfig")`, `task_cls`. Every
 * dotted literal there that names a repo module (or a module's attribute) is an edge from the
 * app module, labelled with its line. `autodiscover_tasks` is read elsewhere: a literal package
 * list where it is written (extraction), the installed apps by the Django reader.
 */
import { listedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { importsPackage, packageImporters, somePackageImporter } from './python-files.js';
import { dirname } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';

/** `from django.conf import settings` is Django's conf package, no app's `.conf`: a Django settings module that imports celery.schedules is no app module (saleor). */
const APP_MODULE = /\b(?:Celery\(|(?<!\bdjango)\.conf\b|config_from_object\(|beat_schedule\b)/;
/** `config_from_object("proj.celeryconfig", namespace="CELERY")`: the config module, and the prefix of the settings Celery reads from it. */
const CONFIG_FROM_OBJECT = /\bconfig_from_object\(\s*(['"])([\w.:]+)\1\s*(?:,\s*namespace\s*=\s*(['"])(\w+)\3)?/g;
/** Celery's Django convention: the Django settings object, which the Django reader reads whole. */
const DJANGO_SETTINGS = 'django.conf:settings';

/**
 * The settings Celery reads from a config module an app module names, as edges from that module:
 * with a namespace, only the settings under its prefix (`CELERY_IMPORTS`); the rest of the module
 * is no Celery setting.
 */
const configModuleEdges = (ctx: FrameworkContext, app: string, text: string, out: FrameworkOutput): void => {
  for (const m of text.matchAll(CONFIG_FROM_OBJECT)) {
    const name = m[2];
    if (name === DJANGO_SETTINGS || name.includes(':')) continue;
    const file = ctx.module(name, dirname(app))[0] ?? ctx.module(name)[0];
    const config = file === undefined || file === app ? null : ctx.manifests.transientText(file);
    if (file === undefined || config === null) continue;
    const prefix = m[4] === undefined ? null : `${m[4]}_`;
    const at = `config_from_object at ${app}:${lineAt(text, m.index ?? 0)}`;
    for (const s of settingStrings(config)) {
      if (s.setting === null || (prefix !== null && !s.setting.startsWith(prefix))) continue;
      if (!s.value.includes('.') || !isDottedName(s.value)) continue;
      out.references.push({ from: file, target: s.value, targetKind: 'module-attr', line: s.line, label: `named in ${s.setting} in the Celery config module ${file}:${s.line} (${at}${prefix === null ? '' : `, namespace ${m[4]}`})` });
    }
  }
};

const importsCelery = (ctx: FrameworkContext, path: string): boolean => path.endsWith('.py') && importsPackage(ctx, path, 'celery');

const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const path of packageImporters(ctx, 'celery', 'sorted')) {
    const text = ctx.manifests.transientText(path);
    if (text === null || !APP_MODULE.test(text)) continue;
    configModuleEdges(ctx, path, text, out);
    for (const s of settingStrings(text)) {
      // `pkg.mod:attr` (task_cls, config_from_object) names the module before the colon.
      const value = s.value.includes(':') ? s.value.slice(0, s.value.indexOf(':')) : s.value;
      if (!value.includes('.') || !isDottedName(value)) continue;
      out.references.push({ from: path, target: value, targetKind: 'module-attr', line: s.line, label: `named in the Celery app module ${path}:${s.line} as "${s.value}"` });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'celery',
  title: 'Celery app modules: imports, include, beat_schedule tasks, config_from_object',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    // The first listed importer names the reason; none at all is known from the index without walking the files.
    if (!somePackageImporter(ctx, ['celery'])) return null;
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const path = listed[at];
      if (importsCelery(ctx, path)) return `${path} imports celery`;
    }
    return null;
  },
  collect,
};

export default reader;

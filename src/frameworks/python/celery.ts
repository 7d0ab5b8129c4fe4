/**
 * Celery's own loading by name. A Celery app module (one that imports celery and builds or
 * configures the app: `Celery(...)`, `app.conf…`, `config_from_object`, `beat_schedule`) names
 * the code it loads with strings: `app.conf.imports`/`include` lists, beat_schedule entries'
 * `"task": "pkg.tasks.send_digest"`, `config_from_object("proj.celeryconfig")`, `task_cls`. Every
 * dotted literal there that names a repo module (or a module's attribute) is an edge from the
 * app module, labelled with its line. `autodiscover_tasks` is read elsewhere: a literal package
 * list where it is written (extraction), the installed apps by the Django reader.
 */
import { sortedPaths, listedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { importsPackage } from './python-files.js';

const APP_MODULE = /\b(?:Celery\(|\.conf\b|config_from_object\(|beat_schedule\b)/;

const importsCelery = (ctx: FrameworkContext, path: string): boolean => path.endsWith('.py') && importsPackage(ctx, path, 'celery');

const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const path of sortedPaths(ctx.files)) {
    if (!importsCelery(ctx, path)) continue;
    const text = ctx.manifests.transientText(path);
    if (text === null || !APP_MODULE.test(text)) continue;
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
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const path = listed[at];
      if (importsCelery(ctx, path)) return `${path} imports celery`;
    }
    return null;
  },
  collect,
};

export default reader;

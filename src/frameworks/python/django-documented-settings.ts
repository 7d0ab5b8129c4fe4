/**
 * A settings module that only the documentation runs with: hyperkitty's development.rst says
 * `django-admin test --settings hyperkitty.tests.settings_test hyperkitty`, and nothing shipped
 * (no tox.ini, no pytest.ini) names that module, so census takes it as documented and reads no
 * setting of it. Its `ROOT_URLCONF = 'hyperkitty.tests.urls_test'` is still what that documented run
 * loads. Such a module is not one of the project's settings (its INSTALLED_APPS say nothing of
 * what a deployment installs, and a library stays a library); only its dotted settings become
 * edges from it, so what they name is live exactly as far as the settings module is. The option
 * counts only on a command that runs manage.py, django-admin or `python -m django`.
 */
import { pathsNamedLike } from '../../util/file-index.js';
import type { FrameworkContext } from '../types.js';
import { runnerSettings } from './django-commands.js';

const DOCS = /\.(md|markdown|rst|txt|adoc)$/i;

export interface DocumentedSettings {
  /** The settings module's file. */
  file: string;
  /** The docs file and line whose command names it. */
  doc: string;
  line: number;
}

/** Settings modules a docs command names with `--settings`, other than the ones in `known`. */
export const documentedSettings = (ctx: FrameworkContext, known: ReadonlySet<string>): DocumentedSettings[] => {
  const out: DocumentedSettings[] = [];
  for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['md', 'markdown', 'rst', 'txt', 'adoc'] }); at < listed.length; at++) {
    const doc = listed[at];
    if (!DOCS.test(doc)) continue;
    const facts = ctx.facts(doc);
    if (!facts) continue;
    for (const cmd of facts.commands) {
      // The cheap test first: nearly no docs command names a settings module.
      if (!cmd.command.includes('--settings')) continue;
      // Stop 61: only a command that runs Django names its settings (`mytool --settings x.y` is another tool's option).
      const module = runnerSettings(cmd.command);
      const file = module === null ? undefined : ctx.module(module)[0];
      if (file === undefined || known.has(file) || out.some((d) => d.file === file)) continue;
      out.push({ file, doc, line: cmd.line });
    }
  }
  return out;
};

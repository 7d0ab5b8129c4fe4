/**
 * PasteDeploy configs: an ini whose sections are `[app:NAME]`, `[composite:NAME]`, `[pipeline:NAME]`,
 * `[filter:NAME]`, `[filter-app:NAME]` or `[server:NAME]` is what `paste.deploy.loadapp("config:…")`
 * builds the WSGI app from (an OpenStack API's api-paste.ini, a Pyramid project's production.ini).
 * Each `paste.app_factory` / `paste.filter_factory` / `paste.composite_factory` /
 * `paste.filter_app_factory` / `paste.server_factory` / `paste.server_runner` value
 * (`aodh.api.app:app_factory`) and each `use = call:mod:attr` is imported when the app is built;
 * every other value of such a section is the factory's keyword argument, and one that is a dotted
 * name of a repo module or class (`root = aodh.api.controllers.root.VersionsController`, which
 * pecan's app factory imports) is loaded by it. `use = egg:Dist#name` and `config:` are left to
 * the distribution's entry points. Configs under tests, fixtures, examples or docs deploy nothing.
 */
import { pathsNamedLike } from '../../util/file-index.js';
import { CONFIGPARSER } from '../../manifests/ini.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName, namedTarget, resolveNamed } from '../strings.js';
import { perScan } from '../per-scan.js';
import { packageInits } from './python-files.js';
import { basename, dirname } from '../../util/path.js';
import { installsNothing } from '../../util/installs-nothing.js';

/** A config named for tests (`test.ini`, `testing.ini`, `api-paste-test.ini`; not `latest.ini`) builds the app a test run serves. */
const TEST_CONFIG = /(?:^|[-_.])test(?:s|ing)?(?:[-_.]|$)/i;

const SECTION = /^(?:app|composite|pipeline|filter|filter-app|server):/;
const HEADER = /^[ \t]*\[(?:app|composite|pipeline|filter|filter-app|server):[^\]\n]+\][ \t]*$/m;
const FACTORY = /^paste\.(?:app_factory|filter_factory|composite_factory|filter_app_factory|server_factory|server_runner)$/;

/** The repo's PasteDeploy configs (once per scan: enabledBy and collect both ask). */
const pasteConfigs = perScan((ctx: FrameworkContext): string[] => {
  const out: string[] = [];
  for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['ini'] }); at < listed.length; at++) {
    const f = listed[at];
    if (!f.endsWith('.ini') || installsNothing(dirname(f))) continue;
    const text = ctx.readText(f);
    if (text !== null && HEADER.test(text)) out.push(f);
  }
  return out;
});

const collectPasteDeploy = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const lookup = { module: ctx.module, file: (p: string) => (ctx.files.has(p) ? p : null) };
  for (const file of pasteConfigs(ctx)) {
    const name = basename(file);
    const kind = TEST_CONFIG.test(name) ? 'test' : 'production';
    const doc = ctx.manifests.get(file, CONFIGPARSER);
    if (!doc) continue;
    for (const section of doc.sections) {
      if (!SECTION.test(section.name)) continue;
      for (const e of section.entries) {
        const value = e.value.trim();
        let named: string | null = null;
        let how: string;
        if (FACTORY.test(e.key)) {
          named = value;
          how = 'PasteDeploy imports the factory that builds the app';
        } else if (e.key === 'use') {
          named = value.startsWith('call:') ? value.slice('call:'.length) : null;
          how = 'PasteDeploy imports the factory that builds the app';
        } else {
          // A keyword argument of the factory: only a dotted name of a repo module or class counts.
          named = value.includes('.') && isDottedName(value) ? value : null;
          how = "the app's factory gets it as a keyword argument and imports it";
        }
        if (named === null) continue;
        const target = namedTarget(named, true);
        if (target === null || target.targetKind === 'file') continue;
        const found = resolveNamed(lookup, target, file)[0];
        if (found === undefined) continue;
        const evidence = `PasteDeploy config ${file} [${section.name}] ${e.key} = ${value} (${how}; loadapp("config:${name}") serves it)`;
        out.entries.push({ source: file, target: found, targetKind: 'file', kind, line: e.line, evidence });
        // Importing it runs the packages above it first.
        for (const init of packageInits(ctx.files, dirname(found))) {
          if (init !== found) out.entries.push({ source: file, target: init, targetKind: 'file', kind, line: e.line, evidence: `${evidence}: importing it runs this package first` });
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'paste-deploy',
  title: 'PasteDeploy configs (app/filter factories and their dotted arguments)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = pasteConfigs(ctx)[0];
    return first === undefined ? null : `${first} is a PasteDeploy config`;
  },
  collect: collectPasteDeploy,
};

export default reader;

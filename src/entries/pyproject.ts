/**
 * pyproject.toml: console and GUI scripts, entry-point groups (PEP 621 and Poetry) and
 * setuptools script-files. `pkg.cli:main` is a production entry on module pkg.cli.
 */
import { warning } from '../util/diagnostics.js';
import { dirname } from '../util/path.js';
import { isRecord, valueAt } from '../manifests/json.js';
import { addEntryPoint, addScriptFile } from './support/python-entries.js';
import { TOML, type TomlDocument } from '../manifests/toml.js';
import { emptyOutput, type DetectorOutput, type EntryDetector } from './types.js';

interface Site {
  path: string;
  doc: TomlDocument;
  out: DetectorOutput;
}

/** A table of `name = "pkg.mod:attr"` (Poetry also allows `{ reference|callable = "…" }`). */
const readScriptTable = (site: Site, table: unknown, tableName: string) => {
  if (table === undefined) return;
  if (!isRecord(table)) {
    site.out.diagnostics.push(warning('pyproject/bad-table', `[${tableName}] is not a table`, site.path, site.doc.keyLine(tableName, '')));
    return;
  }
  for (const [name, value] of Object.entries(table)) {
    const line = site.doc.keyLine(tableName, name);
    const evidence = `${site.path} [${tableName}] "${name}"`;
    const reference = typeof value === 'string' ? value : isRecord(value) ? (value.reference ?? value.callable) : undefined;
    if (typeof reference !== 'string') {
      site.out.diagnostics.push(warning('pyproject/bad-entry-point', `${evidence} is not a "module:attribute" string`, site.path, line));
      continue;
    }
    if (isRecord(value) && value.type === 'file') addScriptFile(site.out, dirname(site.path), reference, evidence, site.path, line);
    else addEntryPoint(site.out, reference, evidence, site.path, line);
  }
};

/** `[project.entry-points.<group>]` and `[tool.poetry.plugins.<group>]`: tables of tables. */
const readGroups = (site: Site, groups: unknown, prefix: string) => {
  if (!isRecord(groups)) return;
  for (const [group, table] of Object.entries(groups)) readScriptTable(site, table, `${prefix}.${quoteKey(group)}`);
};

/** Group names such as `console_scripts` are bare keys; `flake8.extension` must be quoted. */
const quoteKey = (key: string): string => (/^[\w-]+$/.test(key) ? key : `"${key}"`);

const pyproject: EntryDetector = {
  id: 'pyproject',
  title: 'pyproject.toml (project scripts, gui-scripts, entry points; Poetry scripts and plugins)',
  matches: (path, name) => name === 'pyproject.toml',
  candidates: { names: ['pyproject.toml'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const doc = ctx.manifests.get(file.path, TOML);
    if (!doc) return out;
    const site: Site = { path: file.path, doc, out };
    const toml = doc.value;
    readScriptTable(site, valueAt(toml, ['project', 'scripts']), 'project.scripts');
    readScriptTable(site, valueAt(toml, ['project', 'gui-scripts']), 'project.gui-scripts');
    readGroups(site, valueAt(toml, ['project', 'entry-points']), 'project.entry-points');
    readScriptTable(site, valueAt(toml, ['tool', 'poetry', 'scripts']), 'tool.poetry.scripts');
    readGroups(site, valueAt(toml, ['tool', 'poetry', 'plugins']), 'tool.poetry.plugins');
    const scriptFiles = valueAt(toml, ['tool', 'setuptools', 'script-files']);
    if (Array.isArray(scriptFiles)) {
      const line = doc.keyLine('tool.setuptools', 'script-files');
      for (const f of scriptFiles) {
        if (typeof f === 'string') addScriptFile(out, dirname(file.path), f, `${file.path} [tool.setuptools] script-files`, file.path, line);
      }
    }
    return out;
  },
};

export default pyproject;

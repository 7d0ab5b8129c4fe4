/**
 * Declared dependencies in TOML manifests: pyproject.toml (PEP 621 dependencies and
 * optional-dependencies, PEP 735 dependency-groups, build-system requires, poetry main and group
 * dependencies, uv/pdm dev dependencies) and Pipfile (packages, dev-packages, custom categories).
 */
import { isTable, tomlGet, type TomlDocument } from '../../../manifests/toml.js';
import { warning } from '../../../util/diagnostics.js';
import type { DeclaredSink } from './declared-sink.js';
import { requirementName } from './requirement.js';

interface Ctx {
  file: string;
  lines: TomlDocument;
  sink: DeclaredSink;
}

/** An array of PEP 508 strings at `path` → `key`. Non-strings are skipped (tables in dependency-groups are includes). */
const pep508Array = (c: Ctx, value: unknown, path: string[], key: string, group?: string): void => {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    c.sink.diagnostics.push(warning('python-env/malformed-manifest', `${[...path, key].join('.')} should be a list of requirements`, c.file, c.lines.locate(path, key)));
    return;
  }
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const line = c.lines.locate(path, key, item);
    const r = requirementName(item);
    if ('error' in r) c.sink.diagnostics.push(warning('python-env/malformed-requirement', `${[...path, key].join('.')}: ${r.error}`, c.file, line));
    else if ('name' in r) c.sink.add(r.name, { file: c.file, line, ...(group ? { group } : {}) });
  }
};

/** A table of `name = spec` (poetry, Pipfile): the keys are the distributions. */
const nameTable = (c: Ctx, value: unknown, path: string[], group?: string, skip: readonly string[] = []): void => {
  if (!isTable(value)) return;
  for (const name of Object.keys(value)) {
    if (skip.includes(name.toLowerCase())) continue;
    const spec = value[name];
    const optional = isTable(spec) && spec.optional === true;
    const g = group ?? (optional ? 'extras' : undefined);
    c.sink.add(name, { file: c.file, line: c.lines.locate(path, name), ...(g ? { group: g } : {}) });
  }
};

const groupsOfArrays = (c: Ctx, value: unknown, path: string[]): void => {
  if (!isTable(value)) return;
  for (const group of Object.keys(value)) pep508Array(c, value[group], path, group, group);
};

/** A malformed file is the manifest store's to report (once); here it declares nothing. */
export const readPyproject = (file: string, doc: TomlDocument, sink: DeclaredSink): void => {
  const d = doc.value;
  const c: Ctx = { file, lines: doc, sink };
  pep508Array(c, tomlGet(d, 'project', 'dependencies'), ['project'], 'dependencies');
  groupsOfArrays(c, tomlGet(d, 'project', 'optional-dependencies'), ['project', 'optional-dependencies']);
  groupsOfArrays(c, tomlGet(d, 'dependency-groups'), ['dependency-groups']);
  pep508Array(c, tomlGet(d, 'build-system', 'requires'), ['build-system'], 'requires', 'build-system');
  pep508Array(c, tomlGet(d, 'tool', 'uv', 'dev-dependencies'), ['tool', 'uv'], 'dev-dependencies', 'dev');
  groupsOfArrays(c, tomlGet(d, 'tool', 'pdm', 'dev-dependencies'), ['tool', 'pdm', 'dev-dependencies']);
  const poetry = tomlGet(d, 'tool', 'poetry');
  nameTable(c, tomlGet(poetry, 'dependencies'), ['tool', 'poetry', 'dependencies'], undefined, ['python']);
  nameTable(c, tomlGet(poetry, 'dev-dependencies'), ['tool', 'poetry', 'dev-dependencies'], 'dev', ['python']);
  const groups = tomlGet(poetry, 'group');
  if (isTable(groups)) {
    for (const g of Object.keys(groups)) {
      nameTable(c, tomlGet(groups[g], 'dependencies'), ['tool', 'poetry', 'group', g, 'dependencies'], g, ['python']);
    }
  }
};

/** Pipfile tables that are not package categories. */
const PIPFILE_NON_CATEGORIES = new Set(['source', 'requires', 'scripts', 'pipenv']);

export const readPipfile = (file: string, doc: TomlDocument, sink: DeclaredSink): void => {
  const c: Ctx = { file, lines: doc, sink };
  for (const category of Object.keys(doc.value)) {
    if (PIPFILE_NON_CATEGORIES.has(category)) continue;
    const group = category === 'packages' ? undefined : category === 'dev-packages' ? 'dev' : category;
    nameTable(c, doc.value[category], [category], group);
  }
};

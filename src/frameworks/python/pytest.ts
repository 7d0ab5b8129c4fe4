/**
 * pytest's own loading rules beyond collection (collection itself is the `tests` entry detector):
 * a collected file inside packages is imported by its dotted name, so every `__init__.py` from its
 * folder up to the first folder without one runs; `pytest_plugins = [...]` in a conftest or test
 * module loads those modules; `-p name` in a pytest config's options loads that plugin.
 */
import { basename, dirname } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { packageInits } from './python-files.js';
import { PYTEST_CONFIG_FILE } from '../../manifests/pytest.js';

const PLUGIN_OPTION = /(?:^|\s)-p\s*([A-Za-z_][\w.]*)(?=\s|$|["'\],])/gm;

export const collectPytest = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const tests = ctx.entries.filter((e) => e.detector === 'tests' && e.targetKind === 'file' && e.target.endsWith('.py'));
  const collected = new Set(tests.map((t) => t.target));
  // A folder's package inits, found once for all its collected files (saleor: 1,200 test files in a few hundred folders).
  const initsOf = new Map<string, string[]>();
  for (const file of [...collected].sort()) {
    const dir = dirname(file);
    let inits = initsOf.get(dir);
    if (inits === undefined) initsOf.set(dir, (inits = packageInits(ctx.files, dir)));
    const label = `run by pytest, which imports ${file} by its dotted name (a package runs before its modules)`;
    for (const init of inits) {
      if (init === file) continue;
      out.references.push({ from: file, target: init, targetKind: 'file', line: 1, label });
    }
    const text = basename(file) === 'conftest.py' || ctx.facts(file)?.definitions.includes('pytest_plugins') ? ctx.readText(file) : null;
    if (text === null) continue;
    for (const s of settingStrings(text)) {
      if (s.setting !== 'pytest_plugins' || !isDottedName(s.value)) continue;
      out.references.push({ from: file, target: s.value, targetKind: 'module', line: s.line, label: `pytest_plugins in ${file}:${s.line}` });
    }
  }
  for (const config of [...ctx.files].filter((f) => PYTEST_CONFIG_FILE.test(f)).sort()) {
    const text = ctx.readText(config);
    if (text === null || !/addopts/.test(text)) continue;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(PLUGIN_OPTION)) {
        const module = m[1];
        const files = ctx.module(module, dirname(config));
        if (files.length === 0) continue;
        out.entries.push({ source: config, target: module, targetKind: 'module', kind: 'test', line: i + 1, evidence: `pytest plugin -p ${module} in ${config}:${i + 1}` });
      }
    });
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'pytest',
  title: 'pytest',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = ctx.entries.find((e) => e.detector === 'tests' && e.target.endsWith('.py'));
    return first ? `pytest collects ${first.target}` : null;
  },
  collect: collectPytest,
};

export default reader;

/**
 * The shell extractor on fixture scripts (test/fixtures/shell/<case>/), one behaviour per case.
 * Each command fact is also analysed the way the graph will (shellCommandContext), so the
 * fixture proves the facts re-read correctly on their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyseCommand } from '../../src/commandline/analyse.js';
import type { CommandTarget } from '../../src/commandline/types.js';
import { shellCommandContext } from '../../src/languages/shell/context.js';
import { shellExtractor } from '../../src/languages/shell/extract.js';
import { expectedFor, fixtureCases, fixturePath } from '../helpers/fixtures.js';

const scriptsIn = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix))
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(join(dir, rel)).isDirectory() ? scriptsIn(dir, rel) : rel.endsWith('.sh') ? [rel] : [];
    });

const target = (t: CommandTarget): string => {
  switch (t.kind) {
    case 'file':
      return `file ${t.path}`;
    case 'module':
      return `module ${t.module}${t.attr ? `:${t.attr}` : ''} (from ${t.cwd ?? '?'})`;
    case 'npm-script':
      return `npm script ${t.name} (in ${t.cwd || '.'})`;
    case 'config':
      return `${t.reader} config ${t.path}`;
    case 'unknown-program':
      return `unknown program ${t.program}`;
    case 'workspace-run':
      return `${t.manager} ${t.script !== undefined ? `script ${t.script}` : `command ${t.command}`} in workspace packages (${t.select.by === 'selectors' ? t.select.selectors.join(', ') : t.select.by})`;
    case 'make-target':
      return `make ${t.target || '(default)'} (${t.makefile})`;
    case 'test-run':
      return `${t.runner} [${t.paths.join(', ')}]`;
    case 'unresolved':
      return `unresolved: ${t.reason}`;
  }
};

const describeScript = (path: string, text: string) => {
  const facts = shellExtractor.extract(path, text);
  return {
    runnable: facts.runnable,
    summary: facts.summary ?? null,
    complexity: facts.complexity,
    definitions: facts.definitions,
    diagnostics: facts.diagnostics.map((d) => `${d.id} line ${d.location?.line}: ${d.message}`),
    commands: facts.commands.map((c) => ({
      line: c.line,
      command: c.command,
      ...(c.cwd !== undefined ? { cwd: c.cwd } : {}),
      // Programs census has no record of matter in deploy and CI lines, not inside scripts.
      targets: analyseCommand(c.command, shellCommandContext(path, c)).filter((t) => t.kind !== 'unknown-program').map(target),
    })),
  };
};

for (const name of fixtureCases('shell')) {
  test(`shell fixture ${name}`, () => {
    const dir = fixturePath('shell', name);
    const actual = Object.fromEntries(scriptsIn(dir).map((path) => [path, describeScript(path, readFileSync(join(dir, path), 'utf8'))]));
    assert.deepEqual(actual, expectedFor('shell', name, actual));
  });
}

test('every fact via is "shell" and the extractor reports its language and version', () => {
  assert.equal(shellExtractor.language, 'shell');
  assert.equal(shellExtractor.version, 3);
  const facts = shellExtractor.extract('x.sh', 'python a.py\nnode b.js\n');
  assert.deepEqual(facts.commands.map((c) => [c.via, c.line]), [['shell', 1], ['shell', 2]]);
  assert.deepEqual(facts.runnable, ['top-level-code']);
});

test('a script of function definitions only is not runnable on its own', () => {
  assert.deepEqual(shellExtractor.extract('lib.sh', 'greet() { echo hi; }\n').runnable, []);
});

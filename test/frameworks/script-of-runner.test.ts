/**
 * scriptOfRunner (frameworks/js/support.ts) names the script a runner command runs (`turbo run
 * build`, `pnpm -r build`, `npm run build -ws`). It is asked for every segment of every command
 * line and script, so it is written as plain loops; it must give what the array-method version
 * (kept here as the reference) gave for any words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scriptOfRunner } from '../../src/frameworks/js/support.js';
import { assertProperty } from '../helpers/property.js';

const RUNS_ALL = /^(turbo|lerna|nx|wireit|ultra)$/;
const PACKAGE_MANAGER_COMMANDS = new Set(['install', 'i', 'add', 'remove', 'exec', 'dlx', 'create', 'init', 'link', 'publish', 'pack', 'why', 'outdated', 'update', 'up', 'audit', 'config', 'store', 'workspace', 'workspaces']);

const reference = (words: string[]): { script: string; all: boolean } | null => {
  const [bin, ...rest] = words;
  const positional = rest.filter((w) => !w.startsWith('-'));
  const all = rest.some((w) => ['-r', '--recursive', '-ws', '--workspaces', '--filter', '-F'].includes(w) || w.startsWith('--filter='));
  if (RUNS_ALL.test(bin)) {
    const args = positional[0] === 'run' || positional[0] === 'run-many' ? positional.slice(1) : positional;
    const target = rest.find((w, i) => (rest[i - 1] === '-t' || rest[i - 1] === '--target') && !w.startsWith('-')) ?? args.find((a) => !a.includes('"') && !a.includes("'"));
    return target ? { script: target, all: true } : null;
  }
  if (bin === 'npm' || bin === 'pnpm' || bin === 'yarn' || bin === 'bun') {
    const words2 = rest.filter((w, i) => !w.startsWith('-') && !['--filter', '-F', '-w', '--workspace', '-C', '--dir', '--prefix'].includes(rest[i - 1] ?? ''));
    const [first, second] = words2;
    if (first === 'run' || first === 'run-script') return second ? { script: second, all } : null;
    if (bin === 'npm') return first === 'start' || first === 'test' ? { script: first, all } : null;
    if (bin === 'bun') return null;
    return first && !PACKAGE_MANAGER_COMMANDS.has(first) ? { script: first, all } : null;
  }
  return null;
};

const BINS = ['turbo', 'lerna', 'nx', 'wireit', 'ultra', 'npm', 'pnpm', 'yarn', 'bun', 'eslint', 'node', 'turbo-x'];
const WORDS = ['run', 'run-many', 'run-script', 'build', 'test', 'start', 'dev', 'install', 'exec', '-t', '--target', '-r', '--recursive', '-ws', '--workspaces', '--filter', '--filter=web', '-F', '-w', '--workspace', '-C', '--dir', '--prefix', '--', '-x', '', '"a"', "b'", 'app', 'constructor'];

test('scriptOfRunner: the same answer as the array-method version for any words', () => {
  assertProperty(
    fc.property(fc.constantFrom(...BINS), fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }), (bin, rest) => {
      assert.deepEqual(scriptOfRunner(bin, rest), reference([bin, ...rest]), JSON.stringify([bin, ...rest]));
    }),
    { numRuns: 5000 },
  );
});

test('scriptOfRunner: examples', () => {
  assert.deepEqual(scriptOfRunner('turbo', ['run', 'build', '--filter=web']), { script: 'build', all: true });
  assert.deepEqual(scriptOfRunner('nx', ['run-many', '-t', 'test']), { script: 'test', all: true });
  assert.deepEqual(scriptOfRunner('pnpm', ['-r', 'build']), { script: 'build', all: true });
  assert.deepEqual(scriptOfRunner('pnpm', ['--filter', 'web', 'dev']), { script: 'dev', all: true });
  assert.deepEqual(scriptOfRunner('npm', ['start']), { script: 'start', all: false });
  assert.equal(scriptOfRunner('yarn', ['install']), null);
  assert.equal(scriptOfRunner('eslint', ['.']), null);
});

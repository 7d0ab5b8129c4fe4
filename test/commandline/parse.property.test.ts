/**
 * Hostile input for the shell parser, the analyser and the shell extractor: random text and
 * random sequences of shell's own syntax (unbalanced quotes, substitutions, keywords, heredocs)
 * must never throw, and every problem must carry a line inside the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { analyseCommand } from '../../src/commandline/analyse.js';
import { parseShell } from '../../src/commandline/parse.js';
import { shellExtractor } from '../../src/languages/shell/extract.js';

const SHELL_PIECES = [
  ' ', ' ', '\n', '\t', '\\', '\\\n', "'", '"', '`', '$', '$(', '$((', '${', '}', '{', '(', ')', ')', '<(', '>(', ';', ';;', '&', '&&', '||', '|',
  '<', '>', '2>&1', '<<', '<<-', '<<<', 'EOF', '#', '#!', '=', 'X=', 'if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while',
  'case', 'esac', 'function', 'f()', '[[', ']]', '!', 'cd', '..', '/', '~', '*', 'python', '-m', '-c', 'x.py', 'bash', 'npm', 'run', 'make',
  '$0', '${BASH_SOURCE%/*}', '$@', '$1', '${X:-', 'dirname', 'pwd', 'exec', 'sudo', 'env', 'uv', 'npx', 'tsx', 'node', '--', '-', 'eval',
];

const shellish = fc.array(fc.constantFrom(...SHELL_PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const inputs = fc.oneof(shellish, anyText);

const lineCount = (text: string): number => text.split('\n').length;

test('parseShell never throws and reports problems on lines that exist', () => {
  assertProperty(
    fc.property(inputs, (text) => {
      const parsed = parseShell(text);
      for (const p of parsed.problems) assert.ok(p.line >= 1 && p.line <= lineCount(text), `line ${p.line} of ${lineCount(text)}`);
    }),
    { numRuns: 3000 },
  );
});

test('analyseCommand never throws and never reports a crash as a target', () => {
  assertProperty(
    fc.property(inputs, (text) => {
      for (const target of analyseCommand(text, { cwd: 'svc', scriptDir: 'ops', pathMap: [{ from: '/opt/app', to: '' }] })) {
        assert.ok(!(target.kind === 'unresolved' && target.reason.startsWith('census could not analyse')), target.kind === 'unresolved' ? target.reason : '');
      }
    }),
    { numRuns: 3000 },
  );
});

test('the shell extractor never throws and its commands re-parse without a crash', () => {
  assertProperty(
    fc.property(inputs, (text) => {
      const facts = shellExtractor.extract('scripts/random.sh', text);
      assert.ok(!facts.diagnostics.some((d) => d.id === 'shell/extract-failed'), JSON.stringify(facts.diagnostics));
      for (const c of facts.commands) analyseCommand(c.command, { cwd: '' });
    }),
    { numRuns: 2000 },
  );
});

test('deep nesting is read without exhausting the stack', () => {
  for (const open of ['$(', '(', '{ ', 'if x; then ', '`', '"$(']) {
    const text = open.repeat(5000);
    assert.doesNotThrow(() => parseShell(text));
    assert.doesNotThrow(() => shellExtractor.extract('deep.sh', text));
  }
});

/** Inputs are checked up front: one line each, exit 2, with a guess for a misspelt word. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { closest } from '../../src/cli/suggest.js';

const usage = (args: string[], message: RegExp) => {
  const r = runCli(args);
  assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
  assert.match(r.stderr, message);
  assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
};

test('misspelt commands and options get a did-you-mean', () => {
  usage(['scna'], /^census: unknown command "scna" \(did you mean "scan"\?\); run census --help for the list\n$/);
  usage(['scan', '--exlude', 'x'], /^census: Unknown option '--exlude' \(did you mean --exclude\?\)\n$/);
  usage(['zzzzzz'], /^census: unknown command "zzzzzz"; run census --help for the list\n$/);
  assert.equal(closest('chek', ['check', 'scan']), 'check');
  assert.equal(closest('frobnicate', ['check', 'scan']), null);
});

test('--workers 0, a negative size and a missing --python are usage errors, one line each', () => {
  usage(['scan', 'examples/demo', '--workers', '0'], /^census: --workers must be at least 1/);
  usage(['scan', 'examples/demo', '--max-file-size', '-5'], /^census: --max-file-size needs a value; a value starting with a dash is written --max-file-size=VALUE\n$/);
  usage(['scan', 'examples/demo', '--max-file-size=-5'], /^census: --max-file-size must be a whole number, got "-5"\n$/);
  usage(['imports', 'examples/demo', '--python', './no/such/python'], /^census: --python \.\/no\/such\/python: no such file\n$/);
});

test('-V prints the version; --no-color and FORCE_COLOR decide colour', () => {
  assert.match(runCli(['-V']).stdout, /^\d+\.\d+\.\d+\n$/);
  const forced = runCli(['scan', 'examples/demo'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
  assert.match(forced.stdout, /\u001b\[1m/);
  const off = runCli(['scan', 'examples/demo', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
  assert.doesNotMatch(off.stdout, /\u001b\[/);
});

/** Inputs are checked up front: one line each, exit 2, with a guess for a misspelt word. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { closest } from '../../src/cli/suggest.js';
import { scratchDir } from '../helpers/scratch.js';

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

const scratch = (): string => scratchDir('census-validation-');

test('a --python that exists but does not answer as Python is a usage error before the scan', () => {
  const dir = scratch();
  const fake = join(dir, 'python');
  writeFileSync(fake, '#!/bin/sh\necho not-python\n');
  chmodSync(fake, 0o755);
  usage(['scan', 'examples/demo', '--python', fake], /^census: --python .*: the interpreter's answer was not understood \(not-python\); is it Python 3\?\n$/);
  usage(['scan', 'examples/demo', '--python', 'no-such-python-census'], /^census: --python no-such-python-census: no such interpreter\n$/);
});

test('--runtime on a file that is prose, not a trace or a list of paths, is refused', () => {
  const dir = scratch();
  const notes = join(dir, 'notes.md');
  writeFileSync(notes, '# Notes\n\nThe sidecar starts in sidecar/main.py and imports the admin router.\nIt is deployed by systemd.\nNothing else runs here.\n');
  usage(['scan', 'examples/demo', '--runtime', notes], /^census: cannot tell what runtime evidence .*notes\.md is/);
  const list = join(dir, 'loaded.txt');
  writeFileSync(list, 'sidecar/main.py\nsidecar/admin.py\n');
  assert.equal(runCli(['scan', 'examples/demo', '--runtime', list]).code, 0, 'a list of repo paths is still read');
});

test('a bad glob is a usage error naming the option; a refused glob in the config names the key', () => {
  usage(['scan', 'examples/demo', '--include', '['], /^census: --include "\[": "\[" is not closed/);
  usage(['scan', 'examples/demo', '--exclude', '!(a|b)'], /^census: --exclude glob "!\(a\|b\)": the extended glob !\(…\) is not supported\n$/);
  const dir = scratch();
  writeFileSync(join(dir, 'a.py'), 'print(1)\n');
  writeFileSync(join(dir, 'census.config.json'), '{"ignore": ["!(x)"]}\n');
  usage(['scan', dir], /^census: .*census\.config\.json: "ignore\[0\]" is refused: glob "!\(x\)": the extended glob/);
});

test('NO_COLOR wins over FORCE_COLOR', () => {
  const r = runCli(['scan', 'examples/demo'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
  assert.doesNotMatch(r.stdout, /\u001b\[/);
});

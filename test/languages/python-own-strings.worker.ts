/**
 * Runs in a worker of its own (python-own-strings.test.ts): the heap it measures is the worker's
 * isolate, which no other test of the shard's process has filled with caches of census's modules
 * (CI once saw 7 MB held there, at load ~17, where a process of this test alone holds 45 KB).
 */
import { parentPort } from 'node:worker_threads';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { pythonExtractor } from '../../src/languages/python/extract.js';
import type { FileFacts } from '../../src/model/facts.js';
import { shareStrings } from '../../src/extract/shared-strings.js';
import type { ScannedFile } from '../../src/extract/scan-file.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** A test module of about 4 MB whose facts take a string from each field the extractor cuts from the text. */
const bigModule = (): string => {
  const head = [
    '"""Checks of the payment plugins, each against a sandbox."""',
    'from django.test import override_settings',
    'from unittest import mock',
    'try:',
    '    import yaml',
    'except ImportError:',
    '    yaml = None',
    'def helper():',
    '    import pkg.lazy_module_name',
    "@override_settings(PAYMENT_PLUGIN_CLASS='pkg.plugins.PaymentPluginClass')",
    "@mock.patch('pkg.payments.gateway.Client')",
    'def test_pay(client):',
    "    run(['python', '-m', 'pkg.tools.reindex_everything'])",
    "    get_resource('payment_widget_bundle.js')",
    'import subprocess',
    'import sys',
    "sys.path.insert(0, '/usr/share/payment_plugins_dir')",
    'try:',
    '    import payment_yaml_loader',
    'except ModuleNotFoundError:',
    '    payment_yaml_loader = None',
    'def reindex():',
    "    subprocess.run('payment-reindex --all-plugins', cwd='tools/payment_reindexer', shell=True)",
    '',
  ].join('\n');
  // Decoded from bytes as extraction decodes a file (extract/decode.ts): one flat string (a rope would be
  // flattened into a new one, and Buffer's toString makes a large text an external string).
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(head + '# filler line of the module, long enough to matter\n'.repeat(80_000)));
};

const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const measure = (): void => {
  pythonExtractor.extract('warm.py', 'x = 1\n', true);
  const before = heapAfterGc();
  let text: string | null = bigModule();
  const bytes = text.length;
  let facts: FileFacts = pythonExtractor.extract('tests/test_payments.py', text, true);
  // Each field this guards is filled here, so a slice in any of them would hold the text.
  assert.ok(facts.summary?.startsWith('Checks of the payment plugins'));
  assert.ok(facts.dottedStrings?.some((d) => d.value === 'pkg.payments.gateway.Client' && d.via === 'mock.patch'));
  assert.ok(facts.settingSwaps?.some((s) => s.value === 'pkg.plugins.PaymentPluginClass' && s.setting === 'PAYMENT_PLUGIN_CLASS'));
  assert.ok(facts.imports.some((i) => i.specifier === 'pkg.lazy_module_name' && i.within === 'helper'));
  assert.ok(facts.moduleArgs?.some((m) => m.name === 'pkg.tools.reindex_everything'));
  assert.ok(facts.scriptNames?.some((s) => s.name === 'payment_widget_bundle.js'));
  // an except clause's exception names, a command and its cwd, an absolute sys.path folder (stop 61 review)
  assert.ok(facts.imports.some((i) => i.specifier === 'payment_yaml_loader' && i.handles?.includes('ModuleNotFoundError')));
  assert.ok(facts.commands.some((c) => c.command === 'payment-reindex --all-plugins' && c.cwd === 'tools/payment_reindexer'));
  assert.ok(facts.importRoots?.some((r) => r.dir === '/usr/share/payment_plugins_dir'));
  // The scan shares the names, specifiers and definitions (extract/shared-strings.ts); the rest is the extractor's to own.
  const scanned = { record: { language: 'python' }, facts, diagnostics: [] } as unknown as ScannedFile;
  shareStrings(new Map(), scanned);
  facts = scanned.facts ?? facts;
  // A tokenize of something else, so the extractor's shared buffers hold no reference to the text either.
  pythonExtractor.extract('other.py', 'x = 1\n', true);
  // and a successful match of another subject: V8 keeps the last one's (RegExp.input) until the next.
  assert.ok(/\d/.test('1'));
  text = null;
  const withFacts = heapAfterGc();
  assert.ok(facts.imports.length > 0);
  parentPort?.postMessage({ held: withFacts - before, bytes });
};

measure();

/**
 * bin/census.js runs census's esbuild bundle (dist/bundle, scripts/bundle.mjs), while the other
 * tests import tsc's modules: here the bundle is held to the modules, where it differs from them
 * by construction — the files census finds from its own code (worker threads, the schemas in
 * docs/, its build stamp) and the HTML report's page script.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from '../../src/report/html/index.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const inRepo = (path: string) => join(REPO_ROOT, path);

test('npm run build leaves a bundle bin/census.js runs: entry points where src/own-files.ts looks for them', () => {
  for (const entry of ['cli/main.js', 'extract/worker.js', 'extract/fingerprint-worker.js', 'pipeline.js']) {
    assert.ok(existsSync(inRepo(`dist/bundle/${entry}`)), `dist/bundle/${entry}`);
  }
  // bin/census.js falls back to dist/src when tsc ran after the bundle was made.
  assert.ok(statSync(inRepo('dist/bundle/cli/main.js')).mtimeMs >= statSync(inRepo('dist/.tsbuildinfo')).mtimeMs, 'the bundle is older than tsc\'s build');
});

test('a scan on worker threads gives, through the bundle, the Audit the modules give', async () => {
  // Over 150 files, so --workers 2 starts the pool (extract/worker.js) instead of scanning inline.
  const out = join(scratchDir('census-bundle-'), 'audit.json');
  const r = runCli(['scan', '.', '--include', 'src/**', '--workers', '2', '--no-cache', '--format', 'json', '--output', out, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const viaBundle = JSON.parse(readFileSync(out, 'utf8'));
  const { audit } = await scanDir(REPO_ROOT, { include: ['src/**'] });
  assert.ok(viaBundle.files.length > 150);
  const same = JSON.parse(JSON.stringify({ files: audit.files, edges: audit.edges, entries: audit.entries }));
  assert.deepEqual({ files: viaBundle.files, edges: viaBundle.edges, entries: viaBundle.entries }, same);
});

test('census report finds the Audit schema in the package (docs/ beside the bundle)', () => {
  const out = join(scratchDir('census-bundle-'), 'audit.json');
  assert.equal(runCli(['scan', 'examples/demo', '--no-cache', '--format', 'json', '--output', out, '--quiet']).code, 0);
  const r = runCli(['report', out, '--format', 'md']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# /);
});

test('the HTML page from the bundle carries the same script, and the same script hash, as the modules\' page', async () => {
  const r = runCli(['scan', 'examples/demo', '--no-cache', '--format', 'html', '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const { audit } = await scanDir(inRepo('examples/demo'));
  const page = renderHtml(audit, { color: false });
  const scripts = (html: string) => [...html.matchAll(/<script(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const policy = (html: string) => /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  assert.ok(scripts(page).length > 0);
  assert.deepEqual(scripts(r.stdout), scripts(page));
  assert.equal(policy(r.stdout), policy(page));
});

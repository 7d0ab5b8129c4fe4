/**
 * Output and memory amplification: a 300 KB package.json script once became 72 MB of Audit JSON
 * (the command was copied into the evidence of every file it reached); a committed baseline of
 * millions of keys took 970 MB to read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanDir } from '../helpers/scan-fixture.js';
import { readBaseline } from '../../src/store/baseline.js';

test('a huge command is quoted as an excerpt, not copied into every chain', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'census-amplify-'));
  try {
    mkdirSync(join(repo, 'lib'));
    const helpers = Array.from({ length: 40 }, (_, i) => `helper${i}`);
    for (const h of helpers) writeFileSync(join(repo, 'lib', `${h}.js`), `module.exports = '${h}';\n`);
    writeFileSync(join(repo, 'main.js'), helpers.map((h) => `require('./lib/${h}.js');`).join('\n') + '\n');
    const noise = 'x'.repeat(300_000);
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'amplify', scripts: { start: `node main.js --banner ${noise}` } }));
    const { audit } = await scanDir(repo);
    const json = JSON.stringify(audit);
    assert.equal(audit.files.find((f) => f.path === 'lib/helper7.js')?.verdict, 'production', 'the chain is still there');
    assert.ok(json.length < 100_000, `the Audit is ${json.length} characters`);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('a baseline over 32 MB is refused before it is read', () => {
  const repo = mkdtempSync(join(tmpdir(), 'census-amplify-baseline-'));
  try {
    mkdirSync(join(repo, '.census'));
    const fd = openSync(join(repo, '.census', 'baseline.json'), 'w');
    ftruncateSync(fd, 40 * 1024 * 1024);
    closeSync(fd);
    assert.throws(() => readBaseline(repo), /baseline\.json is 40 MB; census reads baselines up to 32 MB/);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

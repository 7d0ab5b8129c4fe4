/** `census why --all`: the chain that decided the verdict comes first, however many shorter chains of other tiers exist. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allChains } from '../../src/classify/explain.js';
import { scanDir } from '../helpers/scan-fixture.js';

const FILES: Record<string, string> = {
  Procfile: 'web: python app/main.py\n',
  'app/__init__.py': '',
  'app/main.py': 'from app import a\n\na.run()\n',
  'app/a.py': 'from app import b\n\n\ndef run():\n    b.run()\n',
  'app/b.py': 'from app import target\n\n\ndef run():\n    target.run()\n',
  'app/target.py': 'def run():\n    return 1\n',
  'tests/__init__.py': '',
  'tests/test_target.py': 'from app import target\n\n\ndef test_run():\n    assert target.run() == 1\n',
  'tests/test_other.py': 'from app import target\n\n\ndef test_again():\n    assert target.run()\n',
};

test('the deciding chain is first in --all, and worded as the verdict\'s evidence', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-why-all-'));
  try {
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { audit } = await scanDir(dir, { noEnv: true });
    const record = audit.files.find((f) => f.path === 'app/target.py')!;
    assert.equal(record.verdict, 'production');
    const chains = allChains(audit, 'app/target.py', 20);
    // The test chains are shorter (one hop against three): a breadth-first list alone would start with them.
    assert.ok(chains.some((c) => c.tier !== 'production' && c.sentences.length < chains[0].sentences.length), JSON.stringify(chains));
    assert.equal(chains[0].tier, 'production');
    assert.deepEqual(chains[0].sentences, record.evidence);
    assert.equal(chains.filter((c) => c.tier === 'production' && c.sentences.join() === record.evidence!.join()).length, 1, 'listed once');
    const one = allChains(audit, 'app/target.py', 1);
    assert.deepEqual(one.map((c) => c.tier), ['production']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

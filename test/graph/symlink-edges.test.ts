/**
 * A symlink is its target: an installed command linked into usr/bin/ runs the launcher it leads
 * to, and that launcher's imports. Without the link's edge the launcher and its modules were
 * "manual" (runnable, nothing reaching them) while the link itself was the entry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanDir } from '../helpers/scan-fixture.js';

test('a link on PATH carries its entry to the launcher it leads to and the modules that launcher imports', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'census-symlink-edges-'));
  try {
    mkdirSync(join(repo, 'usr/bin'), { recursive: true });
    mkdirSync(join(repo, 'usr/share/tool/tool'), { recursive: true });
    writeFileSync(join(repo, 'usr/share/tool/launcher'), '#!/usr/bin/python3\nimport sys\nfrom tool.cli import main\n\nif __name__ == "__main__":\n    sys.exit(main())\n');
    chmodSync(join(repo, 'usr/share/tool/launcher'), 0o755);
    writeFileSync(join(repo, 'usr/share/tool/tool/__init__.py'), '');
    writeFileSync(join(repo, 'usr/share/tool/tool/cli.py'), 'def main():\n    return 0\n');
    symlinkSync('../share/tool/launcher', join(repo, 'usr/bin/tool'));
    writeFileSync(join(repo, 'AGENTS.md'), '# Notes\n');
    symlinkSync('AGENTS.md', join(repo, 'CLAUDE.md'));

    const { audit } = await scanDir(repo);
    const file = (path: string) => audit.files.find((f) => f.path === path);
    assert.equal(file('usr/bin/tool')?.verdict, 'production');
    assert.equal(file('usr/share/tool/launcher')?.verdict, 'production');
    assert.ok(file('usr/share/tool/launcher')?.evidence?.some((e) => e.includes('what the symlink usr/bin/tool leads to')), JSON.stringify(file('usr/share/tool/launcher')?.evidence));
    assert.equal(file('usr/share/tool/tool/cli.py')?.verdict, 'production');
    const symlinkEdges = (audit.edges ?? []).filter((e) => e.via === 'symlink').map((e) => `${e.from} -> ${e.to}`);
    assert.deepEqual(symlinkEdges, ['usr/bin/tool -> usr/share/tool/launcher'], 'a document link is read, not run: no edge');
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

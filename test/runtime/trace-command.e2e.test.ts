import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseCommandArgs } from '../../src/cli/args.js';
import { traceCommand } from '../../src/cli/commands/trace.js';
import type { CliIo } from '../../src/cli/io.js';
import { UsageError } from '../../src/util/errors.js';

const scratch = mkdtempSync(join(tmpdir(), 'census-trace-command-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const runCli = async (argv: string[], cwd: string): Promise<{ code: number; stderr: string; stdout: string }> => {
  let stderr = '';
  let stdout = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false, cwd };
  const code = await traceCommand.run(parseCommandArgs(argv, traceCommand.options), io);
  return { code, stderr, stdout };
};

describe('census trace', () => {
  it('exits with the command exit code, writes under .census/traces/ and says so', async () => {
    const root = mkdtempSync(join(scratch, 'repo-'));
    writeFileSync(join(root, 'settle_accounts.py'), 'import sys\nsys.exit(4)\n');
    const { code, stderr, stdout } = await runCli(['--', 'python3', 'settle_accounts.py'], root);
    assert.equal(code, 4);
    assert.equal(stdout, '');
    assert.match(stderr, /running python3 settle_accounts\.py with tracing \(this runs your code\)/);
    assert.match(stderr, /1 python process loaded 1 repo file; wrote \.census\/traces\/settle_accounts\.json \(\.census\/traces\/ is where census writes traces/);
    const trace = JSON.parse(readFileSync(join(root, '.census/traces/settle_accounts.json'), 'utf8'));
    assert.deepEqual([trace.label, trace.exitCode, trace.loaded], ['settle_accounts', 4, ['settle_accounts.py']]);
  });

  it('takes --label, --out and a root path, and stays silent with --quiet', async () => {
    const root = mkdtempSync(join(scratch, 'repo-'));
    writeFileSync(join(root, 'warm_cache.py'), 'pass\n');
    const { code, stderr } = await runCli(['.', '--label', 'warmup', '--out', 'warm.json', '--quiet', '--', 'python3', 'warm_cache.py'], root);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.equal(JSON.parse(readFileSync(join(root, 'warm.json'), 'utf8')).label, 'warmup');
    assert.ok(!existsSync(join(root, '.census')));
  });

  it('refuses a missing command, a bad label and a missing root', async () => {
    await assert.rejects(runCli([], scratch), UsageError);
    await assert.rejects(runCli(['--label', '../up', '--', 'true'], scratch), /--label "..\/up"/);
    await assert.rejects(runCli(['no-such-root', '--', 'true'], scratch), /no such directory: no-such-root/);
  });
});

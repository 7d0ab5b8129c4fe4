/**
 * The command registry is lazy: each line carries what `census --help` prints, and loads its
 * command on demand. The line and the loaded command must say the same thing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS, loadAllCommands } from '../../src/cli/commands/index.js';

test('every registry line names and summarises the command it loads', async () => {
  const loaded = await loadAllCommands();
  assert.ok(COMMANDS.length >= 10, 'the registry lists the commands');
  for (const [i, entry] of COMMANDS.entries()) {
    assert.equal(loaded[i].name, entry.name, `registry line ${i}`);
    assert.equal(loaded[i].summary, entry.summary, `census ${entry.name}: the registry's summary is the command's`);
  }
  assert.equal(new Set(COMMANDS.map((c) => c.name)).size, COMMANDS.length, 'names are unique');
});

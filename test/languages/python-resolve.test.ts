/** Python resolution on fixture repos: one layout rule per fixture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedFor, fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

for (const name of fixtureCases('python')) {
  test(`python resolution: ${name}`, async () => {
    const { audit } = await scanDir(fixturePath('python', name));
    const actual = audit.edges
      .filter((e) => e.from.endsWith('.py'))
      .map((e) => ({
        from: e.from,
        line: e.line,
        specifier: e.specifier,
        to: e.to,
        kind: e.kind,
        names: e.names,
        guard: e.guard,
        ...(e.via ? { via: e.via } : {}),
        ...(e.unresolved ? { unresolved: e.unresolved } : {}),
      }));
    assert.deepEqual(actual, expectedFor('python', name, actual));
  });
}

/** computed imports under a constant package path, on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('prefixed-imports');
test('prefixed-imports: has a basic fixture', () => assert.ok(cases.includes('prefixed-imports-basic')));
for (const name of cases) test(`prefixed-imports: ${name}`, () => checkFrameworkFixture(name));

test('prefixOf: the constant package path a computed module name starts with', async () => {
  const { prefixOf } = await import('../../src/frameworks/python/prefixed-imports.js');
  const constants = new Map([['NS', 'beetsplug'], ['BASE', 'pkg.sub']]);
  assert.equal(prefixOf("'deluge.ui.commands.%s' % name", constants), 'deluge.ui.commands');
  assert.equal(prefixOf('"pkg.handlers." + kind', constants), 'pkg.handlers');
  assert.equal(prefixOf("BASE + '.' + name", constants), 'pkg.sub');
  assert.equal(prefixOf("f'{NS}.{name}'", constants), 'beetsplug');
  assert.equal(prefixOf('f"pkg.plugins.{name}"', constants), 'pkg.plugins');
  // Not a child of a constant package: a computed head, a suffix after the name, an unknown constant.
  assert.equal(prefixOf("f'{OTHER}.{name}'", constants), null);
  assert.equal(prefixOf("f'{name}.plugin'", constants), null);
  assert.equal(prefixOf("'%s.plugin' % name", constants), null);
  assert.equal(prefixOf('name', constants), null);
});

test('relativeLevel: the leading dots of a relative computed module name', async () => {
  const { relativeLevel } = await import('../../src/frameworks/python/prefixed-imports.js');
  assert.equal(relativeLevel("'.' + action"), 1);
  assert.equal(relativeLevel("f'.{name}'"), 1);
  assert.equal(relativeLevel("'..%s' % name"), 2);
  assert.equal(relativeLevel("'pkg.' + name"), 0);
  assert.equal(relativeLevel("'.' + name + '_x'"), 1);
  assert.equal(relativeLevel('name'), 0);
});

test('childTemplateOf: a literal tail after the computed part narrows the children to *tail', async () => {
  const { childTemplateOf } = await import('../../src/frameworks/python/prefixed-imports.js');
  const constants = new Map([['NS', 'beetsplug']]);
  assert.deepEqual(childTemplateOf('"xpra.client.auth.%s_handler" % mod_name', constants), { prefix: 'xpra.client.auth', tail: '_handler' });
  assert.deepEqual(childTemplateOf("'pkg.sub.{}_check'.format(kind)", constants), { prefix: 'pkg.sub', tail: '_check' });
  assert.deepEqual(childTemplateOf("'pkg.sub.' + kind + '_check'", constants), { prefix: 'pkg.sub', tail: '_check' });
  assert.deepEqual(childTemplateOf("f'{NS}.{name}_plugin'", constants), { prefix: 'beetsplug', tail: '_plugin' });
  assert.deepEqual(childTemplateOf("'pkg.sub.%s' % name", constants), { prefix: 'pkg.sub', tail: '' });
  // A literal before the computed part in the last segment: the computed part may start with a dot.
  assert.equal(childTemplateOf("'pkg.sub%s' % name", constants), null);
  // A tail with a dot is a submodule of the child, not part of its name: not taken.
  assert.equal(childTemplateOf("'pkg.%s.handler' % name", constants), null);
});

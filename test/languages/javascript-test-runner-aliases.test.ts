/**
 * A test runner's alias (a Jest moduleNameMapper, a Vitest `test.alias`) applies only while the
 * runner runs the importer (fixture test/fixtures/javascript/test-runner-aliases): a production
 * import of a declared package goes to the package, and the runner's mock is reached as a test
 * swap, from the test tier on. An alias census sees no production counterpart for keeps its edge.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const scanned = scanDir(fixturePath('javascript', 'test-runner-aliases'));

test('test-runner aliases: a mock a Jest moduleNameMapper or Vitest test.alias maps a declared package to is never production through a production importer', async () => {
  const { audit } = await scanned;
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('src/main.js'), 'production');
  assert.equal(verdict('__mocks__/chat-sdk.js'), 'test', 'src/main.js imports the chat-sdk package outside Jest');
  assert.equal(verdict('vt/mocks/pay.js'), 'test', 'vt/src/index.js imports the pay-sdk package outside Vitest');
  const edges = audit.edges.filter((e) => e.from === 'src/main.js' && e.specifier === 'chat-sdk');
  assert.deepEqual(edges.map((e) => [e.to, e.unresolved ?? null, e.package ?? null, e.via ?? null]), [[null, 'external', 'chat-sdk', null], ['__mocks__/chat-sdk.js', null, null, 'test-swap']]);
  assert.equal(edges[1].label, '__mocks__/chat-sdk.js is imported by src/main.js:1 while tests run, "chat-sdk" mapped by the Jest moduleNameMapper "^chat-sdk$" (jest.config.js:3) (a test swaps it in: production imports the package)');
  const vt = audit.edges.find((e) => e.from === 'vt/src/index.js' && e.to === 'vt/mocks/pay.js');
  assert.equal(vt?.via, 'test-swap');
});

test('test-runner aliases: a name production finds as another repo file (a workspace package) goes there, the runner\'s target going along as a test swap', async () => {
  const { audit } = await scanned;
  const edges = audit.edges.filter((e) => e.from === 'src/main.js' && e.specifier === 'shared-lib').map((e) => [e.to, e.via]).sort();
  assert.deepEqual(edges, [['mocks/shared-lib.js', 'test-swap'], ['packages/shared-lib/index.js', 'workspace']]);
  assert.match(audit.edges.find((e) => e.to === 'mocks/shared-lib.js' && e.from === 'src/main.js')?.label ?? '', /\(a test swaps it in: production imports packages\/shared-lib\/index\.js\)$/);
  assert.equal(audit.files.find((f) => f.path === 'mocks/shared-lib.js')?.verdict, 'test');
});

test('test-runner aliases: a dead importer gives the runner\'s mock nothing', async () => {
  const { audit } = await scanned;
  assert.equal(audit.files.find((f) => f.path === 'src/legacy.js')?.verdict, 'dead');
  const swap = audit.edges.find((e) => e.from === 'src/legacy.js' && e.to === '__mocks__/chat-sdk.js');
  assert.equal(swap?.via, 'test-swap', 'the edge is there, held until the test tier');
});

test('test-runner aliases: a runner alias with no production counterpart census can name keeps its production edge', async () => {
  const { audit } = await scanned;
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  // `@/util`: only the runner and some build step census does not read map it; the file is what production loads.
  assert.equal(verdict('src/util.js'), 'production');
  // `undeclared-sdk`: no package.json declares it, so production finds no install; the stub stays what the import names.
  assert.equal(verdict('stubs/undeclared.js'), 'production');
  const util = audit.edges.find((e) => e.from === 'src/main.js' && e.specifier === '@/util');
  assert.equal(util?.via, 'alias');
});

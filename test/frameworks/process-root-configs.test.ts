/**
 * The process-root-configs reader: a config a library requires by a fixed name from the process root
 * (Ghost's loggingrc.js, loaded by @tryghost/logging) takes the verdict of the files that require
 * the library; the same name where the library is not declared, or not required, stays dead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanDir } from '../helpers/scan-fixture.js';
import { writeScanTree, type TreeFile } from '../helpers/scan-tree.js';

const verdicts = async (files: TreeFile[]) => {
  const { dir } = writeScanTree('census-root-configs-', files);
  const { audit } = await scanDir(dir);
  return new Map(audit.files.map((f) => [f.path, f]));
};

const LOGGINGRC = "module.exports = { level: 'info' };\n";
const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'app', main: 'index.js', dependencies: deps });

test('process-root-configs: loggingrc.js beside a package that declares and requires @tryghost/logging is production, naming the requiring line', async () => {
  const files = await verdicts([
    ['package.json', 'json', pkg({ '@tryghost/logging': '2.0.0' })],
    ['index.js', 'javascript', "require('./server/boot');\n"],
    ['server/boot.js', 'javascript', "const x = 1;\nconst logging = require('@tryghost/logging');\nlogging.info(x);\n"],
    ['loggingrc.js', 'javascript', LOGGINGRC],
  ]);
  const rc = files.get('loggingrc.js');
  assert.equal(rc?.verdict, 'production');
  assert.match(rc?.evidence?.join('\n') ?? '', /server\/boot\.js:2 requires @tryghost\/logging/);
});

test('process-root-configs: newrelic.js where index.js requires newrelic is production', async () => {
  const files = await verdicts([
    ['package.json', 'json', pkg({ newrelic: '12.0.0' })],
    ['index.js', 'javascript', "require('newrelic');\n"],
    ['newrelic.js', 'javascript', "exports.config = { app_name: ['x'] };\n"],
  ]);
  assert.equal(files.get('newrelic.js')?.verdict, 'production');
});

test('process-root-configs: the name alone, or the library declared but never required, keeps the file dead', async () => {
  const undeclared = await verdicts([
    ['package.json', 'json', pkg({})],
    ['index.js', 'javascript', "require('@tryghost/logging');\n"],
    ['loggingrc.js', 'javascript', LOGGINGRC],
  ]);
  assert.equal(undeclared.get('loggingrc.js')?.verdict, 'dead');
  const unrequired = await verdicts([
    ['package.json', 'json', pkg({ '@tryghost/logging': '2.0.0' })],
    ['index.js', 'javascript', "console.log('hi');\n"],
    ['loggingrc.js', 'javascript', LOGGINGRC],
  ]);
  assert.equal(unrequired.get('loggingrc.js')?.verdict, 'dead');
  // another package's config: the library is declared at the root, the file sits in a folder without a package.json of its own
  const elsewhere = await verdicts([
    ['package.json', 'json', pkg({ '@tryghost/logging': '2.0.0' })],
    ['index.js', 'javascript', "require('@tryghost/logging');\n"],
    ['lib/loggingrc.js', 'javascript', LOGGINGRC],
  ]);
  assert.equal(elsewhere.get('lib/loggingrc.js')?.verdict, 'dead');
});

// Review (s65-rv1): what each library really loads (its source read): Elastic APM requires
// `elastic-apm-node.js` alone, New Relic also tries newrelic.cjs and newrelic.mjs and the evidence names
// the file found, and @tryghost/logging's own modules (`@tryghost/logging/lib/GhostLogger`) load no config.
test('process-root-configs: elastic-apm-node.cjs is no config of the agent; elastic-apm-node.js is', async () => {
  const cjs = await verdicts([
    ['package.json', 'json', pkg({ 'elastic-apm-node': '4.0.0' })],
    ['index.js', 'javascript', "require('elastic-apm-node/start');\n"],
    ['elastic-apm-node.cjs', 'javascript', 'module.exports = { serviceName: "x" };\n'],
  ]);
  assert.equal(cjs.get('elastic-apm-node.cjs')?.verdict, 'dead');
  const js = await verdicts([
    ['package.json', 'json', pkg({ 'elastic-apm-node': '4.0.0' })],
    ['index.js', 'javascript', "require('elastic-apm-node/start');\n"],
    ['elastic-apm-node.js', 'javascript', 'module.exports = { serviceName: "x" };\n'],
  ]);
  assert.equal(js.get('elastic-apm-node.js')?.verdict, 'production');
});

test('process-root-configs: newrelic.cjs and newrelic.mjs are found, and the evidence names the file found', async () => {
  for (const name of ['newrelic.cjs', 'newrelic.mjs']) {
    const files = await verdicts([
      ['package.json', 'json', pkg({ newrelic: '12.0.0' })],
      ['index.js', 'javascript', "require('newrelic');\n"],
      [name, 'javascript', "exports.config = { app_name: ['x'] };\n"],
    ]);
    assert.equal(files.get(name)?.verdict, 'production', name);
    const evidence = files.get(name)?.evidence?.join('\n') ?? '';
    assert.match(evidence, new RegExp(`looks for ${name.replace('.', '\\.')}`), name);
    assert.doesNotMatch(evidence, /newrelic\.js/, name);
  }
});

test('process-root-configs: a module of @tryghost/logging required by its own path loads no loggingrc.js', async () => {
  const files = await verdicts([
    ['package.json', 'json', pkg({ '@tryghost/logging': '2.0.0' })],
    ['index.js', 'javascript', "const GhostLogger = require('@tryghost/logging/lib/GhostLogger');\nmodule.exports = new GhostLogger({});\n"],
    ['loggingrc.js', 'javascript', LOGGINGRC],
  ]);
  assert.equal(files.get('loggingrc.js')?.verdict, 'dead');
});

// Review (s65-rv1): the agents' documented start preloads them (`node -r newrelic server.js`), and no
// repo file requires them; a `-r newrelic` after the program is the program's own argument.
test('process-root-configs: an agent preloaded by a node command line in the package loads its config', async () => {
  const files = await verdicts([
    ['package.json', 'json', JSON.stringify({ name: 'app', private: true, scripts: { start: 'node -r newrelic server.js' }, dependencies: { newrelic: '12.0.0' } })],
    ['server.js', 'javascript', "require('http').createServer().listen(3000);\n"],
    ['newrelic.js', 'javascript', "exports.config = { app_name: ['x'] };\n"],
  ]);
  assert.equal(files.get('newrelic.js')?.verdict, 'production');
  assert.match(files.get('newrelic.js')?.evidence?.join('\n') ?? '', /node's preload of newrelic, .* on package\.json script "start"/);
  const apm = await verdicts([
    ['package.json', 'json', JSON.stringify({ name: 'app', private: true, scripts: { start: 'node --require=elastic-apm-node/start server.js' }, dependencies: { 'elastic-apm-node': '4.0.0' } })],
    ['server.js', 'javascript', "require('http').createServer().listen(3000);\n"],
    ['elastic-apm-node.js', 'javascript', 'module.exports = {};\n'],
  ]);
  assert.equal(apm.get('elastic-apm-node.js')?.verdict, 'production');
  const after = await verdicts([
    ['package.json', 'json', JSON.stringify({ name: 'app', private: true, scripts: { start: 'node server.js -r newrelic' }, dependencies: { newrelic: '12.0.0' } })],
    ['server.js', 'javascript', "require('http').createServer().listen(3000);\n"],
    ['newrelic.js', 'javascript', "exports.config = { app_name: ['x'] };\n"],
  ]);
  assert.equal(after.get('newrelic.js')?.verdict, 'dead');
});

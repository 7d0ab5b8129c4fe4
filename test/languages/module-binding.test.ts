/** module-binding: which relative module a name is bound to (nconf-config, knex-migrator, imported-path-helpers, folder-expr). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moduleBinding, requiredModule } from '../../src/languages/javascript/module-binding.js';

test('moduleBinding: require, interop, default, namespace and named imports', () => {
  assert.deepEqual(moduleBinding("const config = require('../shared/config');", 'config'), { spec: '../shared/config', member: null });
  assert.deepEqual(moduleBinding('const config_1 = __importDefault(require("./config"));', 'config_1'), { spec: './config', member: null });
  assert.deepEqual(moduleBinding("import Utils from './utils.js';", 'Utils'), { spec: './utils.js', member: null });
  assert.deepEqual(moduleBinding("import * as paths from '../paths';", 'paths'), { spec: '../paths', member: null });
  assert.deepEqual(moduleBinding("import { resolveRoot as fromRoot } from './paths';", 'fromRoot'), { spec: './paths', member: 'resolveRoot' });
  assert.deepEqual(moduleBinding("import { a, fromHere } from './paths';", 'fromHere'), { spec: './paths', member: 'fromHere' });
});

test('moduleBinding: a default import beside named ones, and destructured require (folder-expr read these before it shared this)', () => {
  assert.deepEqual(moduleBinding("import paths, { fromHere } from './paths.js';", 'fromHere'), { spec: './paths.js', member: 'fromHere' });
  assert.deepEqual(moduleBinding("import paths, { fromHere } from './paths.js';", 'paths'), { spec: './paths.js', member: null });
  assert.deepEqual(moduleBinding("const { fromHere } = require('./paths');", 'fromHere'), { spec: './paths', member: 'fromHere' });
  assert.deepEqual(moduleBinding("const { root, here: fromHere = x } = require('./paths');", 'fromHere'), { spec: './paths', member: 'here' });
  assert.equal(requiredModule("const { fromHere } = require('./paths');", 'fromHere'), null);
});

test('moduleBinding: packages, type-only imports and other names are no binding', () => {
  assert.equal(moduleBinding("const config = require('nconf');", 'config'), null);
  assert.equal(moduleBinding("import { fromHere } from 'paths-pkg';", 'fromHere'), null);
  assert.equal(moduleBinding("import type { Helper } from './types';", 'Helper'), null);
  assert.equal(moduleBinding("import { fromHereToo } from './paths';", 'fromHere'), null);
  assert.equal(moduleBinding("const { a: fromHere2 } = require('./paths');", 'fromHere'), null);
});

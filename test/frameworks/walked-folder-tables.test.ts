/**
 * The walked-folder-tables reader on fixture repos: every source file's verdict and evidence chain.
 * `-basic` is nightwatch's shape (a table of folders, a recursive walker, a loader requiring
 * path.join(dirPath, fileName)); a table key the join does not read (`templatePath`) stays dead.
 * `-copied` walks the table's folder but copies each file: nothing is required, so it stays dead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('walked-folder-tables');
test('walked-folder-tables: has a basic fixture', () => assert.ok(cases.includes('walked-folder-tables-basic')));
test('walked-folder-tables: has a copied (negative) fixture', () => assert.ok(cases.includes('walked-folder-tables-copied')));
for (const name of cases) test(`walked-folder-tables: ${name}`, () => checkFrameworkFixture(name));

// How long this takes is the bench's business, not a test's (no wall-clock budgets in tests): a
// table read once per entry took 12 s here, once per table 20 ms.
test('walked-folder-tables: a table of 20,000 entries still loads its folder', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-walked-'));
  try {
    mkdirSync(join(dir, 'lib/api/protocol'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"h","main":"lib/api/index.js"}');
    writeFileSync(join(dir, 'lib/api/protocol/a.js'), 'module.exports = 1;\n');
    const entries = Array.from({ length: 20_000 }, (_, i) => `  k${i}: { dirPath: 'protocol' },`).join('\n');
    writeFileSync(
      join(dir, 'lib/api/index.js'),
      `const path = require('path');\nconst Utils = require('../utils');\nconst T = {\n${entries}\n  bare: 'protocol'\n};\nfunction load({dirPath}) {\n  Utils.walk(dirPath, (dirPath, fileName) => Utils.loadModule(dirPath, fileName));\n}\nlet dirPath = path.join(__dirname, c.dirPath);\ndirPath = path.join(__dirname, c);\n`,
    );
    writeFileSync(
      join(dir, 'lib/utils.js'),
      "const fs = require('fs');\nconst path = require('path');\nexports.walk = function walk(dir, cb) { fs.readdirSync(dir).forEach((n) => { walk(n, cb); cb(dir, n); }); };\nexports.loadModule = function loadModule(dirPath, fileName) { const full = path.join(dirPath, fileName); return require(full); };\n",
    );
    const { audit } = await scanDir(dir);
    assert.equal(audit.files.find((f) => f.path === 'lib/api/protocol/a.js')?.verdict, 'production');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A function named for a check, not a load (`isRequired(path.join(d, f))`), is no name loader: the walked folder stays dead.
test('walked-folder-tables: a check named ...Required... is no loader', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-walked-'));
  try {
    mkdirSync(join(dir, 'lib/api/protocol'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"h","main":"lib/api/index.js"}');
    writeFileSync(join(dir, 'lib/api/protocol/a.js'), 'module.exports = 1;\n');
    writeFileSync(
      join(dir, 'lib/api/index.js'),
      "const path = require('path');\nconst Utils = require('../utils');\nconst T = {\n  k: { dirPath: 'protocol' }\n};\nfunction load({dirPath}) {\n  Utils.walk(dirPath, (dirPath, fileName) => Utils.checkFile(dirPath, fileName));\n}\nlet dirPath = path.join(__dirname, c.dirPath);\n",
    );
    writeFileSync(
      join(dir, 'lib/utils.js'),
      "const fs = require('fs');\nconst path = require('path');\nconst isRequired = (p) => fs.existsSync(p);\nconst plugin = (name) => require(name);\nexports.walk = function walk(dir, cb) { fs.readdirSync(dir).forEach((n) => { walk(n, cb); cb(dir, n); }); };\nexports.checkFile = function checkFile(dirPath, fileName) { const full = path.join(dirPath, fileName); return isRequired(full); };\n",
    );
    const { audit } = await scanDir(dir);
    assert.equal(audit.files.find((f) => f.path === 'lib/api/protocol/a.js')?.verdict, 'dead');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

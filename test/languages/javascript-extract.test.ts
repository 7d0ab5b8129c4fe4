/** JS/TS extraction on small inline inputs: one behaviour per test. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFacts, ImportFact } from '../../src/model/facts.js';
import { javascriptExtractor, typescriptExtractor } from '../../src/languages/javascript/extract.js';
import { checkNesting } from '../../src/languages/javascript/nesting.js';
import { extractJavaScript, scanLanguage } from '../../src/languages/javascript/extract.js';
import { buildLineTable } from '../../src/languages/javascript/line-table.js';
import { scanModule } from '../../src/languages/javascript/module-scan/index.js';
import { WARM_UP_FILES } from '../../src/languages/javascript/warm-up.js';
import { defaultParsePath } from '../../src/languages/javascript/parse.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const js = (text: string, path = 'src/example_module.js'): FileFacts => javascriptExtractor.extract(path, text);
const ts = (text: string, path = 'src/example_module.ts'): FileFacts => typescriptExtractor.extract(path, text);
const brief = (facts: FileFacts): Array<Pick<ImportFact, 'specifier' | 'syntax' | 'line' | 'guard'>> =>
  facts.imports.map(({ specifier, syntax, line, guard }) => ({ specifier, syntax, line, guard }));

test('the extractors declare their language and version', () => {
  assert.equal(javascriptExtractor.language, 'javascript');
  assert.equal(typescriptExtractor.language, 'typescript');
  assert.ok(javascriptExtractor.version >= 1 && typescriptExtractor.version === javascriptExtractor.version);
});

test('guards: try block, function body, class field; the catch handler and static blocks are not guarded', () => {
  const facts = js(
    [
      "const a = require('./top_level');",
      "try { require('./optional_dep'); } catch (e) { require('./fallback_dep'); }",
      "function later() { return require('./lazy_dep'); }",
      "const arrow = () => import('./lazy_chunk.js');",
      "class Service { client = require('./per_instance'); static { require('./class_init'); } }",
      "function outer() { try { require('./try_in_function'); } catch {} }",
    ].join('\n'),
  );
  assert.deepEqual(brief(facts), [
    { specifier: './top_level', syntax: 'require', line: 1, guard: null },
    { specifier: './optional_dep', syntax: 'require', line: 2, guard: 'try' },
    { specifier: './fallback_dep', syntax: 'require', line: 2, guard: null },
    { specifier: './lazy_dep', syntax: 'require', line: 3, guard: 'function' },
    { specifier: './lazy_chunk.js', syntax: 'dynamic', line: 4, guard: 'function' },
    { specifier: './per_instance', syntax: 'require', line: 5, guard: 'function' },
    { specifier: './class_init', syntax: 'require', line: 5, guard: null },
    { specifier: './try_in_function', syntax: 'require', line: 6, guard: 'try' },
  ]);
});

test('lines count from 1, through CRLF endings and characters outside the BMP', () => {
  const facts = ts("// 😀 émoji line\r\nconst s = '😀😀😀';\r\n\r\nimport { a } from './after_emoji';\r\nexport { b } from './reexported';\r\n");
  assert.deepEqual(
    facts.imports.map((i) => [i.specifier, i.line]),
    [
      ['./after_emoji', 4],
      ['./reexported', 5],
    ],
  );
});

test('a multi-line import is reported on the line of its `import` keyword', () => {
  const facts = ts("\n\nimport {\n  alpha,\n  beta as gamma,\n} from './spread_out';\n");
  assert.equal(facts.imports[0].line, 3);
  assert.deepEqual(facts.imports[0].names, [{ name: 'alpha' }, { name: 'beta', alias: 'gamma' }]);
});

test('import names: default, namespace, named with alias; require destructuring', () => {
  const facts = ts("import Main, * as ns from './a';\nimport { x as y, z } from './b';\nconst { p, q: r } = require('./c');\nconst whole = require('./d');\n");
  assert.deepEqual(
    facts.imports.map((i) => i.names),
    [
      [{ name: 'default', alias: 'Main' }, { name: '*', alias: 'ns' }],
      [{ name: 'x', alias: 'y' }, { name: 'z' }],
      [{ name: 'p' }, { name: 'q', alias: 'r' }],
      [{ name: '*', alias: 'whole' }],
    ],
  );
});

test('type-only: `import type`, all-`type` entries and `export type … from`; a mixed import is not', () => {
  const facts = ts(
    "import type { A } from './a';\nimport { type B } from './b';\nimport { type C, d } from './c';\nexport type { E } from './e';\nimport type from './default_named_type';\n",
  );
  assert.deepEqual(
    facts.imports.map((i) => [i.specifier, i.typeOnly === true]),
    [
      ['./a', true],
      ['./b', true],
      ['./c', false],
      ['./e', true],
      ['./default_named_type', false],
    ],
  );
});

test('dynamic import: literal and substitution-free template kept; computed specifiers left out', () => {
  const facts = js("import('./plain.js');\nimport(`./template.js`);\nimport(`./${name}.js`);\nimport(name);\nimport('./with\\u002descape.js');\n");
  assert.deepEqual(
    facts.imports.map((i) => i.specifier),
    ['./plain.js', './template.js', './with-escape.js'],
  );
});

test('dynamic import: one import() in a parenthesised destructuring assignment is one import, though oxc records it twice', () => {
  // The require and the join send the file to oxc and the AST walk (the module scan would read it itself).
  const text = "const path = require('path');\nlet a;\n(async () => { ({ a } = await import('./chunk_module.js')); })();\nmodule.exports = path.join(__dirname, 'x');\n";
  assert.deepEqual(
    brief(js(text)).filter((i) => i.syntax === 'dynamic'),
    [{ specifier: './chunk_module.js', syntax: 'dynamic', line: 3, guard: null }],
  );
});

test('require.resolve and import.meta.resolve are recorded as imports of what they name', () => {
  const facts = js("const p = require.resolve('./worker_entry.js');\nconst q = import.meta.resolve('./esm_entry.js');\n");
  assert.deepEqual(
    facts.imports.map((i) => [i.specifier, i.syntax]),
    [
      ['./worker_entry.js', 'require'],
      ['./esm_entry.js', 'dynamic'],
    ],
  );
});

test('runnable: shebang', () => {
  assert.deepEqual(js('#!/usr/bin/env node\nconsole.log(1);\n').runnable, ['shebang']);
});

test('runnable: require.main === module, either way round', () => {
  assert.deepEqual(js('if (require.main === module) main();\n').runnable, ['main-guard']);
  assert.deepEqual(js('if (module == require.main) main();\n').runnable, ['main-guard']);
});

test('runnable: import.meta.main and the import.meta.url / process.argv[1] comparison', () => {
  assert.deepEqual(ts('if (import.meta.main) run();\n').runnable, ['main-guard']);
  assert.deepEqual(
    ts("import { pathToFileURL } from 'node:url';\nif (import.meta.url === pathToFileURL(process.argv[1]).href) run();\n").runnable,
    ['main-guard'],
  );
  assert.deepEqual(ts("if (process.argv[1] === fileURLToPath(import.meta.url)) run();\n").runnable, ['main-guard']);
});

test('runnable: CLI frameworks and top-level process.argv; process.argv inside a function is not', () => {
  assert.deepEqual(ts("import { Command } from 'commander';\n").runnable, ['cli-framework']);
  assert.deepEqual(js("const yargs = require('yargs');\n").runnable, ['cli-framework']);
  assert.deepEqual(ts("import { parseArgs } from 'node:util';\n").runnable, ['cli-framework']);
  assert.deepEqual(js('const args = process.argv.slice(2);\n').runnable, ['cli-framework']);
  assert.deepEqual(js('export function parse() { return process.argv.slice(2); }\n').runnable, []);
  assert.deepEqual(ts("import type { Command } from 'commander';\n").runnable, []);
});

test('runnable: a declaration file runs nothing, whatever it imports (lerna dist/libs/core/src/lib/cli.d.ts)', () => {
  const declared = 'import yargs from "yargs";\nexport declare function lernaCLI(argv?: string[]): yargs.Argv;\n';
  assert.deepEqual(ts(declared, 'dist/lib/cli.d.ts').runnable, []);
  assert.deepEqual(ts(`#!/usr/bin/env node\n${declared}`, 'dist/lib/cli.d.mts').runnable, []);
  // The same text in a TypeScript module is still a CLI.
  assert.deepEqual(ts(declared, 'dist/lib/cli.ts').runnable, ['cli-framework']);
});

test('runnable and guards: an immediately called function runs when the file loads', () => {
  // A script whose body is one async IIFE (Etherpad's bin/importSqlFile.js, uptime-kuma's extra/ scripts).
  // It reads process.argv, so it is a Node program that works when loaded too (top-level-code).
  assert.deepEqual(js('(async () => {\n  const file = process.argv[2];\n  await load(file);\n})();\n').runnable, ['cli-framework', 'top-level-code']);
  assert.deepEqual(js('(function () { run(process.argv.slice(2)); }).call(this);\n').runnable, ['cli-framework', 'top-level-code']);
  // hasTopLevelWork sees calls through `void` only, not `!`.
  assert.deepEqual(js('!function () { run(process.argv[2]); }();\n').runnable, ['cli-framework']);
  // Called later, not where it is written: still not CLI use (a module, or only a Node program that works when loaded).
  assert.deepEqual(js('const main = async () => process.argv[2];\nexport default main;\n').runnable, []);
  assert.deepEqual(js('setTimeout(() => process.argv[2]);\n').runnable, ['top-level-code']);
  assert.deepEqual(brief(js("(function () {\n  const db = require('./db');\n  function later() { return require('./lazy'); }\n})();\n")), [
    { specifier: './db', syntax: 'require', line: 2, guard: null },
    { specifier: './lazy', syntax: 'require', line: 3, guard: 'function' },
  ]);
});

test('runnable: top-level-code on a Node script that exports nothing and works when loaded', () => {
  const marked = (facts: FileFacts) => facts.runnable.includes('top-level-code');
  // Etherpad's bin/createUserSession.js: requires, then an async IIFE.
  assert.ok(marked(js("const fs = require('fs');\n(async () => { fs.readFileSync('k'); })();\n", 'bin/create-session.js')));
  assert.ok(marked(js("const path = require('path');\nmain().catch(console.error);\nasync function main() {}\n", 'src/tool.js')));
  assert.ok(marked(ts("import { readFile } from 'node:fs/promises';\nconst t = await readFile('x');\nconsole.log(t);\n", 'src/count.ts')));
  assert.ok(marked(ts("import { readFile } from 'node:fs/promises';\nvoid run();\n", 'src/count.ts')));
  // Only a repo module or a package loaded: enough in a script folder, not elsewhere.
  assert.ok(marked(js("const agent = require('superagent');\nagent.get('/x').then(console.log);\n", 'bin/plugins/stale.js')));
  assert.ok(!marked(js("const agent = require('superagent');\nagent.get('/x').then(console.log);\n", 'src/stale.js')));
  // Modules: exports of any kind, module.exports read or handed to a wrapper.
  assert.ok(!marked(js("const path = require('path');\nsetup();\nmodule.exports = setup;\n", 'bin/a.js')));
  assert.ok(!marked(js("const path = require('path');\nconst Api = module.exports;\nApi.x = 1;\ninit();\n", 'bin/a.js')));
  assert.ok(!marked(js("const path = require('path');\n(function (module) { module.x = 1; }(module));\n", 'bin/a.js')));
  assert.ok(!marked(js("const path = require('path');\n(function (E) { E.x = 1; }(exports));\n", 'bin/a.js')));
  assert.ok(!marked(ts("import fs from 'node:fs';\nrun();\nexport const x = 1;\n", 'bin/a.ts')));
  // Tests, configs, browser scripts, and a file that only declares or only requires.
  assert.ok(!marked(js("const assert = require('assert');\nload();\ndescribe('x', () => {});\n", 'tests/x.js')));
  assert.ok(!marked(js("const fs = require('fs');\nrun();\n", 'src/x.test.js')));
  assert.ok(!marked(js("document.querySelector('nav').addEventListener('click', () => {});\n", 'scripts/menu.js')));
  assert.ok(!marked(js("const fs = require('fs');\nrun();\n", 'public/js/menu.js')));
  assert.ok(!marked(js("const fs = require('fs');\nfunction run() {}\n", 'bin/a.js')));
  assert.ok(!marked(js("require('fs');\nrequire('./setup');\n", 'bin/a.js')));
});

test('runnable: top-level-code on a script that uses what only Node\'s process has, whatever it loads and wherever it sits', () => {
  const marked = (facts: FileFacts) => facts.runnable.includes('top-level-code');
  // payload's packages/tanstack-start/test/smoke-plugin.mjs: a package loaded, checks at the top, process.exit(1).
  assert.ok(marked(js("import { withPayload } from '../dist/vite.js';\nconst c = withPayload();\ncheck(c);\nif (bad) process.exit(1);\n", 'test/smoke.mjs')));
  assert.ok(marked(js("run(process.cwd());\n", 'src/run.js')));
  assert.ok(marked(ts("main().catch(() => { process.exitCode = 1; });\nasync function main() {}\n", 'src/main.ts')));
  assert.ok(marked(js("go();\nfunction go() { process.stdout.write('x'); }\n", 'lib/go.js')));
  // Bundlers define process.env.X for the browser: no evidence. Nor is the word in a comment or string, or a computed key.
  assert.ok(!marked(js("import { render } from 'ui';\nif (process.env.NODE_ENV !== 'production') warn();\nrender(app);\n", 'src/boot.js')));
  assert.ok(!marked(js("// never process.exit() here\nrender('process.exit(1)');\n", 'src/boot.js')));
  assert.ok(!marked(js("render(process['exit']);\n", 'src/boot.js')));
  // Still never a test, config or browser-folder file, and never a module.
  assert.ok(!marked(js("run();\nprocess.exit(0);\n", 'src/x.spec.js')));
  assert.ok(!marked(js("run();\nprocess.exit(0);\n", 'vite.config.js')));
  assert.ok(!marked(js("run();\nprocess.exit(0);\n", 'public/a.js')));
  assert.ok(!marked(ts("run();\nprocess.exit(0);\nexport const x = 1;\n", 'src/a.ts')));
});

test('summary: first line of the leading JSDoc, after a shebang and licence header', () => {
  assert.equal(js('#!/usr/bin/env node\n/**\n * Rebuilds the search index.\n * Second line.\n */\nrun();\n').summary, 'Rebuilds the search index.');
  assert.equal(js('// Copyright 2024 Example Corp.\n// All rights reserved.\n\n// Syncs invoices nightly.\nrun();\n').summary, 'Syncs invoices nightly.');
  assert.equal(ts("/* eslint-disable */\n/** @fileoverview Builds the admin menu. */\nexport {};\n").summary, 'Builds the admin menu.');
  assert.equal(js("'use strict';\n// Reads the queue.\nrun();\n").summary, 'Reads the queue.');
});

test('summary: a comment after the first statement is not a summary', () => {
  assert.equal(js("import x from './x';\n// not the summary\n").summary, undefined);
  assert.equal(js('/** @param a the thing */\nfunction f(a) {}\n').summary, undefined);
});

test('exported names: ESM exports and CommonJS assignments; export * marks the module open', () => {
  const esm = ts("export const a = 1;\nexport function b() {}\nexport default class {}\nexport { c as d } from './c';\nexport * from './all';\n");
  assert.deepEqual(esm.exportedNames, ['a', 'b', 'd', 'default']);
  assert.deepEqual(esm.definitions, esm.exportedNames);
  assert.equal(esm.hasStarImport, true);
  const cjs = js("module.exports = { alpha, beta: 2 };\nexports.gamma = 3;\nmodule.exports.delta = 4;\nObject.defineProperty(exports, 'epsilon', { value: 5 });\nObject.defineProperty(exports, '__esModule', { value: true });\n");
  assert.deepEqual(cjs.exportedNames, ['alpha', 'beta', 'delta', 'epsilon', 'gamma']);
  assert.equal(cjs.hasStarImport, undefined);
});

test('complexity: 1 + if, loops, case (not default), catch, ?:, && and || (not ??)', () => {
  const facts = js(
    'if (a) {} else if (b) {}\nfor (;;) {}\nfor (k in o) {}\nfor (v of l) {}\nwhile (x) {}\ndo {} while (y);\nswitch (s) { case 1: break; case 2: break; default: }\ntry {} catch {}\nc ? d : e;\nf && g || h;\ni ?? j;\n',
  );
  assert.equal(facts.complexity, 1 + 2 + 3 + 2 + 2 + 1 + 1 + 2);
});

test('TypeScript: `import x = require()` and its type-only form; type positions are not walked', () => {
  const facts = ts("import fs = require('fs');\nimport type T = require('./types');\ntype Lazy = typeof import('./only_in_a_type');\nlet v: Parameters<typeof require>;\n");
  assert.deepEqual(
    facts.imports.map((i) => [i.specifier, i.syntax, i.typeOnly === true]),
    [
      ['fs', 'import-equals', false],
      ['./types', 'import-equals', true],
    ],
  );
});

test('.js files may hold JSX; .ts files may hold `<T>` casts', () => {
  assert.deepEqual(js("import React from 'react';\nexport const App = () => <div>hi</div>;\n").diagnostics, []);
  assert.deepEqual(ts('const n = <number>value;\n').diagnostics, []);
  assert.deepEqual(typescriptExtractor.extract('src/view.tsx', 'export const V = () => <span />;\n').diagnostics, []);
});

test('CommonJS-only syntax parses in .cjs and scripts: top-level return, with, legacy octal', () => {
  assert.deepEqual(javascriptExtractor.extract('tools/legacy_script.cjs', "if (done) return;\nrequire('./next');\n").diagnostics, []);
  assert.deepEqual(js("with (obj) { run(); }\nvar mode = 0755;\nrequire('./x');\n").imports.map((i) => i.specifier), ['./x']);
  const script = js("const which = require('./which_impl');\nif (!process.argv[2]) return usage();\n");
  assert.deepEqual([script.diagnostics, script.imports.map((i) => i.specifier)], [[], ['./which_impl']]);
});

test('a syntax error the parser recovers from is a warning with its line; the AST facts stay', () => {
  const facts = js("import a from './first';\nconst missingInitialiser;\nrequire('./after_error');\n");
  assert.deepEqual(facts.imports.map((i) => [i.specifier, i.syntax]), [
    ['./first', 'import'],
    ['./after_error', 'require'],
  ]);
  assert.equal(facts.diagnostics.length, 1);
  assert.equal(facts.diagnostics[0].id, 'javascript/syntax-error');
  assert.deepEqual(facts.diagnostics[0].location, { file: 'src/example_module.js', line: 2 });
  assert.doesNotMatch(facts.diagnostics[0].message, /text scan/);
});

test('a file the parser gives up on still yields its imports, from a text scan that says so', () => {
  const facts = ts("import { a } from './kept_import';\nexport * from './kept_reexport';\nconst b = require('./kept_require');\nfunction broken( {\n");
  assert.deepEqual(
    facts.imports.map((i) => [i.specifier, i.syntax, i.line]),
    [
      ['./kept_import', 'import', 1],
      ['./kept_reexport', 'export-from', 2],
      ['./kept_require', 'require', 3],
    ],
  );
  assert.equal(facts.diagnostics[0].id, 'javascript/syntax-error');
  assert.match(facts.diagnostics[0].message, /text scan/);
});

test('the text scan also takes an import that follows a template tag (an EJS scaffold that does not parse)', () => {
  const facts = js("<% if (!useDefault) { %>import Layout from './Layout.vue'\nimport './style.css'\n<% } else { %>import Base from 'base-theme'<% } %>\nexport default { Layout }\n");
  assert.deepEqual(
    facts.imports.map((i) => [i.specifier, i.line]),
    [
      ['./Layout.vue', 1],
      ['./style.css', 2],
      ['base-theme', 3],
    ],
  );
  assert.match(facts.diagnostics[0].message, /text scan/);
});

test('commands: array arguments joined and quoted; computed parts kept as written', () => {
  const facts = ts(
    "import { spawn, execFileSync } from 'node:child_process';\nspawn('python3', ['jobs/run report.py', '--day', day, '--flag']);\nexecFileSync('git', ['log', ...rest, '--oneline']);\n",
  );
  assert.deepEqual(
    facts.commands.map((c) => [c.command, c.line, c.via]),
    [
      ["python3 'jobs/run report.py' --day ${day} --flag", 2, 'child_process.spawn'],
      ['git log', 3, 'child_process.execFileSync'],
    ],
  );
});

test('commands: namespace, default, require and promisified forms of child_process', () => {
  const facts = js(
    [
      "const cp = require('child_process');",
      "const { exec: run } = require('node:child_process');",
      "const util = require('util');",
      "const execAsync = util.promisify(cp.exec);",
      "cp.execSync('make build');",
      "run('npm run lint');",
      "execAsync('bash deploy/release.sh');",
      "require('child_process').spawnSync('ls', ['-la']);",
    ].join('\n'),
  );
  assert.deepEqual(
    facts.commands.map((c) => [c.command, c.via]),
    [
      ['make build', 'child_process.execSync'],
      ['npm run lint', 'child_process.exec'],
      ['bash deploy/release.sh', 'child_process.exec'],
      ['ls -la', 'child_process.spawnSync'],
    ],
  );
});

test('commands: fork runs node; process.execPath is node; __dirname paths are relative to the file', () => {
  const facts = js(
    "const { fork, spawn } = require('child_process');\nconst path = require('path');\nfork('scripts/child_worker.js');\nfork(path.join(__dirname, '..', 'workers', 'resize.js'), ['--fast']);\nspawn(process.execPath, [__dirname + '/tick.js']);\n",
    'src/jobs/scheduler.js',
  );
  assert.deepEqual(
    facts.commands.map((c) => c.command),
    ['node scripts/child_worker.js', 'node ../workers/resize.js --fast', 'node ./tick.js'],
  );
});

test('commands: a computed program named for its language and handed a script beside the module first is its interpreter; any other computed program (an editor, a compiler writing -o) is no command', () => {
  const facts = js(
    [
      "const { spawn } = require('child_process');",
      "const path = require('path');",
      "spawn(pythonExecutable, ['-u', path.join(__dirname, 'invoke.py'), handler]);",
      "spawn(editor, [path.join(__dirname, 'notes.txt')]);",
      "spawn(tool, ['build', path.join(__dirname, 'gen.py')]);",
      "spawn(runner, [...flags, path.join(__dirname, 'x.py')]);",
      "spawn(editor, [path.join(__dirname, 'notes.py')]);",
      "spawn(compiler, ['-o', path.join(__dirname, 'out.js'), 'main.c']);",
      "spawn(process.argv[0], [path.join(__dirname, 'detached.js'), tmp]);",
    ].join('\n'),
    'src/runner/python.js',
  );
  assert.deepEqual(
    facts.commands.map((c) => [c.command, c.line]),
    [['${pythonExecutable} -u ./invoke.py ${handler}', 3], ['${process.argv[0]} ./detached.js ${tmp}', 9]],
  );
});

test('commands: an ES module\'s own folder under any name (`const _dirname = dirname(fileURLToPath(import.meta.url))`)', () => {
  const facts = ts(
    [
      "import { spawn } from 'node:child_process';",
      "import path, { dirname } from 'node:path';",
      "import { fileURLToPath } from 'node:url';",
      'const _filename = fileURLToPath(import.meta.url);',
      'const _dirname = dirname(_filename);',
      'const here: string = path.dirname(fileURLToPath(import.meta.url));',
      "spawn('node', ['--import', 'tsx', path.resolve(_dirname, 'init.js')]);",
      "spawn('node', [path.join(here, '..', 'tools', 'seed.js')]);",
      "spawn('node', [path.join(dirname(fileURLToPath(import.meta.url)), 'inline.js')]);",
      "spawn('node', [_filename]);",
      "spawn('node', [path.join(elsewhere, 'x.js')]);",
    ].join('\n'),
    'test/loader/startChildProcess.ts',
  );
  assert.deepEqual(
    facts.commands.map((c) => c.command),
    ['node --import tsx ./init.js', 'node ../tools/seed.js', 'node ./inline.js', 'node ./startChildProcess.ts', 'node ${path.join(elsewhere, \'x.js\')}'],
  );
});

test('desm\'s join(import.meta.url, …) names a file beside this one (serverless-offline); path\'s join of a URL, another first argument, or join without desm do not', () => {
  const facts = js(
    [
      "import { spawn } from 'node:child_process';",
      "import { Worker } from 'node:worker_threads';",
      "import { join, dirname as here } from 'desm';",
      "import d from 'desm';",
      "new Worker(join(import.meta.url, 'workerThreadHelper.js'));",
      "spawn('python3', ['-u', join(import.meta.url, 'invoke.py')]);",
      "spawn('node', [d.join(import.meta.url, '..', 'tools', 'seed.js')]);",
      "spawn('node', [join(otherUrl, 'x.js')]);",
    ].join('\n'),
    'src/lambda/runner.js',
  );
  assert.deepEqual(facts.commands.map((c) => c.command), ['python3 -u ./invoke.py', 'node ../tools/seed.js', 'node ${join(otherUrl, \'x.js\')}']);
  assert.deepEqual(facts.references.filter((r) => r.via === 'new Worker').map((r) => r.target), ['./workerThreadHelper.js']);
  // path's join treats the URL as a folder name: no file beside this one.
  const plain = js("import { join } from 'node:path';\nimport { Worker } from 'node:worker_threads';\nnew Worker(join(import.meta.url, 'w.js'));\n", 'src/a.js');
  assert.deepEqual(plain.references.filter((r) => r.via === 'new Worker').map((r) => r.target), ['./a.js/w.js']);
});

test('desm\'s join off a namespace import (`import * as desm from \'desm\'`) names the file beside this one, as off the default import', () => {
  const facts = js("import * as desm from 'desm';\nimport { Worker } from 'node:worker_threads';\nnew Worker(desm.join(import.meta.url, 'helper.js'));\nnew Worker(desm.join(process.argv[2], 'x.js'));\n", 'src/run.js');
  assert.deepEqual(facts.references.filter((r) => r.via === 'new Worker').map((r) => r.target), ['./helper.js']);
});

test('commands: a function taken off a required command module (`var fork = require(\'child_process\').fork`)', () => {
  const facts = js("var fork = require('child_process').fork;\nvar run = require('child_process')['execSync'];\nfork('./bcrypt', []);\nrun('make docs');\n", 'src/password.js');
  assert.deepEqual(
    facts.commands.map((c) => [c.command, c.line, c.via]),
    [
      ['node ./bcrypt', 3, 'child_process.fork'],
      ['make docs', 4, 'child_process.execSync'],
    ],
  );
  assert.deepEqual(js("var parse = require('url').parse;\nparse('node x.js');\n").commands, []);
});

test('commands: a cwd option is kept as a hint, __dirname as the file\'s own folder', () => {
  const facts = js("const { execSync } = require('child_process');\nexecSync('npm test', { cwd: 'packages/api' });\nexecSync('make', { cwd: __dirname });\n");
  assert.deepEqual(facts.commands, [
    { command: 'npm test', line: 2, via: 'child_process.execSync', cwd: 'packages/api' },
    { command: 'make', line: 3, via: 'child_process.execSync', cwd: '.' },
  ]);
});

test('commands: execa, execaCommand, zx and Bun shell templates, Bun.spawn, cross-spawn', () => {
  const facts = ts(
    [
      "import { execa, execaCommand } from 'execa';",
      "import crossSpawn from 'cross-spawn';",
      "await execa('vite', ['build', '--mode', mode]);",
      "await execaCommand('tsc -p tsconfig.build.json');",
      'await $`node scripts/seed_db.mjs ${target}`;',
      'await Bun.$`bun run scripts/bundle.ts`;',
      "Bun.spawn({ cmd: ['bun', 'scripts/serve.ts'], cwd: 'apps/web' });",
      "crossSpawn.sync('eslint', ['.']);",
    ].join('\n'),
  );
  assert.deepEqual(
    facts.commands.map((c) => [c.command, c.via, c.cwd]),
    [
      ['vite build --mode ${mode}', 'execa', undefined],
      ['tsc -p tsconfig.build.json', 'execaCommand', undefined],
      ['node scripts/seed_db.mjs ${target}', '$', undefined],
      ['bun run scripts/bundle.ts', 'Bun.$', undefined],
      ['bun scripts/serve.ts', 'Bun.spawn', 'apps/web'],
      ['eslint .', 'cross-spawn.sync', undefined],
    ],
  );
});

test('commands: look-alikes are not commands', () => {
  const facts = js("const re = /x/;\nre.exec('not a command');\nfunction spawn(x) {}\nspawn('not child_process');\nexec('unbound exec');\nconst cp = require('child_process');\ncp.execSync(commandFromEnv);\n");
  assert.deepEqual(facts.commands, []);
});

test('references: a Worker built from a URL or __dirname path names a file beside this one', () => {
  const facts = ts("new Worker(new URL('./thumbnail_worker.js', import.meta.url));\nnew Worker('./relative_to_cwd.js');\nnew Worker(path.join(__dirname, '../jobs/resize.js'));\n", 'src/ui/gallery.ts');
  assert.deepEqual(facts.references, [
    { target: './thumbnail_worker.js', form: 'path', line: 1, via: 'new Worker' },
    { target: '../jobs/resize.js', form: 'path', line: 3, via: 'new Worker' },
  ]);
});


test("references: a URL relative to a name of the module's folder URL names a file below that folder", () => {
  // census's own src/own-files.ts: EXTRACT_WORKER is what the extraction pool hands to `new Worker(…)`.
  const facts = ts(
    "export const BUILD_ROOT = new URL('./', import.meta.url);\nconst ROOT: URL = new URL('.', import.meta.url);\n" +
      "export const EXTRACT_WORKER = new URL('extract/worker.js', BUILD_ROOT);\nnew Worker(new URL('./jobs/resize.js', ROOT));\n",
    'src/own-files.ts',
  );
  assert.deepEqual(
    facts.references?.filter((r) => !/^[./]*$/.test(r.target)), // the folder URLs themselves name folders
    [
      { target: './extract/worker.js', form: 'path', line: 3, via: 'new URL' },
      { target: './jobs/resize.js', form: 'path', line: 4, via: 'new Worker' },
    ],
  );
});

test("references: a folder URL's name assigned another URL later names nothing (review s61-rv2)", () => {
  const facts = ts(
    "let ROOT = new URL('./', import.meta.url);\nROOT = new URL('https://example.org/app/');\nexport const page = new URL('index.js', ROOT);\n",
    'src/pages.ts',
  );
  assert.deepEqual(facts.references?.filter((r) => !/^[./]*$/.test(r.target)) ?? [], []);
});

test("references: a URL relative to a name of another URL relative to the module names the file from that URL's folder", () => {
  // astro's dist/env/constants.js:8-9, whose MODULE_TEMPLATE_URL vite-plugin-env.js reads as its virtual module.
  const facts = js(
    'const PKG_BASE = new URL("../../", import.meta.url);\nconst MODULE_TEMPLATE_URL = new URL("templates/env.mjs", PKG_BASE);\n' +
      "function paths() {\n  const pkgBase = new URL('../..', import.meta.url);\n  return new URL('./templates/content/module.mjs', pkgBase);\n}\n" +
      "const WORKER = new URL('./workers/a.js', import.meta.url);\nnew URL('b.js', WORKER);\n",
    'dist/env/constants.js',
  );
  assert.deepEqual(
    facts.references?.filter((r) => !/^[./]*$/.test(r.target) && r.target !== './workers/a.js'),
    [
      { target: '../../templates/env.mjs', form: 'path', line: 2, via: 'new URL' },
      { target: '../../templates/content/module.mjs', form: 'path', line: 5, via: 'new URL' },
      { target: './workers/b.js', form: 'path', line: 8, via: 'new URL' },
    ],
  );
});

test('references: a URL relative to any other base (a parameter, a URL from elsewhere, a base with a query) names nothing here', () => {
  const facts = ts(
    "const PACKAGE_ROOT = new URL('../../', import.meta.url);\nnew URL('https://example.org/docs/x.json', PACKAGE_ROOT);\nnew URL('/srv/docs/x.json', PACKAGE_ROOT);\n" +
      "export const page = (base: URL) => new URL('index.html', base);\nconst site = new URL('https://example.org/');\nnew URL('about.html', site);\n" +
      "const VERSIONED = new URL('./?v=2', import.meta.url);\nnew URL('lib.js', VERSIONED);\nconst computed = new URL(`${dir}/`, import.meta.url);\nnew URL('x.js', computed);\n",
    'src/own-files.ts',
  );
  assert.deepEqual(facts.references?.filter((r) => !/^[./]*$/.test(r.target) && !r.target.includes('?') && !r.target.includes('${')) ?? [], []);
});
test('an empty file and a comment-only file give empty facts and no warnings', () => {
  for (const text of ['', '// just a comment\n', '\n\n']) {
    const facts = js(text);
    assert.deepEqual([facts.imports, facts.commands, facts.diagnostics, facts.complexity], [[], [], [], 1]);
  }
});

test('an extension-less script (shebang) parses as JavaScript', () => {
  const facts = javascriptExtractor.extract('bin/release-notes', "#!/usr/bin/env node\nconst notes = require('../lib/notes');\n");
  assert.deepEqual([facts.runnable, facts.imports.map((i) => i.specifier), facts.diagnostics], [['shebang'], ['../lib/notes'], []]);
});

test('nesting check: deep brackets and long chains are refused before they reach the parser', () => {
  const text = `import './still_found.js';\nconst x = ${'('.repeat(3000)}1${')'.repeat(3000)};\n`;
  const facts = extractJavaScript('deep.js', text, false, { moduleScan: false });
  assert.deepEqual(facts.diagnostics.map((d) => [d.id, d.location?.line]), [['javascript/too-deeply-nested', 2]]);
  assert.deepEqual(facts.imports.map((i) => i.specifier), ['./still_found.js']);
  // the module scan keeps no recursion, so it reads the same file whole, without a warning
  const scanned = js(text);
  assert.deepEqual([scanned.diagnostics, scanned.imports.map((i) => i.specifier)], [[], ['./still_found.js']]);
  assert.equal(checkNesting(`x = ${'a ? b : '.repeat(3000)}c;`).tooDeep, true);
  assert.equal(checkNesting(`${'if (a) {} else '.repeat(3000)}{}`).tooDeep, true);
});

test('nesting check: ordinary code, brackets in strings and comments, minified statement runs pass', () => {
  assert.equal(checkNesting(`const s = '${'('.repeat(3000)}';\n// ${'{'.repeat(3000)}\n/* ${'['.repeat(3000)} */\n`).tooDeep, false);
  assert.equal(checkNesting('if(a){b()}'.repeat(5000)).tooDeep, false);
  assert.equal(checkNesting('a = b + c;\n'.repeat(5000)).tooDeep, false);
  assert.equal(checkNesting('const v = `${a}${b}`;\n'.repeat(3000)).tooDeep, false);
  assert.equal(checkNesting('x = [\n' + '  f(a) && g(b),\n'.repeat(3000) + '];\n').tooDeep, false);
});

test('raw transfer (Node 22+) and the JSON path give the same facts', { skip: defaultParsePath() !== 'raw-transfer' && 'raw transfer needs Node 22+' }, () => {
  const root = join(REPO_ROOT, 'src');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ts$/.test(f));
  assert.ok(files.length > 20);
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    assert.deepEqual(extractJavaScript(file, text, true, { via: 'raw-transfer', moduleScan: false }), extractJavaScript(file, text, true, { via: 'json', moduleScan: false }), file);
  }
});

describe('warm-up sample files', () => {
  // The samples only help if they take the extractor down both roads: the module scan reads some,
  // oxc and the AST walk the others (CommonJS, commands, import.meta, a syntax error).
  test('reach the module scan, the oxc walk and the syntax-error path', () => {
    const scanned = WARM_UP_FILES.filter((f) => scanModule(f.text, buildLineTable(f.text), scanLanguage(f.path, f.isTypeScript)) !== null);
    assert.ok(scanned.length >= 2 && scanned.length < WARM_UP_FILES.length, 'some scanned, some parsed');
    const facts = WARM_UP_FILES.map((f) => extractJavaScript(f.path, f.text, f.isTypeScript));
    const all = facts.flatMap((f) => f.imports.map((i) => `${i.syntax}:${i.guard ?? '-'}`));
    for (const form of ['require:try', 'dynamic:function', 'dynamic:try', 'import-equals:-', 'export-from:-']) assert.ok(all.includes(form), form);
    assert.ok(facts.some((f) => f.commands.length >= 5), 'command calls');
    assert.ok(facts.some((f) => f.diagnostics.some((d) => d.id === 'javascript/syntax-error')), 'a syntax error');
  });
});

test('require(true && "x") loads x; any other left side may be false and names nothing', () => {
  const facts = js(
    [
      'const { dynamicImport } = require(true && "../dynamicImport");',
      'const maybe = require(process.env.X && "./maybe");',
      'const off = require(false && "./off");',
    ].join('\n'),
  );
  assert.deepEqual(
    facts.imports.map(({ specifier, line, names }) => ({ specifier, line, names: names.map((n) => n.name) })),
    [{ specifier: '../dynamicImport', line: 1, names: ['dynamicImport'] }],
  );
});

test('new NAME.Worker(path) with NAME bound to worker_threads starts a thread on the file; another object\'s Worker does not', () => {
  const facts = js(
    [
      "const Worker = require('worker_threads');",
      "const pool = require('./pool');",
      "const a = new Worker.Worker(__dirname + '/textdb-worker.js');",
      "const b = new pool.Worker(__dirname + '/not-a-thread.js');",
    ].join('\n'),
  );
  assert.deepEqual(
    facts.references.filter((r) => r.via === 'new Worker').map(({ target, line }) => ({ target, line })),
    [{ target: './textdb-worker.js', line: 3 }],
  );
});

test('new NAME.Worker: the worker_threads names are read once per file and not carried to the next file', () => {
  const bound = js(["const wt = require('worker_threads');", "new wt.Worker(__dirname + '/a.js');", "new wt.Worker(__dirname + '/b.js');"].join('\n'));
  const unbound = js(["const wt = require('./pool');", "new wt.Worker(__dirname + '/c.js');"].join('\n'));
  assert.deepEqual(bound.references.filter((r) => r.via === 'new Worker').map((r) => r.target), ['./a.js', './b.js']);
  assert.deepEqual(unbound.references.filter((r) => r.via === 'new Worker').map((r) => r.target), []);
});

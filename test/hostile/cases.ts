/**
 * The hostile-repository suite: each case builds a small repository that attacks census one way
 * (links out of the tree, git config that runs code, bombs, terminal escapes, forged state) and
 * says what census must do with it. `test/hostile/suite.e2e.test.ts` runs the CLI on every case
 * and checks the invariants every case shares plus the case's own; `scripts/make-hostile-repos.mjs`
 * writes them to a folder to try by hand; docs/hostile.md is generated from this list (a test keeps
 * it in sync). Secrets here are fake markers, never real credentials.
 */
import { chmodSync, closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A fake secret: if it appears in any output, census read a file it must not read. */
export const FAKE_SECRET = 'CENSUS-FAKE-SECRET-7f3a9c';

export interface CaseContext {
  /** The repository to audit (empty when build starts). */
  repo: string;
  /** A folder outside the repository that holds the user's files; census must never touch it. */
  outside: string;
  /** Where git hooks and filters write markers if census ever runs them. */
  markers: string;
}

export interface HostileCase {
  id: string;
  /** The attack, in a sentence. */
  attack: string;
  /** What census must do, in a sentence (the docs table's "expected outcome"). */
  expected: string;
  /** census commands to run on the repo, beyond `scan` (terminal) and `scan --format json`. */
  commands?: string[][];
  /** Replaces the two scans every case runs (a case whose every scan waits on a time limit runs one). */
  baseRuns?: string[][];
  /** Exit codes allowed for those commands (default: 0, 1, 2, 3). */
  exitCodes?: number[];
  build(ctx: CaseContext): void;
  /** A case's own check of the outputs (stdout and stderr of every run, joined). */
  check?(output: string, ctx: CaseContext): string | null;
}

const write = (dir: string, path: string, text: string | Buffer): void => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1' };
const git = (dir: string, args: string[]): string => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const gitCommitAll = (dir: string): void => {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '--allow-empty', '-m', 'hostile']);
};

const smallApp = (repo: string): void => {
  write(repo, 'app/main.py', 'from app import helpers\n\nif __name__ == "__main__":\n    helpers.run()\n');
  write(repo, 'app/helpers.py', 'def run():\n    return 1\n');
  write(repo, 'app/__init__.py', '');
  write(repo, 'Procfile', 'web: python -m app.main\n');
};

const markerHook = (ctx: CaseContext, name: string): string => {
  const path = join(ctx.outside, `hook-${name}.sh`);
  writeFileSync(path, `#!/bin/sh\ntouch '${ctx.markers}/${name}'\ncat\n`);
  chmodSync(path, 0o755);
  return path;
};

const outsideSecret = (ctx: CaseContext, name: string, text = `${FAKE_SECRET}\n`): string => {
  const path = join(ctx.outside, name);
  writeFileSync(path, text);
  return path;
};

const noEscapes = (output: string): string | null =>
  // NO_COLOR is set for the runs, so any ESC or BEL byte in the output came from the repo.
  /[\u001b\u0007]/.test(output) ? 'a raw ESC or BEL byte reached the output' : /^::(error|warning|notice|set-output|add-mask)/m.test(output) ? 'a GitHub workflow command was injected at the start of a line' : null;

export const HOSTILE_CASES: HostileCase[] = [
  {
    id: 'census-dir-symlink',
    attack: '`.census` is a committed symlink to a folder of the user\'s',
    expected: '`baseline`, `check --record` and `trace` refuse with an error naming `.census`; nothing is written outside',
    commands: [['baseline'], ['check', '--record']],
    build: (ctx) => {
      smallApp(ctx.repo);
      symlinkSync(ctx.outside, join(ctx.repo, '.census'));
    },
    check: (out) => (/\.census is a symlink/.test(out) ? null : 'the refusal does not name .census'),
  },
  {
    id: 'baseline-symlink',
    attack: '`.census/baseline.json` links to a file of the user\'s',
    expected: '`baseline` refuses; `check` refuses to read it; the file is untouched',
    commands: [['baseline'], ['check']],
    build: (ctx) => {
      smallApp(ctx.repo);
      mkdirSync(join(ctx.repo, '.census'));
      symlinkSync(outsideSecret(ctx, 'shell-profile'), join(ctx.repo, '.census', 'baseline.json'));
    },
  },
  {
    id: 'baseline-temp-links',
    attack: 'links planted at every `baseline.json.<pid>.tmp` name the old atomic write used',
    expected: 'the baseline is written under a random name and renamed; no link is followed',
    commands: [['baseline']],
    build: (ctx) => {
      smallApp(ctx.repo);
      mkdirSync(join(ctx.repo, '.census'));
      const target = outsideSecret(ctx, 'authorized_keys');
      for (let pid = 1; pid < 4096; pid++) symlinkSync(target, join(ctx.repo, '.census', `baseline.json.${pid}.tmp`));
    },
  },
  {
    id: 'history-db-symlink',
    attack: '`.census/history.db` and its `-wal` file link outside',
    expected: '`scan --record` and `history` refuse with an error naming the link',
    commands: [['scan', '--record'], ['history']],
    build: (ctx) => {
      smallApp(ctx.repo);
      mkdirSync(join(ctx.repo, '.census'));
      symlinkSync(outsideSecret(ctx, 'notes.db'), join(ctx.repo, '.census', 'history.db'));
      symlinkSync(outsideSecret(ctx, 'notes.db-wal'), join(ctx.repo, '.census', 'history.db-wal'));
    },
  },
  {
    id: 'history-db-trigger',
    attack: 'a committed `history.db` whose trigger runs an endless recursive CTE on insert',
    expected: '`scan --record` refuses the database before writing (it holds what census does not create)',
    commands: [['scan', '--record']],
    build: (ctx) => {
      smallApp(ctx.repo);
      mkdirSync(join(ctx.repo, '.census'));
      execFileSync('python3', ['-c', `import sqlite3; c = sqlite3.connect(${JSON.stringify(join(ctx.repo, '.census', 'history.db'))}); c.executescript("CREATE TABLE runs (id INTEGER PRIMARY KEY); CREATE TABLE log (x); CREATE TRIGGER forever AFTER INSERT ON runs BEGIN INSERT INTO log WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c; END;"); c.commit()`]);
    },
    check: (out) => (/not census's history/.test(out) ? null : 'the foreign database was not refused'),
  },
  {
    id: 'traces-dir-symlink',
    attack: '`.census/traces` links to a folder of the user\'s',
    expected: '`trace` refuses to write the trace through it',
    commands: [['trace', '--label', 'run', '--', 'true']],
    build: (ctx) => {
      smallApp(ctx.repo);
      mkdirSync(join(ctx.repo, '.census'));
      symlinkSync(ctx.outside, join(ctx.repo, '.census', 'traces'));
    },
  },
  {
    id: 'links-to-secrets',
    attack: 'a Procfile, a README, a settings module and a package.json that are links to secret files outside the repo',
    expected: 'none is read: a `read/symlink-outside` warning names each link, no byte of them reaches any output',
    commands: [['imports'], ['dupes']],
    build: (ctx) => {
      smallApp(ctx.repo);
      writeFileSync(join(ctx.repo, 'Procfile'), '');
      for (const [link, name] of [['Procfile.worker', 'id_rsa'], ['README.md', 'credentials'], ['app/settings.py', 'aws.py'], ['package.json', 'npmrc.json']]) {
        symlinkSync(outsideSecret(ctx, name, `web: ${FAKE_SECRET}\n"""${FAKE_SECRET}"""\n{"name": "${FAKE_SECRET}"}\n`), join(ctx.repo, link));
      }
    },
    check: (out) => (/symlink points outside/.test(out) || /symlink-outside/.test(out) ? null : 'no warning names the outside links'),
  },
  {
    id: 'folder-link-to-root',
    attack: 'a folder link to `/`, a symlink loop and a broken link',
    expected: 'each is a warning on the link; the scan finishes',
    build: (ctx) => {
      smallApp(ctx.repo);
      symlinkSync('/', join(ctx.repo, 'everything'));
      symlinkSync('loop-b', join(ctx.repo, 'loop-a'));
      symlinkSync('loop-a', join(ctx.repo, 'loop-b'));
      symlinkSync('does-not-exist.py', join(ctx.repo, 'broken.py'));
    },
  },
  {
    id: 'git-fsmonitor-filters-hooks',
    attack: 'the `.git` that came with the tree sets `core.fsmonitor`, clean/smudge filters on every file and index/checkout hooks',
    expected: 'no git call census makes runs any of them (markers stay absent), `history --commits` included',
    commands: [['history', '--commits', '2']],
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, '.gitattributes', '* filter=trap\n');
      gitCommitAll(ctx.repo);
      git(ctx.repo, ['config', 'filter.trap.clean', markerHook(ctx, 'clean')]);
      git(ctx.repo, ['config', 'filter.trap.smudge', markerHook(ctx, 'smudge')]);
      git(ctx.repo, ['config', 'filter.trap.process', markerHook(ctx, 'process')]);
      git(ctx.repo, ['config', 'core.fsmonitor', markerHook(ctx, 'fsmonitor')]);
      for (const hook of ['post-index-change', 'post-checkout', 'reference-transaction', 'pre-commit']) {
        writeFileSync(join(ctx.repo, '.git', 'hooks', hook), `#!/bin/sh\ntouch '${ctx.markers}/${hook}'\n`);
        chmodSync(join(ctx.repo, '.git', 'hooks', hook), 0o755);
      }
      // A newer mtime makes git re-read the files, which is when filters and fsmonitor run.
      write(ctx.repo, 'app/helpers.py', 'def run():\n    return 1\n');
    },
  },
  {
    id: 'git-corrupt-index',
    attack: 'a corrupt `.git/index`',
    expected: 'the scan finishes; the working tree counts as changed (unknown), never as clean',
    commands: [['scan', '--format', 'json']],
    build: (ctx) => {
      smallApp(ctx.repo);
      gitCommitAll(ctx.repo);
      writeFileSync(join(ctx.repo, '.git', 'index'), 'DIRC\u0000\u0000\u0000\u0002garbage');
    },
    check: (out) => (/"dirty":\s*false/.test(out) ? 'a corrupt index was reported as a clean tree' : null),
  },
  {
    id: 'yaml-alias-bomb',
    attack: 'a billion-laughs alias bomb in docker-compose.yml and a merge-key (`<<`) fan-out in .gitlab-ci.yml',
    expected: 'both are read in linear time; the scan finishes in seconds',
    build: (ctx) => {
      smallApp(ctx.repo);
      const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
      write(ctx.repo, 'docker-compose.yml', `x-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\nservices:\n  web:\n    command: python -m app.main\n    environment: *l\n`);
      const merges = ['.t0: &t0\n  script: [echo]'];
      for (let i = 1; i < 30; i++) merges.push(`.t${i}: &t${i}\n  <<: [${Array(8).fill(`*t${i - 1}`).join(', ')}]`);
      write(ctx.repo, '.gitlab-ci.yml', `${merges.join('\n')}\njob:\n  <<: *t29\n  stage: test\n`);
    },
  },
  {
    id: 'yaml-deep-flow',
    attack: 'a CI workflow whose flow list nests 16,000 deep (`a: [[[[…`, 32 KB): the `yaml` library aborts the process on it',
    expected: 'the file is not parsed: a `manifest/invalid-yaml` warning names it and the line; the scan goes on',
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, '.github/workflows/deep.yml', `on: push\njobs:\n  a:\n    steps: ${'['.repeat(16_000)}${']'.repeat(16_000)}\n`);
    },
    check: (out) => (/deep\.yml/.test(out) && /nested more than/.test(out) ? null : 'no warning names deep.yml'),
  },
  {
    id: 'js-error-frames',
    attack: 'a 180 KB one-line JS object of 20,000 invalid `k="m.js"` entries: oxc copies the line into each error\'s code frame (gigabytes; the scan ended after minutes)',
    expected: 'the file is not parsed: a `javascript/too-costly-to-parse` warning names it and the line; its imports come from the text scan',
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'big.js', `const path=require('path');const o={${'k="m.js",'.repeat(20_000)}};module.exports=path.join(__dirname, o.k);`);
    },
    check: (out) => (/big\.js/.test(out) && /too-costly-to-parse|long lines/.test(out) ? null : 'no warning names big.js'),
  },
  {
    id: 'dockerfile-continuations',
    attack: 'a Dockerfile of 60,000 continuation lines',
    expected: 'read in linear time (under --max-file-size) or skipped with a warning (over it)',
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'Dockerfile', `FROM python:3\nRUN echo start \\\n${'  && echo x \\\n'.repeat(60_000)}  && echo end\nCMD ["python", "-m", "app.main"]\n`);
      write(ctx.repo, 'deploy/Dockerfile', `FROM python:3\nRUN true \\\n${'  && true \\\n'.repeat(20_000)}  && true\nCMD ["python", "-m", "app.main"]\n`);
    },
  },
  {
    id: 'catastrophic-globs',
    attack: 'backtracking glob patterns in the census config and a jest config, against long file names',
    expected: 'matched without backtracking (census\'s own glob matcher); the scan finishes',
    build: (ctx) => {
      smallApp(ctx.repo);
      const evil = `${'*a'.repeat(14)}*b`;
      write(ctx.repo, 'census.config.json', JSON.stringify({ ignore: [evil], tooling: [`**/${evil}/**`] }));
      write(ctx.repo, 'package.json', JSON.stringify({ name: 'globs', jest: { testMatch: [`**/${evil}`] }, devDependencies: { jest: '29' } }));
      write(ctx.repo, `${'a'.repeat(200)}.js`, 'module.exports = 1;\n');
      write(ctx.repo, `${'a'.repeat(120)}/${'a'.repeat(120)}.test.js`, 'test("x", () => {});\n');
    },
  },
  {
    id: 'catastrophic-require-context',
    attack: 'a webpack `require.context` whose filter regex backtracks exponentially (`/^(a+)+$/`), next to a file name built to trigger it',
    expected: 'the filter is never compiled (census runs only regexes without quantified groups or back-references); the context names nothing; the scan finishes',
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'package.json', JSON.stringify({ name: 'ctx', main: 'src/index.js' }));
      write(ctx.repo, 'src/index.js', "const plugins = require.context('./plugins', true, /^(a+)+$/);\nmodule.exports = plugins;\n");
      write(ctx.repo, `src/plugins/${'a'.repeat(40)}!.js`, 'module.exports = 1;\n');
    },
  },
  {
    id: 'markdown-in-names',
    attack: 'file names holding Markdown: a link `[x](javascript:alert)`, backticks and a pipe',
    expected: 'the md reports show them escaped (`\\[x\\]`, `` \\` ``, `\\|`): no link, no broken code span or table row',
    commands: [['scan', '--format', 'md'], ['scan', '--format', 'md', '--summary']],
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'tools/[x](javascript:alert)`y`|z.py', 'print(1)\n');
    },
    check: (output) => (output.includes('| \\[x\\](javascript:alert)\\`y\\`\\|z.py |') ? null : 'the md table does not show the escaped name'),
  },
  {
    id: 'catastrophic-gitignore',
    attack: 'a .gitignore full of backtracking patterns and an untracked file with a long name (git\'s own matcher ran for over ten minutes)',
    expected: 'listing the untracked files stops after 30 s with a `read/untracked-skipped` warning; the tracked files are listed',
    baseRuns: [['scan', '--format', 'json']],
    build: (ctx) => {
      smallApp(ctx.repo);
      gitCommitAll(ctx.repo);
      write(ctx.repo, '.gitignore', `${Array.from({ length: 50 }, (_, i) => `${'*a'.repeat(10 + (i % 5))}*b`).join('\n')}\n`);
      write(ctx.repo, `${'a'.repeat(200)}.py`, 'x = 1\n');
    },
  },
  {
    id: 'terminal-escapes-in-names',
    attack: 'file names, docstrings and commands holding ESC/BEL sequences (terminal title, screen clear) and a newline followed by `::error file=…::`',
    expected: 'every human format shows them escaped; nothing reaches the terminal raw and no workflow command starts a line',
    commands: [['scan', '--format', 'md'], ['check', '--format', 'terminal'], ['dupes'], ['why', 'app/helpers.py']],
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'tools/\u001b]0;owned\u0007title.py', '"""\u001b[2J\u001b[Hcleared"""\nimport os\n');
      write(ctx.repo, 'tools/x\n::error file=app/main.py::injected.py', '"""line\n::warning::also"""\nimport sys\n');
      write(ctx.repo, 'Procfile', 'web: python -m app.main\nworker: python tools/\u001b[31mred.py\n');
    },
    check: (out) => noEscapes(out),
  },
  {
    id: 'deep-json-toml',
    attack: 'a package.json nested 100,000 levels deep and a pyproject.toml nested as deep',
    expected: 'a warning names each file; the scan goes on',
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'package.json', `{"name":"deep","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
      write(ctx.repo, 'pyproject.toml', `[project]\nname = "deep"\nx = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    },
  },
  {
    id: 'binary-junk',
    attack: 'binary junk and invalid UTF-8 with source extensions, an unknown Python codec, a NUL-filled requirements.txt',
    expected: 'each is a warning on its file; nothing crashes',
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'blob.py', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
      write(ctx.repo, 'latin.py', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a, 0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x20, 0x6f, 0x73, 0x0a]));
      write(ctx.repo, 'klingon.py', '# -*- coding: klingon -*-\nimport os\n');
      write(ctx.repo, 'requirements.txt', Buffer.alloc(2048, 0));
    },
  },
  {
    id: 'huge-script',
    attack: 'a 300 KB package.json script whose target reaches every file',
    expected: 'evidence quotes an excerpt; the Audit stays small',
    commands: [['scan', '--format', 'json']],
    build: (ctx) => {
      for (let i = 0; i < 30; i++) write(ctx.repo, `lib/m${i}.js`, `module.exports = ${i};\n`);
      write(ctx.repo, 'main.js', Array.from({ length: 30 }, (_, i) => `require('./lib/m${i}.js');`).join('\n'));
      write(ctx.repo, 'package.json', JSON.stringify({ name: 'huge', scripts: { start: `node main.js ${'--flag '.repeat(40_000)}` } }));
    },
    check: (out) => (out.length > 2_000_000 ? `the outputs are ${out.length} characters` : null),
  },
  {
    id: 'huge-baseline',
    attack: 'a committed 40 MB baseline',
    expected: '`check` refuses it with its size before reading it',
    commands: [['check']],
    build: (ctx) => {
      smallApp(ctx.repo);
      mkdirSync(join(ctx.repo, '.census'));
      const fd = openSync(join(ctx.repo, '.census', 'baseline.json'), 'w');
      ftruncateSync(fd, 40 * 1024 * 1024);
      closeSync(fd);
    },
    check: (out) => (/census reads baselines up to/.test(out) ? null : 'the oversized baseline was not refused'),
  },
  {
    id: 'manifest-name-flood',
    attack: "a 900 KB one-line module quoting a plugin manifest's name 42,000 times, and modules of 40,000-60,000 declarations holding its fields",
    expected: 'each quote and declaration is read within a bounded window (it was 20-49 s); the plugin file the manifest names is still found',
    build: (ctx) => {
      write(ctx.repo, 'package.json', JSON.stringify({ name: 'flood', main: 'index.js' }));
      write(ctx.repo, 'plugins/p/plugin.json', JSON.stringify({ main: 'main.js', exports: { javascript: 'ui.js' } }));
      write(ctx.repo, 'plugins/p/main.js', 'module.exports = 1;\n');
      write(ctx.repo, 'plugins/p/ui.js', 'module.exports = 2;\n');
      write(ctx.repo, 'index.js', `require('./held.js');require('./parts.js');${"f('a','plugin.json');".repeat(42_000)}require(path.join(d,m.main));`);
      write(ctx.repo, 'held.js', `var m = JSON.parse('plugin.json');\n${'var e = m.main\n'.repeat(60_000)}`);
      write(ctx.repo, 'parts.js', `var m = JSON.parse('plugin.json');\n${Array.from({ length: 40_000 }, (_, i) => `var x${i} = m.exports\n`).join('')}require(x0.javascript);\n`);
    },
    check: (out) => (['main', 'ui'].every((f) => new RegExp(String.raw`"path":\s*"plugins/p/${f}\.js"[^}]*?"verdict":\s*"production"`).test(out)) ? null : 'a file plugin.json names is not production'),
  },
  {
    id: 'inherited-loader-classes',
    attack: 'a module of 3,000 classes, each subclassing a base (with a 30,000-line body) whose loader it calls as self.get_mod',
    expected: "each class's base is found once (it was 280 s); the module the loader loads is still found",
    build: (ctx) => {
      write(ctx.repo, 'app/__init__.py', '');
      write(ctx.repo, 'app/sel/__init__.py', '');
      write(ctx.repo, 'app/sel/vim.py', 'x = 1\n');
      write(ctx.repo, 'app/base.py', `def get_mod(module):\n    return __import__(module)\n\n\nclass Base(object):\n    def init(self):\n        self.get_mod = get_mod\n        self.ext = 'vim'\n${Array.from({ length: 30_000 }, (_, i) => `        self.v${i} = ${i}\n`).join('')}`);
      write(ctx.repo, 'app/kids.py', `from app.base import Base\n\n${Array.from({ length: 3_000 }, (_, i) => `class K${i}(Base):\n    def g(self):\n        return self.get_mod('app.sel.{0}'.format(self.ext))\n`).join('')}\nif __name__ == "__main__":\n    K0().g()\n`);
    },
    check: (out) => (/"path":\s*"app\/sel\/vim\.py"[^}]*?"verdict":\s*"(?:production|manual)"/.test(out) ? null : 'app/sel/vim.py, which the inherited loader loads, is not alive'),
  },
  {
    id: 'forged-audit',
    attack: 'a saved Audit with a wrong type deep inside, given to `census report`',
    expected: 'refused with the first problem named, exit 2, no stack trace',
    commands: [['report', 'audit.json', '--format', 'md']],
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'audit.json', JSON.stringify({ schemaVersion: 1, tool: { name: 'census', version: '0' }, files: [{ path: 1 }] }));
    },
  },
  {
    id: 'html-payloads',
    attack: 'script payloads in file names, docstrings and commands',
    expected: 'the HTML report holds them only as escaped JSON data (browser tests check that none runs)',
    commands: [['scan', '--format', 'html']],
    build: (ctx) => {
      smallApp(ctx.repo);
      write(ctx.repo, 'tools/<img src=x onerror=alert(1)>.py', '"""</script><script>alert(2)</script>"""\n');
      write(ctx.repo, 'Procfile', 'web: python -m app.main\nx: python "tools/<svg onload=alert(3)>.py"\n');
    },
    check: (out) => {
      // The terminal and JSON runs show the names as text; only the page must hold them as data.
      const start = out.search(/<!doctype html/i);
      if (start < 0) return 'no HTML page was printed';
      const page = out.slice(start, out.indexOf('</html>', start) + 7);
      return /<script>alert\(2\)/.test(page) || /<img src=x onerror/.test(page) || /<svg onload/.test(page) ? 'a payload reached the page as markup' : null;
    },
  },
];

/**
 * Detectors and the config loader on random and hostile input: a detector never throws (bad
 * input is a diagnostic), and the config loader throws nothing but ConfigError.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { loadCensusConfig } from '../../src/config/load.js';
import { DETECTORS } from '../../src/entries/index.js';
import { isRepoDetector, type DetectorContext, type DetectorOutput } from '../../src/entries/types.js';
import { ConfigError } from '../../src/util/errors.js';
import { Manifests } from '../../src/manifests/store.js';
import { basename } from '../../src/util/path.js';

const SAMPLE_PATHS = [
  'knip.ts', 'vite.config.ts', 'tsconfig.json', 'deploy/ingest.service', 'Dockerfile', 'docker-compose.yml', 'Procfile', 'deploy/crontab', 'deploy/supervisord.conf',
  'k8s/worker.yaml', 'package.json', 'pyproject.toml', 'setup.cfg', 'setup.py', 'Makefile', '.github/workflows/ci.yml', '.gitlab-ci.yml',
  'rootfs/etc/s6-overlay/s6-rc.d/web/up', 'deploy/sv/web/run', 'deploy/init.d/web', 'ecosystem.config.js', 'fly.toml', 'render.yaml', 'app.json', '.semgrep/rules/no-raw-sql.yaml', 'Taskfile.yml', 'justfile', 'tox.ini', 'noxfile.py', 'tasks.py', 'railway.json', 'wrangler.toml', 'cdk.json', 'serverless.yml', 'serverless.ts', 'template.yaml', '.yarnrc.yml', 'mise.toml', 'lefthook.yml', 'moon.yml', '.moon/tasks.yml', 'usr/bin/tool', '.devcontainer/devcontainer.json', '.claude/settings.json', '.s2i/bin/run',
  'usr/share/dbus-1/services/org.example.App.service', 'etc/update-motd.d/50-app', 'etc/patroni/config.yml.in', 'usr/lib/python3/dist-packages/app/templates/haproxy.cfg.j2', 'usr/lib/app/plugins/lyrics/lyrics.plugin',
];

/** Fragments of every format census reads, so random text reaches past the first syntax check. */
const FRAGMENTS = [
  '[Plugin]', 'Loader=python3', 'Module=', '[Service]', 'ExecStart=', '[D-BUS Service]', 'Exec=', 'WorkingDirectory=/opt/app', '\\', '\n', '\t', ' ', '=', ':', ';', '#', '"', "'", '`', '{', '}', '[', ']', '(', ')',
  'RUN <<EOF', 'EOF', 'CMD ["a"', 'ENTRYPOINT', 'COPY . /app', 'WORKDIR $X', 'FROM a AS b', 'services:', '  command:', '- run: |', 'jobs:',
  'steps:', 'kind: Deployment', 'containers:', '<<: *a', '&a', '*a', '!reference [', '[program:x]', 'command=', '%(here)s', '@daily', '* * * * *',
  '[project.scripts]', 'a = "b:c"', 'entry_points={', "'console_scripts': [", '"""', 'define X', 'endef', '$(MAKE)', '$$', 'a: b ; c',
  '"scripts": {', '"bin": "x"', '"exports": {"./*": "./*.js"}', 'uses: ./local', 'extends: .t', 'script:', '---', '{{ x }}',
  '#!/sbin/openrc-run', 'command="', 'command_args=', 'directory=', "script: '", 'args: [', 'cwd: ', 'apps: [', 'rules:', '  - id: x', '    pattern: y', 'tasks:', '  cmds:', '{{.X}}', '{{x}}', 'recipe:', '[testenv]', 'commands =', '{posargs}', 'session.run(', 'c.run(', 'from invoke import task', '/etc/s6-overlay/scripts/x', 'yarnPath: ', 'plugins:', '  - path: ', '[tasks]', '[tasks.x]', 'run = [', '[task_config]', 'dir = "{{config_root}}"', 'pre-commit:', '  commands:', '    run: x {staged_files}', '  jobs:', '  scripts:', '    runner: node', '    command: ', '$workspaceRoot/', '@files(x)', 'runFromWorkspaceRoot: true', 'command: /usr/share/x', 'restore_command: "/usr/lib/x %f"',
];

const hostileText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join('')),
);

const contextWith = (files: Record<string, string>): DetectorContext => {
  const manifests = new Manifests({ files: new Set(Object.keys(files)), readText: (path) => files[path] ?? null });
  return { files: manifests.files, manifests, executable: () => true };
};

const wellFormed = (out: DetectorOutput) => {
  assert.ok(Array.isArray(out.entries) && Array.isArray(out.commands) && Array.isArray(out.diagnostics));
  for (const d of out.diagnostics) assert.equal(typeof d.message, 'string');
};

for (const detector of DETECTORS) {
  test(`hostile input: ${detector.id} never throws`, () => {
    if (isRepoDetector(detector)) {
      const names = ['pyproject.toml', 'pytest.ini', 'setup.cfg', 'package.json', 'vitest.config.ts', 'jest.config.js', '.mocharc.yml', 'tests/test_a.py', 'src/a.test.ts', 'pkg/package.json', 'pkg/x.spec.js'];
      assertProperty(fc.property(fc.array(fc.tuple(fc.constantFrom(...names), hostileText), { maxLength: 8 }), (pairs) => {
        for (const { output } of detector.detectRepo(contextWith(Object.fromEntries(pairs)))) wellFormed(output);
      }), { numRuns: 150 });
      return;
    }
    const path = SAMPLE_PATHS.find((p) => detector.matches(p, basename(p)));
    assert.ok(path, `no sample path for ${detector.id}: add one to SAMPLE_PATHS`);
    assertProperty(fc.property(hostileText, hostileText, (text, other) => {
      const ctx = contextWith({ [path]: text, 'docker-compose.yml': other, 'deploy/x.service': other, 'src/a.py': '' });
      wellFormed(detector.detect({ path, text }, ctx));
    }), { numRuns: 300 });
  });
}

test('hostile input: the config loader throws only ConfigError', () => {
  const value = fc.jsonValue({ maxDepth: 4 });
  const config = fc.oneof(
    value,
    fc.record({ entries: fc.array(fc.oneof(value, fc.record({ path: value, module: value, command: value, kind: value, cwd: value }, { requiredKeys: [] }))), ignore: value, production: value }, { requiredKeys: [] }),
  );
  assertProperty(fc.property(fc.constantFrom('census.config.json', 'package.json', 'pyproject.toml'), config, hostileText, (file, value, junk) => {
    const text = file === 'pyproject.toml' ? `[tool.census]\n${junk}` : file === 'package.json' ? JSON.stringify({ census: value }) : JSON.stringify(value);
    try {
      loadCensusConfig((p) => (p === file ? text : null));
    } catch (e) {
      assert.ok(e instanceof ConfigError, `unexpected ${String(e)}`);
      assert.match(e.message, new RegExp(`^${file.replace('.', '\\.')}[:]`));
    }
  }), { numRuns: 400 });
});

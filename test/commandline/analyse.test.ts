/**
 * The command analyser's table: one command line per row, with the context it runs in and the
 * targets it must yield, written compactly:
 *   file:<path>   module:<module>[:<attr>]@<cwd>   npm:<script>@<cwd>   make:<target>@<makefile>
 *   test:<runner>(<paths>)@<cwd>   unresolved:<part of the reason>
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseCommand } from '../../src/commandline/analyse.js';
import type { CommandContext, CommandTarget } from '../../src/commandline/types.js';

const compact = (t: CommandTarget): string => {
  switch (t.kind) {
    case 'file':
      return `file:${t.path}`;
    case 'module':
      return `module:${t.module}${t.attr ? `:${t.attr}` : ''}@${t.cwd ?? '?'}`;
    case 'npm-script':
      return `npm:${t.name}@${t.cwd}`;
    case 'make-target':
      return `make:${t.target}@${t.makefile}`;
    case 'test-run':
      return `test:${t.runner}(${t.paths.join(',')})@${t.cwd ?? '?'}`;
    case 'unresolved':
      return `unresolved:${t.reason}`;
  }
};

const root: CommandContext = { cwd: '' };
const optApp: CommandContext = { cwd: '', pathMap: [{ from: '/opt/app', to: '' }] };

type Row = [command: string, expected: string[], ctx?: CommandContext];

const ROWS: Row[] = [
  // wrappers, cd chains and deploy paths
  ['cd /opt/app && FOO=1 nohup python3 -u scripts/ingest.py --x 1 > log 2>&1 &', ['file:scripts/ingest.py'], optApp],
  ['nohup /opt/app/venv/bin/python /opt/app/worker.py &', ['file:worker.py'], optApp],
  ['/opt/app/start.sh', ['unresolved:absolute path outside the repo (/opt/app/start.sh)']],
  ['/usr/bin/env python3 scripts/check.py', ['file:scripts/check.py']],
  ['/usr/sbin/nginx -g "daemon off;"', []],
  ['exec gunicorn app.wsgi', ['module:app.wsgi@']],
  ['timeout 30 node scripts/healthcheck.js', ['file:scripts/healthcheck.js']],
  ['timeout -s KILL 5m python jobs/cleanup.py', ['file:jobs/cleanup.py']],
  ['sudo -u www-data -E python3 manage.py collectstatic', ['file:manage.py']],
  ['sudo -u app env PYTHONPATH=. timeout 30 python3.11 -W ignore tools/rebuild.py', ['file:tools/rebuild.py']],
  ['env NODE_ENV=production node server.js', ['file:server.js']],
  ['env -C web npm test', ['npm:test@web']],
  ['time python bench/run_bench.py', ['file:bench/run_bench.py']],
  ['nice -n 10 ionice -c 3 python jobs/reindex.py', ['file:jobs/reindex.py']],
  ['su -c "python3 /srv/app/jobs/nightly.py" appuser', ['file:jobs/nightly.py'], { cwd: '', pathMap: [{ from: '/srv/app', to: '' }] }],
  ['command -v python3', []],
  ['cd services/api && python -m api.main', ['module:api.main@services/api']],
  ['(cd web && npm run build) && node server.js', ['npm:build@web', 'file:server.js']],
  ['cd web; cd ..; python tools/x.py', ['file:tools/x.py']],
  ['pushd frontend && npm run lint && popd && make test', ['npm:lint@frontend', 'make:test@Makefile']],
  ['cd "$APP_DIR" && python run.py', ['unresolved:computed at run time ($APP_DIR)']],
  ['python manage.py runserver 0.0.0.0:8000', ['file:backend/manage.py'], { cwd: 'backend' }],
  ['python ../shared/sync_tool.py', ['file:shared/sync_tool.py'], { cwd: 'svc' }],
  ['python ../../outside.py', ['unresolved:outside the repo'], { cwd: 'svc' }],
  ['python scripts/start.py', ['file:scripts/start.py'], { cwd: '/opt/app', pathMap: [{ from: '/opt/app', to: '' }] }],
  ['python scripts/a.py | python scripts/b.py', ['file:scripts/a.py', 'file:scripts/b.py']],
  ['python a.py || python b.py; python c.py', ['file:a.py', 'file:b.py', 'file:c.py']],
  ['if [ -f .env ]; then python seed.py; fi', ['file:seed.py']],
  ['VERSION=$(python scripts/version.py)', ['file:scripts/version.py']],
  ['for env in $(python scripts/list_envs.py); do echo "$env"; done', ['file:scripts/list_envs.py']],
  ['case "$(python scripts/detect_os.py)" in linux) make linux ;; esac', ['file:scripts/detect_os.py', 'make:linux@Makefile']],
  ['echo `python scripts/gen_banner.py`', ['file:scripts/gen_banner.py']],
  // python
  ['python scripts/report.py --month 3', ['file:scripts/report.py']],
  ['python3.12 -m pkg.cli --verbose', ['module:pkg.cli@']],
  ['python -W ignore::DeprecationWarning -X dev tools/lint_rules.py', ['file:tools/lint_rules.py']],
  ['python -um app.worker', ['module:app.worker@']],
  ['python -c "import app; app.run()"', []],
  ['python -m http.server 8000', []],
  ['python -m pip install -r requirements.txt', []],
  ['python - <<EOF\nimport runpy\nEOF', []],
  ['.venv/bin/python scripts/migrate.py', ['file:scripts/migrate.py']],
  ['"$VENV_DIR/bin/python" scripts/migrate.py', ['file:scripts/migrate.py']],
  ['python3 -m venv .venv && .venv/bin/pip install -r requirements.txt', []],
  ['source .venv/bin/activate && node_modules/.bin/eslint src', []],
  ['python "$SCRIPT"', ['unresolved:computed at run time ($SCRIPT)']],
  ['python $HOME/tools/x.py', ['unresolved:computed at run time']],
  ['python ~/bin/x.py', ['unresolved:computed at run time (~/bin/x.py)']],
  ['python scripts/*.py', ['unresolved:a glob pattern (scripts/*.py)']],
  ['$PYTHON scripts/x.py', ['unresolved:the program is computed at run time ($PYTHON)']],
  ['PY=python3; $PY scripts/x.py', ['file:scripts/x.py']],
  ['python -m unittest discover -s tests', ['test:unittest(tests)@']],
  ['coverage run -m pytest tests', ['test:pytest(tests)@']],
  ['python -m cProfile -o out.prof scripts/slow_job.py', ['file:scripts/slow_job.py']],
  // python environment runners
  ['uv run scripts/migrate.py', ['file:scripts/migrate.py']],
  ['uv run --directory services/api python -m api.main', ['module:api.main@services/api']],
  ['uv run -m tools.sync', ['module:tools.sync@']],
  ['uvx ruff check .', []],
  ['poetry run python manage.py migrate', ['file:manage.py']],
  ['pipenv run pytest tests/', ['test:pytest(tests)@']],
  ['pdm run uvicorn app.main:app', ['module:app.main:app@']],
  ['hatch run test:pytest tests', ['test:pytest(tests)@']],
  // servers and workers
  ['uvicorn sidecar.main:app --port 3200', ['module:sidecar.main:app@']],
  ['uvicorn main:app --app-dir src --reload --host 0.0.0.0', ['module:main:app@src']],
  ['gunicorn -w 4 -k uvicorn.workers.UvicornWorker -c deploy/gunicorn.conf.py --chdir api "app.main:create_app()"', ['file:deploy/gunicorn.conf.py', 'module:app.main:create_app@api']],
  ['gunicorn app:application -b 0.0.0.0:80 --preload', ['module:app:application@']],
  ['gunicorn -c python:config.gunicorn wsgi', ['module:config.gunicorn@', 'module:wsgi@']],
  ['hypercorn "svc.asgi:app" --bind 0.0.0.0:8000', ['module:svc.asgi:app@']],
  ['celery -A worker_app worker -l info', ['module:worker_app@']],
  ['celery --app=tasks.celery_app:app beat', ['module:tasks.celery_app:app@']],
  ['celery -A proj --workdir backend worker -Q default', ['module:proj@backend']],
  // test runners
  ['pytest', ['test:pytest()@']],
  ['py.test tests/test_api.py::TestX::test_y -k smoke', ['test:pytest(tests/test_api.py)@']],
  ['pytest -c ci/pytest.ini tests', ['test:pytest(tests)@', 'file:ci/pytest.ini']],
  ['python -m pytest tests/unit -q', ['test:pytest(tests/unit)@']],
  ['vitest run src/utils', ['test:vitest(src/utils)@']],
  ['jest --config jest.config.js', ['test:jest()@', 'file:jest.config.js']],
  ["mocha -r ./test/setup.js 'test/**/*.spec.js'", ['test:mocha(test/**/*.spec.js)@', 'file:test/setup.js']],
  ['playwright test e2e/login.spec.ts', ['test:playwright(e2e/login.spec.ts)@']],
  ['npx playwright install --with-deps', []],
  ['node --test test/', ['test:node --test(test)@']],
  ['node --test-reporter=./tools/reporter.mjs --test', ['file:tools/reporter.mjs', 'test:node --test()@']],
  ['node --test-reporter=spec server.js', ['file:server.js']],
  ['node_modules/.bin/vitest run', ['test:vitest()@']],
  // node and friends
  ['node dist/server.js --port 3000', ['file:dist/server.js']],
  ['node -r ./tools/preload.cjs --import ./register.mjs src/main.js', ['file:tools/preload.cjs', 'file:register.mjs', 'file:src/main.js']],
  ['node -r dotenv/config server.js', ['file:server.js']],
  ['node -e "require(\'./x\')"', []],
  ['tsx watch src/index.ts', ['file:src/index.ts']],
  ['ts-node --project tsconfig.json scripts/seed.ts', ['file:scripts/seed.ts']],
  ['nodemon src/server.ts', ['file:src/server.ts']],
  ['bun run scripts/build.ts', ['file:scripts/build.ts']],
  ['bun scripts/check_links.ts', ['file:scripts/check_links.ts']],
  ['bun run dev', ['npm:dev@']],
  ['bun test', ['test:bun test()@']],
  ['deno run --allow-net server.ts', ['file:server.ts']],
  ['deno run https://deno.land/std/examples/welcome.ts', []],
  ['npx tsx scripts/seed.ts', ['file:scripts/seed.ts']],
  ['npx ts-node src/cli.ts', ['file:src/cli.ts']],
  ['npx eslint .', []],
  ['npm exec -- tsx scripts/seed.ts', ['file:scripts/seed.ts']],
  ['pnpm exec ts-node src/cli.ts', ['file:src/cli.ts']],
  ['concurrently "npm:watch" "tsx watch src/server.ts"', ['npm:watch@', 'file:src/server.ts']],
  ['run-p lint test', ['npm:lint@', 'npm:test@']],
  // package managers
  ['npm run lint', ['npm:lint@']],
  ['npm test', ['npm:test@']],
  ['npm start', ['npm:start@']],
  ['npm run build -- --watch', ['npm:build@']],
  ['npm --prefix web run build', ['npm:build@web']],
  ['npm run build --workspace=packages/web', ['npm:build@packages/web']],
  ['npm ci', []],
  ['yarn build', ['npm:build@']],
  ['yarn run test:unit', ['npm:test:unit@']],
  ['yarn --cwd frontend dev', ['npm:dev@frontend']],
  ['yarn install --frozen-lockfile', []],
  ['yarn workspace web build', ['unresolved:workspace name']],
  ['pnpm build', ['npm:build@']],
  ['pnpm -C apps/admin run lint', ['npm:lint@apps/admin']],
  ['pnpm --filter ./packages/core test', ['npm:test@packages/core']],
  // make
  ['make', ['make:@Makefile']],
  ['make -C docs html', ['make:html@docs/Makefile']],
  ['make -f build/release.mk dist VERSION=1.2', ['make:dist@build/release.mk']],
  ['make -j 4 test lint', ['make:test@Makefile', 'make:lint@Makefile']],
  // shells and direct paths
  ['bash scripts/setup.sh', ['file:scripts/setup.sh']],
  ['bash -euxo pipefail scripts/release.sh', ['file:scripts/release.sh']],
  ['bash -c "python -m tools.sync"', ['module:tools.sync@']],
  ["sh -c 'cd web && npm ci && npm run build'", ['npm:build@web']],
  ['bash -lc "source venv/bin/activate && python app.py"', ['file:app.py']],
  ['bash -c "$CMD"', ['unresolved:the program is computed at run time ($CMD)']],
  ['bash -c "python -m tools.seed_db --version $VERSION"', ['module:tools.seed_db@']],
  ['eval "python scripts/apply_fixes.py"', ['file:scripts/apply_fixes.py']],
  ['source scripts/env.sh', ['file:scripts/env.sh']],
  ['. ./lib/common.sh', ['file:lib/common.sh']],
  ['./scripts/deploy.sh prod', ['file:scripts/deploy.sh']],
  ['scripts/ingest.py --date today', ['file:scripts/ingest.py']],
  ['exec "$@"', []],
  ['for f in scripts/*.sh; do bash "$f"; done', ['unresolved:computed at run time ($f)']],
  // the script's own folder
  ['python "$(dirname "$0")/helper.py"', ['file:tools/helper.py'], { cwd: '', scriptDir: 'tools' }],
  ['python "${BASH_SOURCE%/*}/helper.py"', ['file:tools/helper.py'], { cwd: '', scriptDir: 'tools' }],
  ['DIR=$(cd "$(dirname "$0")" && pwd); python "$DIR/../bin/run.py"', ['file:bin/run.py'], { cwd: '', scriptDir: 'ops' }],
  ['cd "$(dirname "$0")/.." && python -m app.cli', ['module:app.cli@'], { cwd: 'elsewhere', scriptDir: 'ops' }],
  ['python "$(dirname "$0")/helper.py"', ["unresolved:relative to the script's own folder"]],
  ['"$(dirname "$0")/../.venv/bin/python" -m app.cli', ['module:app.cli@'], { cwd: '', scriptDir: 'ops' }],
  ['"$(dirname "$0")/deploy_step.sh" --dry-run', ['file:ops/deploy_step.sh'], { cwd: '', scriptDir: 'ops' }],
  ['ROOT=$(git rev-parse --show-toplevel); python "$ROOT/tools/x.py"', ['file:tools/x.py'], { cwd: 'deep/down' }],
  // programs that run nothing of the repo
  ['docker run --rm img python x.py', []],
  ['docker compose up -d', []],
  ['find . -name "*.pyc" | xargs rm', []],
  ['unknown-tool --flag file.py', []],
];

test(`the analyser table has at least 60 rows (${ROWS.length})`, () => {
  assert.ok(ROWS.length >= 60);
});

for (const [command, expected, ctx] of ROWS) {
  test(`${command} → ${expected.join(', ') || 'nothing'}`, () => {
    const actual = analyseCommand(command, ctx ?? root).map(compact);
    assert.equal(actual.length, expected.length, `got ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => {
      if (e.startsWith('unresolved:')) assert.ok(actual[i].startsWith('unresolved:') && actual[i].includes(e.slice('unresolved:'.length)), `got ${actual[i]}`);
      else assert.equal(actual[i], e);
    });
  });
}

test('a target carries the launcher and the simple command it came from', () => {
  const [target] = analyseCommand('cd /opt/app && FOO=1 nohup python3 -u scripts/ingest.py --x 1 > log 2>&1 &', optApp);
  assert.deepEqual(target, { kind: 'file', path: 'scripts/ingest.py', launcher: 'python3', text: 'FOO=1 nohup python3 -u scripts/ingest.py --x 1 > log 2>&1' });
  const [inner] = analyseCommand('bash -c "python -m tools.sync"', root);
  assert.equal(inner.kind === 'module' && inner.text, 'python -m tools.sync');
});

test('path map: the longest matching prefix wins, and only at a folder boundary', () => {
  const ctx: CommandContext = { cwd: '', pathMap: [{ from: '/srv', to: 'deploy' }, { from: '/srv/app', to: '' }] };
  assert.deepEqual(analyseCommand('python /srv/app/jobs/a.py /srv/apple.py', ctx).map(compact), ['file:jobs/a.py']);
  assert.deepEqual(analyseCommand('bash /srv/apple.sh', ctx).map(compact), ['file:deploy/apple.sh']);
});

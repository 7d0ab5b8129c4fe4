/**
 * The command analyser's table: one command line per row, with the context it runs in and the
 * targets it must yield, written compactly:
 *   file:<path>   module:<module>[:<attr>]@<cwd>   npm:<script>@<cwd>   make:<target>@<makefile>
 *   test:<runner>(<paths>)@<cwd>   config:<reader>:<path>@<cwd>   unknown:<program>   unresolved:<part of the reason>
 * `file?:`, `module?:`, `config?:` are defaults the program tries only when the repo has them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseCommand } from '../../src/commandline/analyse.js';
import type { CommandContext, CommandTarget } from '../../src/commandline/types.js';

const compact = (t: CommandTarget): string => {
  switch (t.kind) {
    case 'file':
      return `file${t.ifPresent ? '?' : ''}:${t.path}`;
    case 'module':
      return `module${t.ifPresent ? '?' : ''}:${t.module}${t.attr ? `:${t.attr}` : ''}@${t.cwd ?? '?'}`;
    case 'config':
      return `config${t.ifPresent ? '?' : ''}:${t.reader}:${t.path}@${t.cwd}`;
    case 'unknown-program':
      return `unknown:${t.program}`;
    case 'npm-script':
      return `npm:${t.name}@${t.cwd}`;
    case 'workspace-run':
      return `ws:${t.manager}:${t.select.by === 'selectors' ? t.select.selectors.join('+') : t.select.by === 'all' ? `all${t.select.includeRoot ? '+root' : ''}` : 'root'}:${t.script !== undefined ? `npm:${t.script}` : `cmd:${t.command}`}@${t.cwd}`;
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
  ['exec gunicorn app.wsgi', ['config?:gunicorn:gunicorn.conf.py@', 'module:app.wsgi@']],
  ['timeout 30 node scripts/healthcheck.js', ['file:scripts/healthcheck.js']],
  ['timeout -s KILL 5m python jobs/cleanup.py', ['file:jobs/cleanup.py']],
  ['sudo -u www-data -E python3 manage.py collectstatic', ['file:manage.py']],
  ['sudo -u app env PYTHONPATH=. timeout 30 python3.11 -W ignore tools/rebuild.py', ['file:tools/rebuild.py']],
  ['env NODE_ENV=production node server.js', ['file:server.js']],
  ['env -C web npm test', ['npm:test@web']],
  ['time python bench/run_bench.py', ['file:bench/run_bench.py']],
  ['sfw uv run python scripts/seed.py', ['file:scripts/seed.py']],
  ['sfw npm install', []],
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
  ['python -c "import app; app.run()"', ['module?:app@']],
  ['python -c "import os, sys; from shop.jobs.nightly import main; main()"', ['module?:os@', 'module?:sys@', 'module?:shop.jobs.nightly@']],
  ['python -c "$CODE"', []],
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
  // A computed program handed a ./ script first is its interpreter (serverless-offline's PythonRunner.js:45); anything else stays unresolved.
  ['${pythonExecutable} -u ./invoke.py ${handler}', ['file:invoke.py']],
  ['$EDITOR ./notes.txt', ['unresolved:the program is computed at run time ($EDITOR)']],
  ['$TOOL build ./gen.py', ['unresolved:the program is computed at run time ($TOOL)']],
  // Its name must say the script's language: an editor opens the file and a compiler's -o writes it, neither runs it.
  ['$EDITOR ./notes.py', ['unresolved:the program is computed at run time ($EDITOR)']],
  ['$CC -o ./out.js main.c', ['unresolved:the program is computed at run time ($CC)']],
  ['${PYTHON3} ./tool.py', ['file:tool.py']],
  ['${process.argv[0]} ./detached.js ${tmp}', ['file:detached.js']],
  ['PY=python3; $PY scripts/x.py', ['file:scripts/x.py']],
  ['python -m unittest discover -s tests', ['test:unittest(tests)@']],
  ['coverage run -m pytest tests', ['test:pytest(tests)@']],
  ['python -m cProfile -o out.prof scripts/slow_job.py', ['file:scripts/slow_job.py']],
  // python environment runners
  ['uv run scripts/migrate.py', ['file:scripts/migrate.py']],
  ['uv run --directory services/api python -m api.main', ['module:api.main@services/api']],
  ['uv run -m tools.sync', ['module:tools.sync@']],
  ['uvx ruff check .', []],
  ['pipx run scripts/release.py --dry-run', ['file:scripts/release.py']],
  ['pipx run --spec black==24.1 black .', []],
  ['poetry run python manage.py migrate', ['file:manage.py']],
  ['pipenv run pytest tests/', ['test:pytest(tests)@']],
  ['pdm run uvicorn app.main:app', ['module:app.main:app@']],
  ['hatch run test:pytest tests', ['test:pytest(tests)@']],
  // servers and workers
  ['uvicorn sidecar.main:app --port 3200', ['module:sidecar.main:app@']],
  ['uvicorn main:app --app-dir src --reload --host 0.0.0.0', ['module:main:app@src']],
  ['gunicorn -w 4 -k uvicorn.workers.UvicornWorker -c deploy/gunicorn.conf.py --chdir api "app.main:create_app()"', ['config:gunicorn:deploy/gunicorn.conf.py@', 'module:app.main:create_app@api']],
  ['gunicorn app:application -b 0.0.0.0:80 --preload', ['config?:gunicorn:gunicorn.conf.py@', 'module:app:application@']],
  ['/usr/bin/gunicorn3 lava_server.wsgi --workers 4', ['config?:gunicorn:gunicorn.conf.py@', 'module:lava_server.wsgi@']],
  ['gunicorn -c gunicorn.conf.py', ['config:gunicorn:gunicorn.conf.py@']],
  ['GUNICORN_CMD_ARGS="--chdir api" gunicorn app:app', ['config?:gunicorn:gunicorn.conf.py@', 'module:app:app@api']],
  ['gunicorn -c python:config.gunicorn wsgi', ['module:config.gunicorn@', 'module:wsgi@']],
  ['granian --interface asgi web.asgi:application', ['module:web.asgi:application@']],
  ['granian --interface wsgi --no-ws --reload --workers 4 --working-dir src app.wsgi:app', ['module:app.wsgi:app@src']],
  ['daphne -b 0.0.0.0 -p 8001 --proxy-headers shop.asgi:application', ['module:shop.asgi:application@']],
  ['waitress-serve --listen=*:8080 --call shop:create_app', ['module:shop:create_app@']],
  ['waitress-serve --port 8080 --app=shop.wsgi:app', ['module:shop.wsgi:app@']],
  ['python -m waitress --port=8080 hello:app', ['module:hello:app@']],
  ['uwsgi --http :8000 --master --module shop.wsgi:application --chdir /srv/app', ['module:shop.wsgi:application@'], { cwd: '', pathMap: [{ from: '/srv/app', to: '' }] }],
  ['uwsgi --http-socket :9090 --wsgi-file deploy/app.py --callable app --processes 4', ['file:deploy/app.py']],
  ['uwsgi --ini deploy/uwsgi.ini', ['config:uwsgi:deploy/uwsgi.ini@']],
  ['uwsgi deploy/uwsgi.yaml --enable-threads', ['config:uwsgi:deploy/uwsgi.yaml@']],
  ['uwsgi --mount /api=api.wsgi:app --manage-script-name', ['module:api.wsgi:app@']],
  ['celery -A shop beat -l info -s /tmp/beat-schedule', ['module:shop@']],
  ['celery -A shop flower --port=5555', ['module:shop@']],
  ['flower --app=shop.celery --port 5555', ['module:shop.celery@']],
  ['rq worker -c shop.rq_settings -w shop.workers.LoggingWorker high default', ['module:shop.rq_settings@', 'module?:shop.workers:LoggingWorker@']],
  ['rqworker --path src high', []],
  ['rq info', []],
  ['dramatiq shop.tasks shop.mail -p 2 -t 4 -Q default mail', ['module:shop.tasks@', 'module:shop.mail@']],
  ['dramatiq --path src shop.broker:redis_broker', ['module:shop.broker:redis_broker@src']],
  ['huey_consumer.py shop.tasks.huey -w 4 -k thread', ['module:shop.tasks:huey@']],
  ['huey_consumer shop.main.huey', ['module:shop.main:huey@']],
  ['arq shop.worker.WorkerSettings --watch shop', ['module:shop.worker:WorkerSettings@']],
  ['alembic upgrade head', ['file?:alembic.ini']],
  ['alembic -c db/alembic.ini upgrade head', ['file:db/alembic.ini']],
  ['flask --app shop.web run --host 0.0.0.0', ['module:shop.web@']],
  ['FLASK_APP=src/hello.py flask run', ['file:src/hello.py']],
  ['export FLASK_APP="shop.web:create_app()"; flask db upgrade', ['module:shop.web:create_app@']],
  ['flask run', ['file?:wsgi.py', 'file?:app.py']],
  ['django-admin migrate --settings=shop.settings.prod --pythonpath=src', ['module:shop.settings.prod@src']],
  ['DJANGO_SETTINGS_MODULE=shop.settings django-admin collectstatic --noinput', ['module:shop.settings@']],
  ['python -m django check --settings shop.settings', ['module:shop.settings@']],
  ['django-admin startproject x', []],
  ['hypercorn "svc.asgi:app" --bind 0.0.0.0:8000', ['module:svc.asgi:app@']],
  ['celery -A worker_app worker -l info', ['module:worker_app@']],
  ['celery --app=tasks.celery_app:app beat', ['module:tasks.celery_app:app@']],
  ['celery -A proj --workdir backend worker -Q default', ['module:proj@backend']],
  ['celery --app shop.celeryconf:app beat --scheduler shop.schedulers.schedulers.DatabaseScheduler', ['module:shop.celeryconf:app@', 'module?:shop.schedulers.schedulers:DatabaseScheduler@']],
  ['celery -A shop beat -S django', ['module:shop@', 'module?:django@']],
  // test runners
  ['pytest', ['test:pytest()@']],
  ['py.test tests/test_api.py::TestX::test_y -k smoke', ['test:pytest(tests/test_api.py)@']],
  ['pytest -c ci/pytest.ini tests', ['test:pytest(tests)@', 'file:ci/pytest.ini']],
  ['python -m pytest tests/unit -q', ['test:pytest(tests/unit)@']],
  ['vitest run src/utils', ['test:vitest(src/utils)@']],
  // a file filter the default include does not take runs nothing of its own
  ['vitest ./server/server.ts', ['test:vitest()@']],
  ['vitest run src/a.test.ts', ['test:vitest(src/a.test.ts)@']],
  ['jest src/__tests__/a.js lib/util.js test/test.js', ['test:jest(src/__tests__/a.js,test/test.js)@']],
  ['jest --config jest.config.js', ['test:jest()@', 'file:jest.config.js']],
  ["mocha -r ./test/setup.js 'test/**/*.spec.js'", ['test:mocha(test/**/*.spec.js)@', 'file:test/setup.js']],
  // coverage tools run the command after their options; their report subcommands run nothing
  ['nyc mocha -t 10000 test/project/test.js', ['test:mocha(test/project/test.js)@']],
  ['nyc --reporter lcov --require ./test/setup.js node spec/run.js', ['file:test/setup.js', 'file:spec/run.js']],
  ['c8 --all --reporter=lcov --reporter=text -- mocha spec/a.js', ['test:mocha(spec/a.js)@']],
  ['c8 -r html npm run test', ['npm:test@']],
  ['npx c8 report --reporter=json-summary', []],
  ['nyc check-coverage --lines 90', []],
  ['c8 --check-coverage --lines 90', []],
  ['playwright test e2e/login.spec.ts', ['test:playwright(e2e/login.spec.ts)@']],
  ['npx playwright install --with-deps', []],
  ['stryker run --incremental stryker.custom.conf.ts', ['file:stryker.custom.conf.ts']],
  ['stryker run -c 4 --mutate src/index.js', []],
  ['npx stryker init', []],
  ['node --test test/', ['test:node --test(test)@']],
  ['node --test-reporter=./tools/reporter.mjs --test', ['file:tools/reporter.mjs', 'test:node --test()@']],
  ['node --test-reporter=spec server.js', ['file:server.js']],
  ['node_modules/.bin/vitest run', ['test:vitest()@']],
  // node and friends
  ['node dist/server.js --port 3000', ['file:dist/server.js']],
  ['node -r ./tools/preload.cjs --import ./register.mjs src/main.js', ['file:tools/preload.cjs', 'file:register.mjs', 'file:src/main.js']],
  ['node -r dotenv/config server.js', ['file:server.js']],
  ['node -e "require(\'./x\')"', []],
  // a syntax check parses the file without running it; preloads still load, and a --check after the file is the script's
  ['node --check src/main.js', []],
  ['node -c src/main.js', []],
  ['node -r ./tools/preload.cjs --check src/main.js', ['file:tools/preload.cjs']],
  ['node src/main.js --check', ['file:src/main.js']],
  ['node --version', []],
  ['NODE_OPTIONS="--require ./tools/otel.cjs --max-old-space-size=4096" node server.js', ['file:tools/otel.cjs', 'file:server.js']],
  // every node process reads NODE_OPTIONS, whatever starts it
  ["NODE_OPTIONS='--require ./preload.ts' cross-env c8 assets build", ['file:preload.ts', 'unknown:assets']],
  ['cross-env NODE_OPTIONS="--import ./register.mjs" node dist/main.js', ['file:register.mjs', 'file:dist/main.js']],
  ['export NODE_OPTIONS="-r ./otel.cjs"; pnpm start; pnpm worker', ['file:otel.cjs', 'npm:start@', 'npm:worker@']],
  ['NODE_OPTIONS=--max-old-space-size=4096 vitest run', ['test:vitest()@']],
  ['node --import=./instrument.mjs dist/main.js', ['file:instrument.mjs', 'file:dist/main.js']],
  ['pm2 start ecosystem.config.js --env production', ['file:ecosystem.config.js']],
  ['pm2-runtime start ecosystem.config.cjs', ['file:ecosystem.config.cjs']],
  ['pm2-runtime dist/server.js -i max', ['file:dist/server.js']],
  ['pm2 start worker.py --interpreter python3 --name worker', ['file:worker.py']],
  ['pm2 start npm --name web -- run start:prod', ['npm:start:prod@']],
  ['pm2 logs', []],
  ['nodemon --exec ts-node src/server.ts', ['file:src/server.ts']],
  ['ts-node-dev --respawn --transpile-only src/index.ts', ['file:src/index.ts']],
  ['tsx watch --clear-screen=false src/index.ts', ['file:src/index.ts']],
  ['tsx watch src/index.ts', ['file:src/index.ts']],
  ['vite-node -c vite.config.ts tools/lint.ts tools/fix.ts -- --fix src', ['file:tools/lint.ts', 'file:tools/fix.ts']],
  ['vite-node --script scripts/gen.ts out.json', ['file:scripts/gen.ts']],
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
  ['npm run build --workspace=packages/web', ['ws:npm:packages/web:npm:build@']],
  ['npm -w api -w web test', ['ws:npm:api+web:npm:test@']],
  ['npm run lint --workspaces', ['ws:npm:all:npm:lint@']],
  ['npm ci', []],
  ['yarn build', ['npm:build@']],
  ['yarn run test:unit', ['npm:test:unit@']],
  ['yarn --cwd frontend dev', ['npm:dev@frontend']],
  ['yarn install --frozen-lockfile', []],
  ['yarn workspace web build', ['ws:yarn:web:npm:build@']],
  ['yarn workspace @acme/api run start:prod', ['ws:yarn:@acme/api:npm:start:prod@']],
  ['yarn workspace web add lodash', []],
  ['yarn workspaces foreach -A --exclude root run build', ['ws:yarn:all:npm:build@']],
  ['yarn workspaces run test', ['ws:yarn:all:npm:test@']],
  ['pnpm build', ['npm:build@']],
  ['tsc --project test/tsconfig.json', ['config:tsconfig:test/tsconfig.json@']],
  ['tsc -p packages/core --noEmit', ['config:tsconfig:packages/core/tsconfig.json@']],
  ['tsc -b', ['config?:tsconfig:tsconfig.json@']],
  ['tsc --build packages/a packages/b/tsconfig.build.json', ['config:tsconfig:packages/a/tsconfig.json@', 'config:tsconfig:packages/b/tsconfig.build.json@']],
  ['tsc --noEmit', []],
  ['pnpm -C .. exec tsc --project test/app/tsconfig.json', ['config:tsconfig:test/app/tsconfig.json@'], { cwd: 'test' }],
  ['pnpm -C apps/admin run lint', ['npm:lint@apps/admin']],
  ['pnpm --filter ./packages/core test', ['ws:pnpm:./packages/core:npm:test@']],
  ['pnpm --filter scripts gen-templates --build', ['ws:pnpm:scripts:npm:gen-templates@']],
  ['pnpm -F "@scope/*" -F web... run build', ['ws:pnpm:@scope/*+web...:npm:build@']],
  ['pnpm --filter=./apps/** exec tsx seed.ts', ['ws:pnpm:./apps/**:cmd:tsx seed.ts@']],
  ['pnpm -r --include-workspace-root test', ['ws:pnpm:all+root:npm:test@']],
  ['pnpm -r install', []],
  ['pnpm -w run lint', ['ws:pnpm:root:npm:lint@']],
  ['pnpm -C web --filter ./ui vitest run', ['ws:pnpm:./ui:cmd:vitest run@web']],
  ['pnpm --filter "$PKG" run build', ['unresolved:picks packages computed at run time ($PKG)']],
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
  ['unknown-tool --flag file.py', ['unknown:unknown-tool']],
  ['retry() { local spec="$1"; python tools/check.py "$spec"; }; retry web && retry api', ['file:tools/check.py']],
  ['wait-for-it db:5432 -t 30 -- python app.py', ['file:app.py']],
  ['start-stop-daemon --start --background --chdir /srv/app --exec /srv/app/venv/bin/python -- jobs/poller.py', ['file:jobs/poller.py'], { cwd: '', pathMap: [{ from: '/srv/app', to: '' }] }],
  ['start-stop-daemon --stop --pidfile /run/poller.pid', []],
  ['apt-get update && pip install -r requirements.txt && eslint . && git push', []],
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

// One walk of a line serves every context that differs only in where it runs (cwd, scriptDir):
// the placing is redone per context. Asked from several folders in turn, every row must give what
// a walk of its own gives (a variable the line never reads makes the context's walk its own).
test('a line analysed from one folder after another gives what its own walk gives from each', () => {
  const places: CommandContext[] = [
    { cwd: '' }, { cwd: 'web/app' }, { cwd: '', scriptDir: 'ops' }, { cwd: 'deep/down', scriptDir: 'tools/bin' },
    { cwd: '/opt/app/svc', pathMap: [{ from: '/opt/app', to: '' }] }, { cwd: 'svc', pathMap: [{ from: '/opt/app', to: '' }] },
  ];
  let fresh = 0;
  for (const [command, , ctx] of ROWS) {
    for (const order of [places, [...places].reverse()]) {
      for (const place of ctx ? [ctx, ...order] : order) {
        const shared = analyseCommand(command, place);
        const own = analyseCommand(command, { ...place, env: { ...place.env, [`CENSUS_UNREAD_${fresh++}`]: 'x' } });
        assert.deepEqual(shared, own, `${command} from ${JSON.stringify(place)}`);
      }
    }
  }
});

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

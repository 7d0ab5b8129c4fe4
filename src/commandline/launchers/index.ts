/** The launcher registry: every command word the analyser understands, by name. */
import { alembic } from './alembic.js';
import { arq } from './arq.js';
import { bash } from './bash.js';
import { bun } from './bun.js';
import { celery } from './celery.js';
import { concurrently } from './concurrently.js';
import { coverage } from './coverage.js';
import { jsCoverage } from './js-coverage.js';
import { daphne } from './daphne.js';
import { deno } from './deno.js';
import { djangoAdmin } from './django-admin.js';
import { dramatiq } from './dramatiq.js';
import { evalCommand } from './eval.js';
import { flask } from './flask.js';
import { granian } from './granian.js';
import { gunicorn } from './gunicorn.js';
import { hatch } from './hatch.js';
import { huey } from './huey.js';
import { hypercorn } from './hypercorn.js';
import { jest } from './jest.js';
import { make } from './make.js';
import { mocha } from './mocha.js';
import { node } from './node.js';
import { nodemon } from './nodemon.js';
import { npm } from './npm.js';
import { npmRunAll } from './npm-run-all.js';
import { npx } from './npx.js';
import { pdm } from './pdm.js';
import { pipenv } from './pipenv.js';
import { pipx } from './pipx.js';
import { playwright } from './playwright.js';
import { pm2 } from './pm2.js';
import { pnpm } from './pnpm.js';
import { poetry } from './poetry.js';
import { pytest } from './pytest.js';
import { python } from './python.js';
import { pythonTools } from './python-tools.js';
import { rq } from './rq.js';
import { source } from './source.js';
import { startStopDaemon } from './start-stop-daemon.js';
import { stryker } from './stryker.js';
import { tsNode } from './ts-node.js';
import { tsc } from './tsc.js';
import { tsx } from './tsx.js';
import type { Launcher } from './types.js';
import { unittest } from './unittest.js';
import { uv, uvx } from './uv.js';
import { uvicorn } from './uvicorn.js';
import { uwsgi } from './uwsgi.js';
import { viteNode } from './vite-node.js';
import { vitest } from './vitest.js';
import { waitress } from './waitress.js';
import { WRAPPERS } from './wrappers.js';
import { yarn } from './yarn.js';

export const LAUNCHERS: readonly Launcher[] = [
  alembic, arq, bash, bun, celery, concurrently, coverage, daphne, deno, djangoAdmin, dramatiq, evalCommand, flask, granian, gunicorn, hatch,
  huey, hypercorn, jest, jsCoverage, make, mocha, node, nodemon, npm, npmRunAll, npx, pdm, pipenv, pipx, playwright, pm2, pnpm, poetry, pytest, python,
  pythonTools, rq, source, startStopDaemon, stryker, tsc, tsNode, tsx, unittest, uv, uvx, uvicorn, uwsgi, viteNode, vitest, waitress, yarn, ...WRAPPERS,
];

const BY_NAME = new Map<string, Launcher>();
for (const launcher of LAUNCHERS) for (const name of launcher.names) BY_NAME.set(name, launcher);
const PATTERNS = LAUNCHERS.filter((l) => l.pattern !== undefined);

/** The launcher for a command word (`python3.12`, `uvicorn`), or undefined for programs census does not follow. */
export const launcherFor = (name: string): Launcher | undefined =>
  BY_NAME.get(name) ?? PATTERNS.find((l) => l.pattern?.test(name));


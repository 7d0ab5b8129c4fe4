/**
 * Dockerfiles: CMD/ENTRYPOINT (and HEALTHCHECK CMD) are what the container runs in production;
 * RUN lines are build steps (tooling). CMD after an ENTRYPOINT script is a command of its own only
 * when the script runs its arguments (`exec "$@"`); otherwise it is the script's argument. Each command carries the container's working directory
 * and COPY map back into the repo, relative to the build context: the Dockerfile's folder, or
 * the context a compose file gives when it builds this Dockerfile; what that context's
 * `.dockerignore` leaves out is in no COPY.
 */
import { warning } from '../util/diagnostics.js';
import { mapAbsolute } from '../commandline/paths.js';
import type { PathMapping } from '../commandline/types.js';
import { basename, dirname, joinRepo } from '../util/path.js';
import { composeBuilds } from '../manifests/compose.js';
import { DOCKERFILE } from '../manifests/dockerfile.js';
import { analyseDockerfile, type DockerfileModel } from './support/dockerfile-model.js';
import { readDockerIgnore } from './support/dockerignore.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type DetectorContext, type EntryDetector } from './types.js';

/** Templates (`Dockerfile.j2`) are not Dockerfiles until rendered; docs and backups never are. */
const NOT_A_DOCKERFILE = /\.(j2|jinja2?|tmpl|tpl|template|erb|in|md|rst|txt|orig|bak|swp)$/i;

/** The name's tests first: most paths fail them, and only the few that pass need the exclusions. */
export const isDockerfile = (path: string, name = basename(path)): boolean =>
  (/^(Dockerfile|Containerfile)(\.[\w.-]+)?$/.test(name) || /\.(dockerfile|containerfile)$/i.test(name)) && !NOT_A_DOCKERFILE.test(name);

/**
 * Whether an ENTRYPOINT script runs the CMD it is given (`exec "$@"`): true unless the script is in
 * the repo, has content, and never uses its arguments as a whole (then CMD is an argument such as
 * `serve`, not a command).
 */
const runsItsArguments = (script: string, pathMap: PathMapping[], cwd: string, ctx: DetectorContext): boolean => {
  const repoPath = script.startsWith('/') ? mapAbsolute(script, pathMap) : joinRepo(cwd, script);
  const text = repoPath === null ? null : ctx.manifests.text(repoPath);
  return text === null || text.trim() === '' || /\$\{?[@*]/.test(text);
};

/** A Dockerfile's model with its build context (a compose file's, else its folder) and that context's `.dockerignore`; null when it does not parse. */
export const dockerfileModel = (path: string, ctx: DetectorContext): DockerfileModel | null => {
  const context = composeBuilds(ctx.manifests).get(path)?.context ?? dirname(path);
  const parsed = ctx.manifests.get(path, DOCKERFILE);
  return parsed ? analyseDockerfile(parsed, context, ctx.files, path, readDockerIgnore(context, path, ctx.manifests)) : null;
};

const dockerfile: EntryDetector = {
  id: 'dockerfile',
  title: 'Dockerfiles (CMD, ENTRYPOINT, RUN; WORKDIR and COPY)',
  matches: isDockerfile,
  detect: (file, ctx) => {
    const out = emptyOutput();
    const model = dockerfileModel(file.path, ctx);
    if (!model) return out;
    for (const p of model.problems) out.diagnostics.push(warning('dockerfile/bad-instruction', `malformed Dockerfile: ${p.message}`, file.path, p.line));
    for (const c of model.commands) {
      if (c.entrypointScript && !runsItsArguments(c.entrypointScript, c.pathMap, c.cwd, ctx)) continue;
      addCommand(out, c.command, {
        cwd: c.cwd,
        pathMap: c.pathMap,
        env: c.env,
        kind: c.production ? 'production' : 'tooling',
        evidence: `${file.path} ${c.label}`,
        line: c.line,
      });
    }
    return out;
  },
};

export default dockerfile;

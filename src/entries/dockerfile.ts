/**
 * Dockerfiles: CMD/ENTRYPOINT (and HEALTHCHECK CMD) are what the container runs in production;
 * RUN lines are build steps (tooling). Each command carries the container's working directory
 * and COPY map back into the repo, relative to the build context: the Dockerfile's folder, or
 * the context a compose file gives when it builds this Dockerfile.
 */
import { warning } from '../util/diagnostics.js';
import { basename, dirname } from '../util/path.js';
import { composeBuilds } from './support/compose-file.js';
import { analyseDockerfile } from './support/dockerfile-model.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** Templates (`Dockerfile.j2`) are not Dockerfiles until rendered; docs and backups never are. */
const NOT_A_DOCKERFILE = /\.(j2|jinja2?|tmpl|tpl|template|erb|in|md|rst|txt|orig|bak|swp)$/i;

export const isDockerfile = (path: string): boolean => {
  const name = basename(path);
  if (NOT_A_DOCKERFILE.test(name)) return false;
  return /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
};

const dockerfile: EntryDetector = {
  id: 'dockerfile',
  title: 'Dockerfiles (CMD, ENTRYPOINT, RUN; WORKDIR and COPY)',
  matches: isDockerfile,
  detect: (file, ctx) => {
    const out = emptyOutput();
    const context = composeBuilds(ctx).get(file.path)?.context ?? dirname(file.path);
    const model = analyseDockerfile(file.text, context, ctx.files);
    for (const p of model.problems) out.diagnostics.push(warning('dockerfile/bad-instruction', `malformed Dockerfile: ${p.message}`, file.path, p.line));
    for (const c of model.commands) {
      addCommand(out, c.command, {
        cwd: c.cwd,
        pathMap: c.pathMap,
        kind: c.production ? 'production' : 'tooling',
        evidence: `${file.path} ${c.label}`,
        line: c.line,
      });
    }
    return out;
  },
};

export default dockerfile;

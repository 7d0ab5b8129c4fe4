/**
 * docker-compose files: each service's command/entrypoint runs in production. It runs where the
 * service's image puts it: the working_dir (or the built Dockerfile's WORKDIR) mapped back into
 * the repo through bind mounts and the Dockerfile's COPY lines, relative to the build context,
 * with the image's ENV as its environment.
 */
import { analyseDockerfile } from './support/dockerfile-model.js';
import { readDockerIgnore } from './support/dockerignore.js';
import { addCommand, sortPathMap } from './support/inputs.js';
import { COMPOSE, isComposeFile, type ComposeService } from '../manifests/compose.js';
import { DOCKERFILE } from '../manifests/dockerfile.js';
import { parseEnvFile } from '../manifests/env-file.js';
import { dirname, joinRepo, posix } from '../util/path.js';
import { emptyOutput, type DetectorContext, type EntryDetector } from './types.js';

/**
 * The service's own environment over the image's: its `env_file:` files in order, then
 * `environment:`, whose `${VAR}` / `${VAR:-default}` take values from the `.env` beside the compose
 * file, as compose interpolates them (that `.env` is not itself the container's environment).
 */
const serviceEnv = (service: ComposeService, composePath: string, ctx: DetectorContext): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const file of service.envFiles ?? []) {
    const text = ctx.manifests.text(file);
    if (text !== null) Object.assign(env, parseEnvFile(text));
  }
  const dotEnvPath = joinRepo(dirname(composePath), '.env');
  const dotEnvText = dotEnvPath === null ? null : ctx.manifests.text(dotEnvPath);
  const dotEnv = dotEnvText === null ? {} : parseEnvFile(dotEnvText);
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    env[key] = value.replace(/\$\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|\$([A-Za-z_]\w*)/g, (whole, braced?: string, fallback?: string, bare?: string) => {
      const v = dotEnv[braced ?? bare ?? ''];
      return v !== undefined && v !== '' ? v : (fallback ?? (v ?? whole));
    });
  }
  return env;
};

/** Where the service's command runs and how container paths map back, from its image and mounts. */
const placeOf = (service: ComposeService, composePath: string, ctx: DetectorContext) => {
  let imageMap: { from: string; to: string }[] = [];
  let imageCwd: string | undefined;
  let imageWorkdir = '/';
  let env: Record<string, string> = {};
  if (service.build) {
    const parsed = ctx.manifests.get(service.build.dockerfile, DOCKERFILE);
    if (parsed !== null) {
      const ignore = readDockerIgnore(service.build.context, service.build.dockerfile, ctx.manifests);
      const stages = analyseDockerfile(parsed, service.build.context, ctx.files, service.build.dockerfile, ignore).stages;
      const stage = stages.find((s) => s.name === service.build?.target) ?? stages.at(-1);
      if (stage) ({ pathMap: imageMap, cwd: imageCwd, workdir: imageWorkdir, env } = stage);
    }
  }
  env = { ...env, ...serviceEnv(service, composePath, ctx) };
  const pathMap = sortPathMap([...service.binds, ...imageMap]);
  const workdir = service.workingDir ?? imageWorkdir;
  const mapped = pathMap.find((m) => workdir === m.from || workdir.startsWith(`${m.from}/`));
  const cwd = mapped ? joinRepo(mapped.to, posix.relative(mapped.from, workdir)) : null;
  return { cwd: cwd ?? imageCwd ?? service.build?.context ?? dirname(composePath), pathMap, env };
};

const compose: EntryDetector = {
  id: 'compose',
  title: 'docker-compose services (command, entrypoint, build context)',
  matches: isComposeFile,
  detect: (file, ctx) => {
    const out = emptyOutput();
    for (const s of ctx.manifests.get(file.path, COMPOSE) ?? []) {
      if (!s.command && !s.entrypoint) continue;
      const { cwd, pathMap, env } = placeOf(s, file.path, ctx);
      const evidence = `compose ${file.path} service "${s.name}"`;
      if (s.entrypoint) {
        const text = s.command ? `${s.entrypoint.text} ${s.command.text}` : s.entrypoint.text;
        addCommand(out, text, { cwd, pathMap, env, kind: 'production', evidence: `${evidence} ${s.command ? 'entrypoint+command' : 'entrypoint'}`, line: s.entrypoint.line });
      } else if (s.command) {
        addCommand(out, s.command.text, { cwd, pathMap, env, kind: 'production', evidence: `${evidence} command`, line: s.command.line });
      }
    }
    return out;
  },
};

export default compose;

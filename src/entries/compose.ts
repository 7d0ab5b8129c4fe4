/**
 * docker-compose files: each service's command/entrypoint runs in production. It runs where the
 * service's image puts it: the working_dir (or the built Dockerfile's WORKDIR) mapped back into
 * the repo through bind mounts and the Dockerfile's COPY lines, relative to the build context,
 * with the image's ENV and the service's environment as its environment. A service built from a
 * Dockerfile without a command of its own runs the image's CMD/ENTRYPOINT with that environment,
 * so the scripts the image runs see the service's variables too (`PYTHONPATH`). Commands are
 * interpolated as compose does (`${VAR}` from the `.env` beside the compose file, `$$`). A
 * service running a Docker Official Image (`mongo:latest`) with no repo folder bind-mounted runs
 * only that image's software: its command is not read.
 *
 * An image runs the scripts mounted into its init folder when the container starts: the official
 * postgres, mysql, mariadb and mongo images those in `/docker-entrypoint-initdb.d`, nginx's in
 * `/docker-entrypoint.d`, LocalStack's in `/etc/localstack/init/<stage>.d`. A bind of a repo script
 * (or of a repo folder: the scripts directly in it) there is an entry of the service, whose kind
 * is test when the compose file sits in a test folder (a suite's databases and emulators).
 */
import { TEST_FOLDER } from '../util/test-folder.js';
import { analyseDockerfile, type DockerCommand } from './support/dockerfile-model.js';
import { readDockerIgnore } from './support/dockerignore.js';
import { interpolate } from './support/interpolate.js';
import { addCommand, sortPathMap } from './support/inputs.js';
import { COMPOSE, isComposeFile, type ComposeService } from '../manifests/compose.js';
import { DOCKERFILE } from '../manifests/dockerfile.js';
import { parseEnvFile } from '../manifests/env-file.js';
import { pathsInDir } from '../util/file-index.js';
import { dirname, joinRepo, posix } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import type { EntryKind } from '../model/verdict.js';
import { emptyOutput, type DetectorContext, type EntryDetector } from './types.js';

/** A Docker Official Image (`mongo:latest`, `library/postgres`): the registry's own software, never the repo's. */
const OFFICIAL_IMAGE = /^(?:(?:docker\.io\/)?library\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[\w.-]+)?(?:@sha256:[a-f0-9]+)?$/;

/** Folders whose scripts an image runs when its container starts. */
const INIT_FOLDERS = ['/docker-entrypoint-initdb.d', '/docker-entrypoint.d', '/etc/localstack/init/boot.d', '/etc/localstack/init/start.d', '/etc/localstack/init/ready.d', '/etc/localstack/init/shutdown.d'];
/** What those folders run: shell scripts (`.envsh`: nginx sources them), and Python for LocalStack. */
const INIT_SCRIPT = /\.(?:sh|envsh|py)$/;

/** The scripts a service's binds put in an image's init folders, with the folder each runs from. */
const initScripts = (service: ComposeService, files: ReadonlySet<string>): { path: string; folder: string }[] => {
  const out: { path: string; folder: string }[] = [];
  for (const bind of service.binds) {
    const folder = INIT_FOLDERS.find((f) => bind.from === f || bind.from.startsWith(`${f}/`));
    if (folder === undefined) continue;
    if (bind.from === folder) {
      for (const path of pathsInDir(files, bind.to)) if (INIT_SCRIPT.test(path)) out.push({ path, folder });
    } else if (files.has(bind.to) && INIT_SCRIPT.test(bind.from)) out.push({ path: bind.to, folder });
  }
  return out;
};

/** Start instructions a service without its own command runs (not RUN build steps). */
const START_LABELS = new Set(['CMD', 'ENTRYPOINT', 'ENTRYPOINT+CMD', 'HEALTHCHECK']);

/** The `.env` beside the compose file: what compose interpolates `${VAR}` with (not itself the container's environment). */
const dotEnvOf = (composePath: string, ctx: DetectorContext): Record<string, string> => {
  const path = joinRepo(dirname(composePath), '.env');
  const text = path === null ? null : ctx.manifests.text(path);
  return text === null ? {} : parseEnvFile(text);
};

/**
 * The service's own environment over the image's: its `env_file:` files in order, then
 * `environment:`, interpolated from the `.env`; a pass-through name (`- FOO`) takes the `.env`'s
 * value. A value census cannot know (a variable the `.env` does not set, which the shell may) is
 * `unset`: the command sees it as computed, never as the text `${VAR}`.
 */
const serviceEnv = (service: ComposeService, dotEnv: Record<string, string>, ctx: DetectorContext): { env: Record<string, string>; unset: string[] } => {
  const env: Record<string, string> = {};
  const unset: string[] = [];
  for (const file of service.envFiles ?? []) {
    const text = ctx.manifests.text(file);
    if (text !== null) Object.assign(env, parseEnvFile(text));
  }
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    const { text, unknown } = interpolate(value, (name) => dotEnv[name], { dollarEscape: true });
    if (unknown.length === 0) env[key] = text;
    else {
      delete env[key];
      unset.push(key);
    }
  }
  for (const key of service.passThrough ?? []) {
    if (dotEnv[key] !== undefined) env[key] = dotEnv[key];
    else unset.push(key);
  }
  return { env, unset };
};

/** Where the service's command runs, how container paths map back, its environment, and the image's start commands. */
const placeOf = (service: ComposeService, composePath: string, dotEnv: Record<string, string>, ctx: DetectorContext) => {
  let imageMap: { from: string; to: string }[] = [];
  let imageCwd: string | undefined;
  let imageWorkdir = '/';
  let env: Record<string, string> = {};
  let start: DockerCommand[] = [];
  if (service.build) {
    const parsed = ctx.manifests.get(service.build.dockerfile, DOCKERFILE);
    if (parsed !== null) {
      const ignore = readDockerIgnore(service.build.context, service.build.dockerfile, ctx.manifests);
      const model = analyseDockerfile(parsed, service.build.context, ctx.files, service.build.dockerfile, ignore);
      const stage = model.stages.find((s) => s.name === service.build?.target) ?? model.stages.at(-1);
      if (stage) {
        ({ pathMap: imageMap, cwd: imageCwd, workdir: imageWorkdir, env } = stage);
        start = model.commands.filter((c) => c.stage === stage.name && c.production && START_LABELS.has(c.label));
      }
    }
  }
  const own = serviceEnv(service, dotEnv, ctx);
  env = { ...env, ...own.env };
  for (const key of own.unset) delete env[key];
  const pathMap = sortPathMap([...service.binds, ...imageMap]);
  const workdir = service.workingDir ?? imageWorkdir;
  const mapped = pathMap.find((m) => workdir === m.from || workdir.startsWith(`${m.from}/`));
  const cwd = mapped ? joinRepo(mapped.to, posix.relative(mapped.from, workdir)) : null;
  return { cwd: cwd ?? imageCwd ?? service.build?.context ?? dirname(composePath), pathMap, env, start };
};

const compose: EntryDetector = {
  id: 'compose',
  title: 'docker-compose services (command, entrypoint, build context, environment)',
  matches: isComposeFile,
  candidates: { extensions: ['yml', 'yaml'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const dotEnv = dotEnvOf(file.path, ctx);
    // Compose interpolates the file itself: a `${VAR}` the .env does not set stays for the analyser to call computed.
    const expand = (text: string) => interpolate(text, (name) => dotEnv[name], { dollarEscape: true }).text;
    const initKind: EntryKind = TEST_FOLDER.test(file.path) ? 'test' : 'production';
    for (const s of ctx.manifests.get(file.path, COMPOSE) ?? []) {
      for (const { path, folder } of initScripts(s, ctx.files)) {
        out.entries.push(fileEntry(path, initKind, `compose ${file.path} service "${s.name}" mounts it into ${folder}, whose scripts ${s.image ? `the image ${s.image}` : 'the image'} runs when the container starts`, s.line));
      }
      if (!s.command && !s.entrypoint && !s.build) continue;
      // An official image with no repo folder mounted holds nothing of the repo: its command (`--storageEngine=wiredTiger`,
      // `postgres -c …`) runs the image's own program, which is not the repo's to account for.
      if (!s.build && s.image && OFFICIAL_IMAGE.test(s.image) && s.binds.length === 0) continue;
      const { cwd, pathMap, env, start } = placeOf(s, file.path, dotEnv, ctx);
      const evidence = `compose ${file.path} service "${s.name}"`;
      if (s.entrypoint) {
        const text = s.command ? `${s.entrypoint.text} ${s.command.text}` : s.entrypoint.text;
        addCommand(out, expand(text), { cwd, pathMap, env, kind: 'production', evidence: `${evidence} ${s.command ? 'entrypoint+command' : 'entrypoint'}`, line: s.entrypoint.line });
      } else if (s.command) {
        addCommand(out, expand(s.command.text), { cwd, pathMap, env, kind: 'production', evidence: `${evidence} command`, line: s.command.line });
      } else {
        // The image's own start, with the service's environment (the Dockerfile detector reads it with the image's alone).
        for (const c of start) {
          addCommand(out, c.command, { cwd: s.workingDir ? cwd : c.cwd, pathMap, env, kind: 'production', evidence: `${evidence} runs the image's ${c.label} (${s.build?.dockerfile}:${c.line})`, line: s.line });
        }
      }
    }
    return out;
  },
};

export default compose;

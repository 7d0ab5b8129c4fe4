/**
 * docker-compose / compose files read into services: command, entrypoint, build (context,
 * Dockerfile, target), working_dir and bind mounts. Shared by the compose detector and by the
 * Dockerfile detector, which needs a compose file's build context for its COPY sources; parsed
 * once per scan through the store, whose YAML problems are reported once.
 */
import { basename, dirname, joinRepo, posix } from '../util/path.js';
import { joinWords } from '../util/shell-words.js';
import type { ManifestFormat, Manifests } from './store.js';
import type { NameKeys } from '../util/file-index.js';
import { parseYamlFile, type YamlDoc, type YamlNode } from './yaml.js';

/** The extensions of every name isComposeFile accepts, for `Manifests.all`. */
export const COMPOSE_FILE_NAMES: NameKeys = { extensions: ['yml', 'yaml'] };

export const isComposeFile = (path: string): boolean =>
  (path.endsWith('.yml') || path.endsWith('.yaml')) && /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(basename(path));

export interface ComposeBuild {
  context: string;
  dockerfile: string;
  target?: string;
}

export interface ComposeService {
  name: string;
  line: number;
  /** `entrypoint` and `command` as shell text (lists joined and quoted), with their lines. */
  entrypoint?: { text: string; line: number };
  command?: { text: string; line: number };
  build?: ComposeBuild;
  /** `image:` as written. */
  image?: string;
  workingDir?: string;
  /** Bind mounts: container path → repo path. */
  binds: { from: string; to: string }[];
  /** `environment:` (map or `K=V` list), values as written (`${VAR}` not yet interpolated). */
  environment?: Record<string, string>;
  /** `environment:` names given without a value (`- FOO`, `FOO:`): compose takes them from its own environment. */
  passThrough?: string[];
  /** `env_file:` entries as repo paths, in order (later files win). */
  envFiles?: string[];
}

const readEnvironment = (y: YamlDoc, node: YamlNode): { values?: Record<string, string>; passThrough?: string[] } => {
  const values: Record<string, string> = {};
  const passThrough: string[] = [];
  if (y.isSeq(node)) {
    for (const item of y.items(node)) {
      const m = /^([A-Za-z_]\w*)(?:=(.*))?$/.exec((y.str(item) ?? '').trim());
      if (m && m[2] !== undefined) values[m[1]] = m[2];
      else if (m) passThrough.push(m[1]);
    }
  } else for (const [key, value] of y.entries(node)) {
    const text = y.str(value);
    if (text !== undefined) values[key] = text;
    else if (!y.isMap(value) && !y.isSeq(value)) passThrough.push(key);
  }
  return { ...(Object.keys(values).length > 0 ? { values } : {}), ...(passThrough.length > 0 ? { passThrough } : {}) };
};

const readEnvFiles = (y: YamlDoc, node: YamlNode, composeDir: string): string[] | undefined => {
  const single = y.str(node);
  const names = single !== undefined ? [single] : y.items(node).map((n) => y.str(n) ?? y.str(y.get(n, 'path')) ?? '');
  const paths = names.filter((n) => n !== '' && !n.startsWith('/')).flatMap((n) => joinRepo(composeDir, n) ?? []);
  return paths.length > 0 ? paths : undefined;
};

const commandText = (y: YamlDoc, node: YamlNode): { text: string; line: number } | undefined => {
  if (y.isSeq(node)) {
    const words = y.items(node).map((n) => y.str(n) ?? '');
    return { text: joinWords(words), line: y.lineOf(node) };
  }
  const text = y.str(node);
  return text === undefined ? undefined : { text, line: y.lineOf(node) };
};

const readBuild = (y: YamlDoc, node: YamlNode, composeDir: string): ComposeBuild | undefined => {
  const asString = y.str(node);
  const context = asString ?? y.str(y.get(node, 'context')) ?? '.';
  if (asString === undefined && !y.isMap(node)) return undefined;
  if (/^[a-z]+:\/\/|^git@|\.git(#|$)/i.test(context) || context.startsWith('/')) return undefined;
  const contextDir = joinRepo(composeDir, context);
  if (contextDir === null) return undefined;
  const file = (asString === undefined ? y.str(y.get(node, 'dockerfile')) : undefined) ?? 'Dockerfile';
  const dockerfile = file.startsWith('/') ? null : joinRepo(contextDir, file);
  if (dockerfile === null) return undefined;
  const target = asString === undefined ? y.str(y.get(node, 'target')) : undefined;
  return target ? { context: contextDir, dockerfile, target } : { context: contextDir, dockerfile };
};

const readBinds = (y: YamlDoc, node: YamlNode, composeDir: string): { from: string; to: string }[] => {
  const out: { from: string; to: string }[] = [];
  for (const v of y.items(node)) {
    let source: string | undefined;
    let target: string | undefined;
    const short = y.str(v);
    if (short !== undefined) {
      const parts = short.split(':');
      [source, target] = parts;
    } else if (y.str(y.get(v, 'type')) === 'bind') {
      source = y.str(y.get(v, 'source'));
      target = y.str(y.get(v, 'target'));
    }
    if (!source || !target || !source.startsWith('.') || !target.startsWith('/')) continue;
    const to = joinRepo(composeDir, source);
    if (to !== null) out.push({ from: posix.normalize(target).replace(/(.)\/$/, '$1'), to });
  }
  return out;
};

const readComposeServices = (text: string, path: string) => {
  const { docs, diagnostics } = parseYamlFile(text, path);
  const services: ComposeService[] = [];
  const composeDir = dirname(path);
  for (const y of docs) {
    for (const [name, node, line] of y.entries(y.get(y.root, 'services'))) {
      const service: ComposeService = { name, line, binds: readBinds(y, y.get(node, 'volumes'), composeDir) };
      const entrypoint = commandText(y, y.get(node, 'entrypoint'));
      const command = commandText(y, y.get(node, 'command'));
      const build = readBuild(y, y.get(node, 'build'), composeDir);
      const workingDir = y.str(y.get(node, 'working_dir'));
      const image = y.str(y.get(node, 'image'));
      if (image) service.image = image;
      if (entrypoint) service.entrypoint = entrypoint;
      if (command) service.command = command;
      if (build) service.build = build;
      if (workingDir) service.workingDir = workingDir;
      const { values: environment, passThrough } = readEnvironment(y, y.get(node, 'environment'));
      const envFiles = readEnvFiles(y, y.get(node, 'env_file'), composeDir);
      if (environment) service.environment = environment;
      if (passThrough) service.passThrough = passThrough;
      if (envFiles) service.envFiles = envFiles;
      services.push(service);
    }
  }
  return { services, diagnostics };
};

export const COMPOSE: ManifestFormat<ComposeService[]> = {
  id: 'compose',
  parse: (text, path) => {
    const { services, diagnostics } = readComposeServices(text, path);
    return { value: services, diagnostics };
  },
};

/** Every Dockerfile that a compose file builds, with its build context (once per scan). */
export const composeBuilds = (manifests: Manifests): Map<string, ComposeBuild> =>
  manifests.derive('compose-builds', () => {
    const builds = new Map<string, ComposeBuild>();
    for (const path of manifests.all(isComposeFile, COMPOSE_FILE_NAMES)) {
      for (const s of manifests.get(path, COMPOSE) ?? []) {
        if (s.build && !builds.has(s.build.dockerfile)) builds.set(s.build.dockerfile, s.build);
      }
    }
    return builds;
  });

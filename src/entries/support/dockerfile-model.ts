/**
 * What a Dockerfile runs and where its files land. Per build stage: WORKDIR (with ENV/ARG
 * substitution), COPY/ADD from the build context (→ a map from container paths back to repo
 * paths), RUN build steps, CMD/ENTRYPOINT (exec and shell form, combined as Docker combines
 * them) and HEALTHCHECK CMD. A stage built `FROM` an earlier stage inherits its state.
 *
 * ARG and ENV: values (with `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR:?err}`; support/interpolate.ts) expand in later instructions, a
 * stage's `ARG X` takes the default of a global `ARG X` before the first FROM, and every command
 * carries the variables set so far as its environment, so `$APP_HOME/x.py` in CMD, RUN or
 * HEALTHCHECK (and in the scripts the image runs) expands as it would in the container.
 *
 * COPY mapping: a folder source maps the destination folder to it (`COPY web/ /srv/web/` →
 * /srv/web ↔ web); a file source maps the destination file (`COPY run.py /app/` → /app/run.py ↔
 * run.py); a glob source maps the destination folder to the glob's folder. Sources are relative
 * to the build context; `--from=<stage>` copies map through that stage's own map (an image that
 * is not a stage of this file maps nothing). Each mapping is labelled with its COPY line, which
 * the evidence of a file reached through it names.
 *
 * `.dockerignore`: what the build context leaves out is in no COPY. A mapping lists the ignored
 * repo paths it would carry as `excluded` (the source itself when it is ignored, else those below
 * a folder), each with its pattern in `excludedBy`, so a container path that would land on one maps
 * to no repo file and the command naming it says which pattern left it out.
 */
import { joinRepo, posix } from '../../util/path.js';
import { execForm, splitFlags, type Instruction, type InstructionProblem, type ParsedDockerfile } from '../../manifests/dockerfile.js';
import type { PathMapping } from '../../commandline/types.js';
import { allFolders } from './deploy-dir.js';
import { byString } from '../../util/compare.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { sortPathMap } from './inputs.js';
import { joinWords } from '../../util/shell-words.js';
import type { DockerIgnore } from './dockerignore.js';
import { interpolate } from './interpolate.js';

export type DockerInstruction = 'RUN' | 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';

export interface DockerCommand {
  /** `CMD`, `ENTRYPOINT`, `ENTRYPOINT+CMD`, `RUN`, `HEALTHCHECK`, `CMD (after the ENTRYPOINT script)`. */
  label: string;
  production: boolean;
  command: string;
  line: number;
  cwd: string;
  pathMap: PathMapping[];
  /** ENV and ARG values set before the instruction: the command's environment. */
  env: Record<string, string>;
  /** For `CMD (after the ENTRYPOINT script)`: the script, as the image names it. */
  entrypointScript?: string;
  /** The build stage whose instruction it is (its name, or its index as text). */
  stage: string;
}

export interface DockerStage {
  name: string;
  /** Repo folder the container's working directory maps to. */
  cwd: string;
  workdir: string;
  pathMap: PathMapping[];
  env: Record<string, string>;
}

export interface DockerfileModel {
  commands: DockerCommand[];
  stages: DockerStage[];
  problems: InstructionProblem[];
}

type Form = { words: string[] } | { text: string };

/** Where a container path's files come from: the repo path, the COPY line, and what .dockerignore leaves out below it. */
interface Copied {
  to: string;
  label: string;
  excluded?: string[];
  excludedBy?: Record<string, string>;
}

interface StageState {
  name: string;
  workdir: string;
  env: Map<string, string>;
  /** Container path → repo path, with the COPY line that put it there. */
  copies: Map<string, Copied>;
  cmd?: Form & { line: number };
  entrypoint?: Form & { line: number };
  declaresStart: boolean;
}

const GLOB = /[*?[]/;
const HEREDOC_MARKER = /<<-?(["']?)[A-Za-z_]\w*\1/g;
const SHELL_ONLY = /^(\/usr)?(\/bin\/)?(ba|da|z)?sh(\s+-[a-z]+)*$/;

/** `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR:?err}` as Docker expands them in WORKDIR/COPY/ENV; an unknown one stays as written. */
const substitute = (text: string, env: Map<string, string>): string => interpolate(text, (name) => env.get(name)).text;

const parseEnv = (args: string, env: Map<string, string>): void => {
  const unquote = (v: string) => v.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  if (!/^[A-Za-z_]\w*=/.test(args)) {
    const m = /^([A-Za-z_]\w*)\s+(.*)$/.exec(args);
    if (m) env.set(m[1], substitute(unquote(m[2].trim()), env));
    return;
  }
  for (const m of args.matchAll(/([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) env.set(m[1], substitute(unquote(m[2]), env));
};

const toForm = (args: string, line: number, problems: InstructionProblem[]): Form & { line: number } => {
  const words = execForm(args);
  if (!words && args.startsWith('[')) problems.push({ line, message: 'looks like the JSON exec form but is not valid JSON; Docker runs it as a shell command' });
  return words ? { words, line } : { text: args, line };
};

const formText = (f: Form): string => ('words' in f ? joinWords(f.words) : f.text);

/** `path` is the Dockerfile's repo path, for the labels of its COPY lines. */
export const analyseDockerfile = (
  parsed: ParsedDockerfile,
  contextDir: string,
  files: ReadonlySet<string>,
  path = 'Dockerfile',
  ignore: DockerIgnore | null = null,
): DockerfileModel => {
  const { instructions } = parsed;
  // The parsed file is shared through the store: its problems are copied, never added to.
  const problems = [...parsed.problems];
  const commands: DockerCommand[] = [];
  const stages: DockerStage[] = [];
  const finished = new Map<string, StageState>();
  const globalArgs = new Map<string, string>();
  let stage: StageState | null = null;

  const pathMapOf = (s: StageState) => sortPathMap([...s.copies].map(([from, c]) => ({ from, ...c })));
  const envOf = (s: StageState) => Object.fromEntries(s.env);
  const toRepo = (s: StageState, containerPath: string): string | null => {
    for (const { from, to } of pathMapOf(s)) {
      if (containerPath === from) return to;
      if (containerPath.startsWith(`${from}/`)) return joinRepo(to, containerPath.slice(from.length + 1));
    }
    return null;
  };
  const cwdOf = (s: StageState) => toRepo(s, s.workdir) ?? contextDir;
  const isRepoDir = (p: string) => allFolders(files).has(p);
  /** What .dockerignore leaves out of a copied path, with the pattern for each: the path itself, or the paths below a folder. */
  const exclusions = (repo: string, folder: boolean): Pick<Copied, 'excluded' | 'excludedBy'> => {
    const excluded = ignore === null ? undefined : ignore.ignored(repo) && (files.has(repo) || !ignore.reincludes) ? [repo] : folder ? excludedUnder(repo) : undefined;
    if (!excluded || !ignore) return {};
    const excludedBy: Record<string, string> = {};
    for (const e of excluded) excludedBy[e] = ignore.ignoredBy(e) ?? ignore.file;
    return { excluded, excludedBy };
  };
  /** The ignored repo paths below a copied folder: the topmost ignored folder stands for its files unless a `!` pattern could re-include one. */
  const excludedUnder = (dir: string): string[] | undefined => {
    if (!ignore) return undefined;
    const found = new Set<string>();
    const prefix = dir === '' ? '' : `${dir}/`;
    for (const f of pathsWithPrefix(files, prefix)) {
      if (!ignore.ignored(f)) continue;
      let top = f;
      if (!ignore.reincludes) {
        const parts = f.slice(prefix.length).split('/');
        for (let i = 1; i < parts.length; i++) {
          const folder = prefix + parts.slice(0, i).join('/');
          if (ignore.ignored(folder)) {
            top = folder;
            break;
          }
        }
      }
      found.add(top);
    }
    return found.size > 0 ? [...found].sort(byString) : undefined;
  };
  /** What a `--from` copy of `repo` still leaves out: the earlier mapping's exclusions below it. */
  const excludedFrom = (s: StageState, repo: string): Pick<Copied, 'excluded' | 'excludedBy'> => {
    const excludedBy: Record<string, string> = {};
    for (const c of s.copies.values()) {
      for (const e of c.excluded ?? []) if (e === repo || e.startsWith(`${repo}/`) || repo.startsWith(`${e}/`)) excludedBy[e] ??= c.excludedBy?.[e] ?? '';
    }
    const excluded = Object.keys(excludedBy).sort(byString);
    return excluded.length > 0 ? { excluded, excludedBy } : {};
  };

  const copy = (s: StageState, ins: Instruction) => {
    const { flags, words } = splitFlags(substitute(ins.args, s.env));
    if (ins.heredocs.length > 0 || words.length < 2) return;
    const label = `${path}:${ins.line} ${ins.keyword} ${ins.args.replace(/\s+/g, ' ')}`;
    const sources = words.slice(0, -1);
    const rawDest = words[words.length - 1];
    if (/\$/.test(rawDest)) return;
    const dest = posix.normalize(rawDest.startsWith('/') ? rawDest : posix.join(s.workdir, rawDest)).replace(/(.)\/$/, '$1');
    const destIsDir = rawDest.endsWith('/') || rawDest === '.' || sources.length > 1;
    if (flags.has('from')) {
      // From an earlier stage: its files are where that stage's own COPY lines put them.
      const from = flags.get('from') ?? '';
      const stage = finished.get(from.toLowerCase()) ?? (/^\d+$/.test(from) ? [...finished.values()][Number(from)] : undefined);
      if (!stage) return;
      for (const src of sources) {
        if (GLOB.test(src) || /\$/.test(src)) continue;
        const abs = posix.normalize(src.startsWith('/') ? src : posix.join(stage.workdir, src)).replace(/(.)\/$/, '$1');
        const repo = toRepo(stage, abs);
        if (repo === null) continue;
        const isDir = src.endsWith('/') || (!files.has(repo) && isRepoDir(repo));
        s.copies.set(isDir || !destIsDir ? dest : posix.join(dest, posix.basename(repo)), { to: repo, label, ...excludedFrom(stage, repo) });
      }
      return;
    }
    for (const src of sources) {
      if (/^[a-z]+:\/\//i.test(src) || /\$/.test(src)) continue;
      const globbed = GLOB.test(src);
      const repoSrc = joinRepo(contextDir, globbed ? posix.dirname(src.split(/[*?[]/)[0] + 'x') : src);
      if (repoSrc === null) continue;
      // A source the build context leaves out is still mapped, as excluded: a command naming it is told why it is not there.
      if (globbed || src.endsWith('/') || src === '.' || (!files.has(repoSrc) && isRepoDir(repoSrc))) {
        s.copies.set(dest, { to: repoSrc, label, ...exclusions(repoSrc, true) });
      } else s.copies.set(destIsDir ? posix.join(dest, posix.basename(repoSrc)) : dest, { to: repoSrc, label, ...exclusions(repoSrc, false) });
    }
  };

  const emit = (s: StageState, label: string, command: string, line: number, production: boolean, entrypointScript?: string) => {
    if (command.trim() === '') return;
    commands.push({ label, production, command, line, cwd: cwdOf(s), pathMap: pathMapOf(s), env: envOf(s), stage: s.name, ...(entrypointScript ? { entrypointScript } : {}) });
  };

  const finishStage = (s: StageState) => {
    stages.push({ name: s.name, cwd: cwdOf(s), workdir: s.workdir, pathMap: pathMapOf(s), env: envOf(s) });
    finished.set(s.name.toLowerCase(), s);
    if (!s.declaresStart) return;
    const { cmd, entrypoint } = s;
    if (entrypoint && cmd && 'words' in entrypoint) {
      const tail = 'words' in cmd ? cmd.words : ['/bin/sh', '-c', cmd.text];
      emit(s, 'ENTRYPOINT+CMD', joinWords([...entrypoint.words, ...tail]), Math.max(cmd.line, entrypoint.line), true);
      // An entrypoint script almost always ends in `exec "$@"`: what CMD names is what runs.
      if (entrypoint.words.length === 1 && /(\.sh|entrypoint[^/]*)$/i.test(entrypoint.words[0])) {
        emit(s, 'CMD (after the ENTRYPOINT script)', formText(cmd), cmd.line, true, entrypoint.words[0]);
      }
    } else if (entrypoint) {
      emit(s, 'ENTRYPOINT', formText(entrypoint), entrypoint.line, true);
    } else if (cmd) {
      emit(s, 'CMD', formText(cmd), cmd.line, true);
    }
  };

  for (const ins of instructions) {
    if (ins.keyword === 'ARG') {
      const m = /^([A-Za-z_]\w*)(?:=(.*))?$/.exec(ins.args.trim());
      if (!m) continue;
      const vars = stage ? stage.env : globalArgs;
      if (m[2] !== undefined) vars.set(m[1], substitute(m[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'), vars));
      // `ARG X` inside a stage brings in the global default; a build-time value census cannot know.
      else if (stage && globalArgs.has(m[1]) && !stage.env.has(m[1])) stage.env.set(m[1], globalArgs.get(m[1]) ?? '');
      continue;
    }
    if (ins.keyword === 'FROM') {
      if (stage) finishStage(stage);
      const m = /^(?:--\S+\s+)*(\S+)(?:\s+as\s+(\S+))?/i.exec(substitute(ins.args, globalArgs));
      const base = m ? finished.get(m[1].toLowerCase()) : undefined;
      const name = m?.[2] ?? String(stages.length);
      stage = base
        ? { name, workdir: base.workdir, env: new Map(base.env), copies: new Map(base.copies), cmd: base.cmd, entrypoint: base.entrypoint, declaresStart: false }
        : { name, workdir: '/', env: new Map(), copies: new Map(), declaresStart: false };
      continue;
    }
    stage ??= { name: '0', workdir: '/', env: new Map(), copies: new Map(), declaresStart: false };
    switch (ins.keyword) {
      case 'ENV':
        parseEnv(ins.args, stage.env);
        break;
      case 'WORKDIR': {
        const dir = substitute(ins.args.replace(/^"(.*)"$/, '$1'), stage.env);
        stage.workdir = posix.normalize(dir.startsWith('/') ? dir : posix.join(stage.workdir, dir)).replace(/(.)\/$/, '$1');
        break;
      }
      case 'COPY':
      case 'ADD':
        copy(stage, ins);
        break;
      case 'RUN': {
        const body = ins.args.replace(/^(--\S+\s+)*/, '');
        const exec = execForm(body);
        if (exec) {
          emit(stage, 'RUN', joinWords(exec), ins.line, false);
          break;
        }
        // `RUN <<EOF` and `RUN bash <<EOF` run the here-document as the script.
        const shellOnly = body.replace(HEREDOC_MARKER, '').trim();
        const inline = ins.heredocs.length > 0 && (shellOnly === '' || SHELL_ONLY.test(shellOnly));
        emit(stage, 'RUN', inline ? ins.heredocs.join('\n') : body, inline ? ins.line + 1 : ins.line, false);
        break;
      }
      case 'CMD':
        stage.cmd = toForm(ins.args, ins.line, problems);
        stage.declaresStart = true;
        break;
      case 'ENTRYPOINT':
        stage.entrypoint = toForm(ins.args, ins.line, problems);
        stage.declaresStart = true;
        break;
      case 'HEALTHCHECK': {
        const m = /^(?:--\S+\s+)*CMD\s+([\s\S]+)$/i.exec(ins.args);
        if (m) emit(stage, 'HEALTHCHECK', formText(toForm(m[1].trim(), ins.line, problems)), ins.line, true);
        break;
      }
    }
  }
  if (stage) finishStage(stage);
  return { commands, stages, problems: problems.sort((a, b) => a.line - b.line) };
};

/**
 * Poetry keeps out-of-project environments in its cache under a name derived from the project
 * name and a hash of the project folder (`myproj-Ab3dE9xY-py3.11`); compute that name instead of
 * asking poetry, which would mean running a tool from the repo's toolchain.
 */
import { createHash } from 'node:crypto';
import { homedir, platform } from 'node:os';
import { readDirNames, realpathOrNull } from '../../../util/fs.js';
import { joinAbsolute } from '../../../util/path.js';

/** poetry's EnvManager.generate_env_name, without the `-pyX.Y` suffix. */
export const poetryEnvNamePrefix = (projectName: string, projectDirAbs: string): string => {
  const sanitized = projectName.toLowerCase().replace(/[ $`!*@"\\\r\n\t]/g, '_').slice(0, 42);
  const cwd = platform() === 'win32' ? projectDirAbs.toLowerCase() : projectDirAbs;
  const hash = createHash('sha256').update(cwd, 'utf8').digest('base64url').slice(0, 8);
  return `${sanitized}-${hash}`;
};

const poetryVirtualenvsDir = (env: NodeJS.ProcessEnv): string | null => {
  if (env.POETRY_VIRTUALENVS_PATH) return env.POETRY_VIRTUALENVS_PATH;
  if (env.POETRY_CACHE_DIR) return joinAbsolute(env.POETRY_CACHE_DIR, 'virtualenvs');
  const home = homedir();
  const os = platform();
  if (os === 'win32') return env.LOCALAPPDATA ? joinAbsolute(env.LOCALAPPDATA, 'pypoetry', 'Cache', 'virtualenvs') : null;
  if (os === 'darwin') return home ? joinAbsolute(home, 'Library', 'Caches', 'pypoetry', 'virtualenvs') : null;
  const cache = env.XDG_CACHE_HOME || (home ? joinAbsolute(home, '.cache') : null);
  return cache ? joinAbsolute(cache, 'pypoetry', 'virtualenvs') : null;
};

/** The poetry cache environments of this project, newest Python first. */
export const findPoetryEnvironments = (projectName: string, projectDirAbs: string, env: NodeJS.ProcessEnv): string[] => {
  const dir = poetryVirtualenvsDir(env);
  if (!dir) return [];
  const prefix = `${poetryEnvNamePrefix(projectName, realpathOrNull(projectDirAbs) ?? projectDirAbs)}-py`;
  const minor = (name: string): number => Number(name.slice(prefix.length).split('.')[1] ?? 0);
  return readDirNames(dir)
    .filter((n) => n.startsWith(prefix))
    .sort((a, b) => minor(b) - minor(a))
    .map((n) => joinAbsolute(dir, n));
};

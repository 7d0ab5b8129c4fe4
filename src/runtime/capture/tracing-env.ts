/**
 * The environment that makes a command trace itself: hook files in a private temp folder, wired
 * in through PYTHONPATH, NODE_OPTIONS and BASH_ENV, each keeping what the user already had.
 */
import { writeTextFile } from '../../util/fs.js';
import { joinAbsolute, PATH_LIST_SEPARATOR } from '../../util/path.js';
import { BASH_ENV_HOOK, BASH_ENV_HOOK_FILE } from './bash-hook.js';
import { NODE_ESM_HOOKS, NODE_ESM_HOOKS_FILE, NODE_REQUIRE_HOOK, NODE_REQUIRE_HOOK_FILE } from './node-hook.js';
import { PYTHON_SITECUSTOMIZE } from './python-hook.js';

export const TRACE_FILE_VARIABLE = 'CENSUS_TRACE_FILE';

export interface HookFiles {
  /** Folder holding only sitecustomize.py (it goes on sys.path, so nothing else may be in it). */
  pythonDir: string;
  nodeRequire: string;
  bashEnv: string;
}

/** Write the hook files into `dir` (a fresh temp folder census owns). */
export const writeHookFiles = (dir: string): HookFiles => {
  const pythonDir = joinAbsolute(dir, 'python');
  const nodeDir = joinAbsolute(dir, 'node');
  writeTextFile(joinAbsolute(pythonDir, 'sitecustomize.py'), PYTHON_SITECUSTOMIZE);
  writeTextFile(joinAbsolute(nodeDir, NODE_REQUIRE_HOOK_FILE), NODE_REQUIRE_HOOK);
  writeTextFile(joinAbsolute(nodeDir, NODE_ESM_HOOKS_FILE), NODE_ESM_HOOKS);
  const bashEnv = joinAbsolute(dir, 'bash', BASH_ENV_HOOK_FILE);
  writeTextFile(bashEnv, BASH_ENV_HOOK);
  return { pythonDir, nodeRequire: joinAbsolute(nodeDir, NODE_REQUIRE_HOOK_FILE), bashEnv };
};

/** NODE_OPTIONS splits on spaces and honours double quotes with backslash escapes. */
const quoteNodeOption = (value: string): string => `"${value.replace(/(["\\])/g, '\\$1')}"`;

export const tracingEnv = (base: NodeJS.ProcessEnv, hooks: HookFiles, traceFile: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...base, [TRACE_FILE_VARIABLE]: traceFile };
  env.PYTHONPATH = base.PYTHONPATH ? `${hooks.pythonDir}${PATH_LIST_SEPARATOR}${base.PYTHONPATH}` : hooks.pythonDir;
  const require = `--require ${quoteNodeOption(hooks.nodeRequire)}`;
  env.NODE_OPTIONS = base.NODE_OPTIONS ? `${base.NODE_OPTIONS} ${require}` : require;
  // Under a census trace already (nested), the outer chain variable is kept as it is.
  if (base.BASH_ENV && !base.BASH_ENV.endsWith(BASH_ENV_HOOK_FILE)) env.CENSUS_BASH_ENV_CHAIN = base.BASH_ENV;
  env.BASH_ENV = hooks.bashEnv;
  return env;
};

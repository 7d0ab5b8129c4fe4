/** `python [options] script.py | -m module | -c code`: pythonX.Y and pypy alike. */
import { scanArgs } from '../args.js';
import { literal, text } from '../value.js';
import { type Intent, type Launcher, argv, file, module } from './types.js';

/** `python -m X` where X has a launcher record of its own (it runs paths or modules, not itself). */
const TOOL_MODULES: ReadonlySet<string> = new Set(['pytest', 'unittest', 'uvicorn', 'gunicorn', 'hypercorn', 'celery', 'coverage', 'pdb', 'cProfile', 'profile', 'trace', 'pip']);
/** `python -m X` for tools and stdlib modules that never live in a repo. */
const NOT_IN_REPO: ReadonlySet<string> = new Set([
  'venv', 'virtualenv', 'ensurepip', 'http.server', 'json.tool', 'build', 'twine', 'black', 'isort', 'flake8', 'mypy', 'pylint', 'ruff',
  'pip_audit', 'pre_commit', 'wheel', 'setuptools', 'compileall', 'py_compile', 'site', 'pydoc', 'timeit', 'zipfile', 'tarfile',
  'webbrowser', 'doctest', 'pyright', 'bandit', 'nox', 'tox', 'pipx', 'poetry', 'uv', 'jupyter', 'notebook', 'ipykernel', 'spacy', 'nltk',
]);

export const python: Launcher = {
  names: ['python', 'python2', 'python3', 'pypy', 'pypy3'],
  pattern: /^(python|pypy)\d+(\.\d+)?$/,
  run(args): Intent[] {
    const scanned = scanArgs(args, { values: ['-W', '-X', '-Q', '--check-hash-based-pycs'], stops: ['-m', '-c'], stopAtPositional: true });
    if (scanned.stopped?.option === '-c' || (!scanned.stopped && scanned.positionals.length === 0)) return [];
    if (scanned.stopped?.option === '-m') {
      const spec = scanned.stopped.value;
      const name = literal(spec);
      if (spec === undefined) return [];
      if (name !== null && TOOL_MODULES.has(name)) return name === 'pip' ? [] : [argv([text(name), ...scanned.rest])];
      if (name !== null && NOT_IN_REPO.has(name)) return [];
      return [module(spec)];
    }
    const target = scanned.positionals[0];
    return literal(target) === '-' ? [] : [file(target)];
  },
};

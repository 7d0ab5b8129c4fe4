/**
 * `python [options] script.py | -m module | -c code`: pythonX.Y and pypy alike. `-c` code is read
 * for its import statements (`python -c "from app.main import run; run()"`): each module it
 * imports runs, when the repo has it (the rest are the standard library or installed packages).
 */
import { scanArgs } from '../args.js';
import { literal, text } from '../value.js';
import { type Intent, type Launcher, argv, file, moduleIfPresent, runModule } from './types.js';

/** `python -m X` where X has a launcher record of its own (it runs paths or modules, not itself). */
const TOOL_MODULES: ReadonlySet<string> = new Set([
  'pytest', 'unittest', 'uvicorn', 'gunicorn', 'hypercorn', 'celery', 'coverage', 'pdb', 'cProfile', 'profile', 'trace', 'pip', 'granian', 'daphne',
  'waitress', 'dramatiq', 'arq', 'flask', 'alembic', 'rq',
]);
/** `python -m X` whose console script has another name. */
const SCRIPT_OF_MODULE: Readonly<Record<string, string>> = { django: 'django-admin', waitress: 'waitress-serve', 'huey.bin.huey_consumer': 'huey_consumer' };

/** The modules a `-c` program imports: `import a.b, c as d`, `from a.b import c` (relative imports name nothing here). */
export const importsOf = (code: string): string[] => {
  const out: string[] = [];
  for (const statement of code.split(/[;\n]/)) {
    const from = /^\s*from\s+([A-Za-z_][\w.]*)\s+import\b/.exec(statement);
    if (from) out.push(from[1]);
    const plain = /^\s*import\s+(.+)$/.exec(statement);
    if (plain) for (const part of plain[1].split(',')) {
      const m = /^\s*([A-Za-z_][\w.]*)(\s+as\s+\w+)?\s*$/.exec(part);
      if (m) out.push(m[1]);
    }
  }
  return [...new Set(out)];
};
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
    if (scanned.stopped?.option === '-c') {
      const code = literal(scanned.stopped.value);
      return code === null ? [] : importsOf(code).map((m) => moduleIfPresent(text(m)));
    }
    if (!scanned.stopped && scanned.positionals.length === 0) return [];
    if (scanned.stopped?.option === '-m') {
      const spec = scanned.stopped.value;
      const name = literal(spec);
      if (spec === undefined) return [];
      if (name !== null && Object.hasOwn(SCRIPT_OF_MODULE, name)) return [argv([text(SCRIPT_OF_MODULE[name]), ...scanned.rest])];
      if (name !== null && TOOL_MODULES.has(name)) return name === 'pip' ? [] : [argv([text(name), ...scanned.rest])];
      if (name !== null && NOT_IN_REPO.has(name)) return [];
      return [runModule(spec)];
    }
    const target = scanned.positionals[0];
    return literal(target) === '-' ? [] : [file(target)];
  },
};

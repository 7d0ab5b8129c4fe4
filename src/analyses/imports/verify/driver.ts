/**
 * The Python program --verify runs: it reads the modules to import from stdin, imports each one
 * with its own sys.path, and reports `B <i>` before and `R <json>` after each import on a copy
 * of stdout that the imported code cannot write to (its own stdout/stderr go to /dev/null).
 * Repo modules are dropped from sys.modules after each import, so every module is imported from
 * scratch; no bytecode is written into the repo.
 */
export const VERIFY_DRIVER = String.raw`
import sys, os, json, importlib, traceback
sys.dont_write_bytecode = True
proto = os.fdopen(os.dup(1), 'w', buffering=1)
jobs = json.loads(sys.stdin.read())
null = os.open(os.devnull, os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(null, fd)
sys.stdout = sys.stderr = open(os.devnull, 'w')
root = os.path.join(os.path.abspath(jobs['root']), '')
base = [p for p in sys.path if p not in ('', '.')]
keep = set(sys.modules)

def in_repo(m):
    f = getattr(m, '__file__', None)
    if f and os.path.abspath(f).startswith(root):
        return True
    return any(os.path.abspath(p).startswith(root) for p in (getattr(m, '__path__', None) or []))

for job in jobs['modules']:
    proto.write('B %d\n' % job['i'])
    sys.path[:] = [os.path.join(root, p) if p else root[:-1] for p in job['paths']] + base
    res = {'i': job['i'], 'ok': True}
    try:
        importlib.import_module(job['module'])
    except BaseException as e:
        res = {'i': job['i'], 'ok': False, 'type': type(e).__name__, 'message': str(e)[:300]}
        if isinstance(e, ImportError):
            res['name'] = e.name
        frames = [f for f in traceback.extract_tb(e.__traceback__) if os.path.abspath(f.filename).startswith(root)]
        if frames:
            res['at'] = [os.path.relpath(frames[-1].filename, root).replace(os.sep, '/'), frames[-1].lineno]
    for k in list(sys.modules):
        if k not in keep and in_repo(sys.modules.get(k)):
            del sys.modules[k]
    proto.write('R ' + json.dumps(res) + '\n')
proto.flush()
os._exit(0)
`;

/**
 * The Python side of `census trace`: a sitecustomize.py that census writes to a temp folder put
 * first on PYTHONPATH. Every Python process that inherits the environment (children included)
 * appends `<pid>\t<absolute path>` lines to $CENSUS_TRACE_FILE, one O_APPEND write per line so
 * processes never interleave within a line.
 *
 * What it records: the main script (sys.argv[0], known when site runs), every module whose code
 * a file loader produces (source, sourceless .pyc, extension module) as it happens — so a process
 * that ends in os._exit (forked workers) still leaves its trace — and, at exit, every module in
 * sys.modules with a __file__ (modules imported before site ran, custom loaders).
 *
 * Cost: one wrapped method call per module loaded, no extra imports (only builtins and the frozen
 * importlib modules that are already loaded), so the traced program sees the same sys.modules.
 * It then removes its own folder from sys.path and runs the sitecustomize it shadows, if any.
 */
export const PYTHON_SITECUSTOMIZE = String.raw`# census trace hook: records every module file this process loads. Written by census; safe to delete.
def _census_trace_install():
    import os, sys
    target = os.environ.get('CENSUS_TRACE_FILE')
    fd = -1
    if target:
        try:
            fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError:
            fd = -1
    if fd >= 0:
        getpid, write, abspath = os.getpid, os.write, os.path.abspath
        seen = set()
        owner = [getpid()]

        def record(file):
            pid = getpid()
            if pid != owner[0]:
                # a forked child keeps the parent's set: start its own list
                owner[0] = pid
                seen.clear()
                header()
            if not file or file in seen:
                return
            seen.add(file)
            try:
                write(fd, ('%d\t%s\n' % (pid, file)).encode('utf-8', 'surrogateescape'))
            except Exception:
                pass

        def header():
            try:
                write(fd, ('%d\t#python %s\n' % (owner[0], sys.version.split()[0])).encode())
            except Exception:
                pass

        header()
        argv0 = sys.argv[0] if sys.argv else ''
        if argv0 and argv0 not in ('-c', '-m', '-') and os.path.isfile(argv0):
            record(abspath(argv0))

        import _frozen_importlib_external as external

        def wrap(cls, name):
            original = cls.__dict__.get(name)
            if original is None:
                return
            def traced(self, *args, **kwargs):
                try:
                    record(abspath(self.path))
                except Exception:
                    pass
                return original(self, *args, **kwargs)
            traced.__wrapped__ = original
            setattr(cls, name, traced)

        wrap(external.SourceLoader, 'get_code')
        wrap(external.SourcelessFileLoader, 'get_code')
        wrap(external.ExtensionFileLoader, 'create_module')

        def at_exit():
            for module in list(sys.modules.values()):
                file = getattr(module, '__file__', None)
                if isinstance(file, str):
                    record(abspath(file))

        import atexit
        atexit.register(at_exit)


def _census_trace_chain():
    # Leave sys.path as the program expects it, then run the sitecustomize this file shadows.
    import os, sys
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or '.') != here]
    try:
        import _frozen_importlib as bootstrap, _frozen_importlib_external as external
        spec = external.PathFinder.find_spec('sitecustomize', sys.path)
    except Exception:
        return
    if spec is not None and spec.loader is not None:
        module = bootstrap.module_from_spec(spec)
        sys.modules['sitecustomize'] = module
        spec.loader.exec_module(module)

# Tracing must never break the traced program: a failure here only means less evidence.
try:
    _census_trace_install()
except Exception:
    pass
_census_trace_chain()
del _census_trace_install, _census_trace_chain
`;

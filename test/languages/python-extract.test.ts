/** The Python extractor on small inline sources: one form or rule per case. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileFacts, ImportFact } from '../../src/model/facts.js';
import { pythonExtractor } from '../../src/languages/python/extract.js';
import { WARM_UP_MODULE, WARM_UP_SHAPES } from '../../src/languages/python/warm-up.js';
import { tokenize } from '../../src/languages/python/tokenize.js';
import { Word, WORDS } from '../../src/languages/python/tokens.js';
import { ExtractState } from '../../src/languages/python/state.js';
import { EXTRACTED_SPAWN_ARGS, SPAWN_FUNCTIONS } from '../../src/languages/python/spawn-calls.js';

const facts = (source: string): FileFacts => pythonExtractor.extract('pkg/mod.py', source);

/** Imports as compact strings: `line syntax specifier [names] as alias guard(handles)`. */
const imports = (source: string): string[] => facts(source).imports.map(brief);

const brief = (i: ImportFact): string => {
  const names = i.names.length ? ` [${i.names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name)).join(', ')}]` : '';
  const alias = i.alias ? ` as ${i.alias}` : '';
  const handles = i.handles ? `(${i.handles.join(',')})` : '';
  return `${i.line} ${i.syntax} ${i.specifier}${names}${alias} ${i.guard ?? '-'}${handles}`;
};

const ids = (f: FileFacts): string[] => f.diagnostics.map((d) => `${d.id}@${d.location?.line}`);

describe('python imports', () => {
  test('import with dotted names, aliases and several modules', () => {
    assert.deepEqual(imports('import a.b as c\nimport os, sys as system\n'), [
      '1 import a.b as c -',
      '2 import os -',
      '2 import sys as system -',
    ]);
  });

  test('from-imports: relative, parenthesized, aliased, star, __future__', () => {
    assert.deepEqual(
      imports('from __future__ import annotations\nfrom . import x\nfrom ..pkg import (a, b as c,\n    d)\nfrom .... import deep\nfrom m import *\n'),
      [
        '1 from __future__ [annotations] -',
        '2 from . [x] -',
        '3 from ..pkg [a, b as c, d] -',
        '5 from .... [deep] -',
        '6 from m [*] -',
      ],
    );
    assert.equal(facts('from m import *\n').hasStarImport, true);
    assert.equal(facts('from m import n\n').hasStarImport, undefined);
  });

  test('the line is the line of the keyword, across continuations', () => {
    assert.deepEqual(imports('x = (1,\n  2)\nfrom a import \\\n   b\nimport \\\n  c\n'), ['3 from a [b] -', '5 import c -']);
  });

  test('semicolons and one-line suites', () => {
    assert.deepEqual(imports('import a; import b\nif x: import c; from d import e\n'), [
      '1 import a -',
      '1 import b -',
      '2 import c -',
      '2 from d [e] -',
    ]);
  });

  test('text that only looks like an import is not one', () => {
    const source = [
      's = """',
      'import hidden',
      '"""',
      "t = 'import no' # import comment",
      'u = r"\\"import no"',
      "v = b'import no'",
      'w = f"{x!r:>{width}} import no"',
      'import real',
    ].join('\n');
    assert.deepEqual(imports(source), ['8 import real -']);
  });
});

describe('python guards', () => {
  test('TYPE_CHECKING body, typing.TYPE_CHECKING, not the else', () => {
    assert.deepEqual(
      imports('if TYPE_CHECKING:\n    import a\nelse:\n    import b\nif typing.TYPE_CHECKING:\n    from c import D\nif not TYPE_CHECKING:\n    import e\n'),
      ['2 import a type-checking', '4 import b -', '6 from c [D] type-checking', '8 import e -'],
    );
  });

  test('try bodies whose handlers catch import errors', () => {
    const source = [
      'try:',
      '    import a',
      'except ImportError:',
      '    import in_handler',
      'try:',
      '    import b',
      'except (ModuleNotFoundError, AttributeError) as e:',
      '    pass',
      'else:',
      '    import in_else',
      'finally:',
      '    import in_finally',
      'try:',
      '    import c',
      'except:',
      '    pass',
      'try:',
      '    import d',
      'except KeyError:',
      '    pass',
      'try:',
      '    import e',
      'except Exception:',
      '    pass',
    ].join('\n');
    assert.deepEqual(imports(source), [
      '2 import a try(ImportError)',
      '4 import in_handler -',
      '6 import b try(ModuleNotFoundError,AttributeError)',
      '10 import in_else -',
      '12 import in_finally -',
      '14 import c try(BaseException)',
      '18 import d -',
      '22 import e try(Exception)',
    ]);
  });

  test('one-line try learns its handlers from the next line', () => {
    assert.deepEqual(imports('try: import ujson as json\nexcept ImportError: import json\n'), [
      '1 import ujson as json try(ImportError)',
      '2 import json -',
    ]);
  });

  test('functions, methods and class bodies', () => {
    const source = [
      'def f():',
      '    import a',
      'async def g():',
      '    import b',
      'class C:',
      '    import c',
      '    def m(self):',
      '        import d',
      '    class Inner:',
      '        import e',
    ].join('\n');
    assert.deepEqual(imports(source), ['2 import a function', '4 import b function', '6 import c -', '8 import d function', '10 import e -']);
  });

  test('precedence: type-checking > try > function; a try around a def does not guard its body', () => {
    const source = [
      'def f():',
      '    if TYPE_CHECKING:',
      '        import tc',
      '    try:',
      '        import guarded',
      '    except ImportError:',
      '        pass',
      'try:',
      '    def later():',
      '        import runs_later',
      '    class Now:',
      '        import runs_now',
      'except ImportError:',
      '    pass',
    ].join('\n');
    assert.deepEqual(imports(source), [
      '3 import tc type-checking',
      '5 import guarded try(ImportError)',
      '10 import runs_later function',
      '12 import runs_now try(ImportError)',
    ]);
  });

  test('an outer try still guards an inner try that catches something else', () => {
    const source = 'try:\n    try:\n        import a\n    except KeyError:\n        import b\nexcept ImportError:\n    pass\n';
    assert.deepEqual(imports(source), ['3 import a try(ImportError)', '5 import b try(ImportError)']);
  });

  test('match/case suites are ordinary blocks; match as a name is not a statement', () => {
    const source = 'match cmd:\n    case [x]:\n        import one\n    case _: import two\nmatch = 1\nimport three\n';
    assert.deepEqual(imports(source), ['3 import one -', '4 import two -', '6 import three -']);
  });
});

describe('python dynamic imports', () => {
  test('importlib.import_module, import_module from importlib, __import__', () => {
    const source = [
      'import importlib',
      'from importlib import import_module',
      'importlib.import_module("plugins.a")',
      'import_module("plugins.b")',
      '__import__("plugins" ".c")',
      'importlib.import_module(".rel", package="pkg")',
      'def load():',
      '    return __import__("lazy")',
    ].join('\n');
    assert.deepEqual(imports(source), [
      '1 import importlib -',
      '2 from importlib [import_module] -',
      '3 dynamic plugins.a -',
      '4 dynamic plugins.b -',
      '5 dynamic plugins.c -',
      '6 dynamic pkg.rel -',
      '8 dynamic lazy function',
    ]);
  });

  test('stop 49: import_module of a relative name resolves it against its package argument, not the calling file', () => {
    const source = [
      'import importlib',
      'importlib.import_module(".urls", "app.sub")',
      'importlib.import_module("..urls", package="app.sub")',
      'importlib.import_module(".", "app")',
      'importlib.import_module(".urls", __package__)',
      'importlib.import_module(".urls", __name__)',
      'importlib.import_module(".urls")',
      'importlib.import_module(".urls", ".".join(self.__module__.split(".")[:-1]))',
      'importlib.import_module(".urls", package_string)',
      'importlib.import_module("...urls", "app.sub")',
      'importlib.import_module("abs.urls", package_string)',
    ].join('\n');
    assert.deepEqual(imports(source), [
      '1 import importlib -',
      '2 dynamic app.sub.urls -',
      '3 dynamic app.urls -',
      '4 dynamic app -',
      '5 dynamic .urls -',
      '11 dynamic abs.urls -',
    ]);
    assert.equal(facts(source).computedImportLines, undefined);
  });

  test('stop 49: __spec__.parent is __package__; __name__ is the package only in an __init__.py; no package is a TypeError', () => {
    const source = [
      'import importlib',
      'importlib.import_module(".handlers", __spec__.parent)',
      'importlib.import_module(".handlers", package=(__spec__.parent))',
      'importlib.import_module(".extra", __name__)',
      'importlib.import_module("..extra", __name__)',
      'importlib.import_module("...extra", package=__name__)',
      'importlib.import_module(".extra")',
      'importlib.import_module(".x", __spec__.name)',
    ].join('\n');
    // pkg/mod.py: __name__ is 'pkg.mod', so '.extra' is 'pkg.mod.extra' (mod is no package: ImportError)
    // and '..extra' is 'pkg.extra', which is '.extra' from the file.
    assert.deepEqual(imports(source), ['1 import importlib -', '2 dynamic .handlers -', '3 dynamic .handlers -', '5 dynamic .extra -', '6 dynamic ..extra -']);
    const init = pythonExtractor.extract('pkg/__init__.py', source).imports.map(brief);
    assert.deepEqual(init, ['1 import importlib -', '2 dynamic .handlers -', '3 dynamic .handlers -', '4 dynamic .extra -', '5 dynamic ..extra -', '6 dynamic ...extra -']);
  });

  test('non-literal arguments and unimported import_module are ignored', () => {
    const source = 'import_module("x")\nimportlib.import_module(name)\n__import__(f"m{x}")\nobj.__import__("y")\n__import__("z".strip())\n';
    assert.deepEqual(imports(source), []);
  });

  test('exec of a formatted import statement: a code call is a computed import, one in a docstring, a string or a comment is not', () => {
    const source = [
      'def load(names):',
      '    """Loads each name, as',
      '        exec("from .%s import %s" % (n, n))',
      '    would."""',
      "    text = 'exec(\"import pkg.%s\" % n)'",
      '    # exec("from .%s import %s" % (n, n))',
      '    for n in names:',
      '        exec("from .%s import %s" % (n, n))',
      '        obj.exec("from .%s import x" % n)',
      "        exec (f'import pkg.{n}')",
      '',
    ].join('\n');
    assert.deepEqual(facts(source).computedImportLines, [8, 10]);
    assert.equal(facts('"""exec("from .%s import %s" % (n, n))"""\n').computedImportLines, undefined);
  });
});

describe('python strings', () => {
  test('Python 3.12 f-strings: same quotes, nested fields, comments inside fields', () => {
    const source = [
      'a = f"{"nested"} {x:{width}.{prec}}"',
      "b = f'{'\\n'.join(parts)}'",
      'c = f"""{',
      '    value  # a comment with a quote "',
      '}"""',
      'd = f"{f"{f"{deep}"}"}"',
      'import after',
    ].join('\n');
    assert.deepEqual(imports(source), ['7 import after -']);
    assert.deepEqual(facts(source).diagnostics, []);
  });

  test('prefixes in any case: raw, bytes, f, t, u and their pairs', () => {
    const source = 'a = Rb"\\""\nb = BR\'x\'\nc = Fr"{x}\\d{{"\nd = U"u"\ne = t"{x}"\nf = rf\'\'\'\n\'\'\'\nimport after\n';
    assert.deepEqual(imports(source), ['8 import after -']);
    assert.deepEqual(facts(source).diagnostics, []);
  });

  test('escaped quotes, escaped newlines and empty strings', () => {
    const source = "a = 'it\\'s'\nb = \"x\\\ny\"\nc = ''\nd = ''''''\ne = '\\\\'\nimport after\n";
    assert.deepEqual(imports(source), ['7 import after -']);
  });
});

describe('python commands and references', () => {
  test('subprocess, os and asyncio command lines', () => {
    const source = [
      'import subprocess, os, sys, asyncio',
      "subprocess.run(['python3', 'scripts/x.py'])",
      'subprocess.check_call("make all", shell=True, cwd="build")',
      "subprocess.Popen([sys.executable, '-m', 'pip', 'list'])",
      "os.system('ls -l')",
      "os.execvp('python', ['python', 'serve.py'])",
      "asyncio.create_subprocess_exec('node', 'worker.js')",
      'subprocess.run(cmd)',
      "subprocess.run(['git', branch])",
    ].join('\n');
    assert.deepEqual(
      facts(source).commands.map((c) => `${c.line} ${c.via}: ${c.command}${c.cwd ? ` (cwd ${c.cwd})` : ''}`),
      [
        '2 subprocess.run: python3 scripts/x.py',
        '3 subprocess.check_call: make all (cwd build)',
        '4 subprocess.Popen: python -m pip list',
        '5 os.system: ls -l',
        '6 os.execvp: python serve.py',
        '7 asyncio.create_subprocess_exec: node worker.js',
      ],
    );
  });

  test('calls through from-imports and renamed imports', () => {
    const source = "from subprocess import run, check_output as out\nimport subprocess as sp\nrun(['a', 'b'])\nout('c')\nsp.call(['d'])\n";
    assert.deepEqual(
      facts(source).commands.map((c) => `${c.via}: ${c.command}`),
      ['subprocess.run: a b', 'subprocess.check_output: c', 'subprocess.call: d'],
    );
  });

  test('stop 48: every spawn function of the one table (spawn-calls.ts) whose command line extraction reads gives it, by its name and renamed', () => {
    const extracted = SPAWN_FUNCTIONS.filter((s) => EXTRACTED_SPAWN_ARGS.has(s.args)).flatMap((s) => s.functions.map((f) => ({ module: s.module, f, args: s.args })));
    assert.equal(extracted.length, 17);
    // The command line `prog x` in each function's own argument shape.
    const callOf = (name: string, e: (typeof extracted)[number]): string =>
      e.args === 'argv' ? `${name}(['prog', 'x'])` : e.args === 'shell' ? `${name}('prog x')` : e.args === 'program-args' ? `${name}('prog', 'x')` : e.f.startsWith('execl') ? `${name}('/bin/prog', 'prog', 'x')` : `${name}('/bin/prog', ['prog', 'x'])`;
    const source = [
      ...[...new Set(extracted.map((e) => e.module))].map((m) => `import ${m}`),
      ...extracted.map((e, i) => `from ${e.module} import ${e.f} as renamed${i}`),
      ...extracted.map((e) => callOf(`${e.module}.${e.f}`, e)),
      ...extracted.map((e, i) => callOf(`renamed${i}`, e)),
      // Read by spawned-paths alone: extraction gives no command line for them.
      "import os\nos.spawnv(os.P_WAIT, 'prog', ['prog', 'x'])",
    ].join('\n');
    const commands = facts(source).commands.map((c) => `${c.via}: ${c.command}`);
    const expected = extracted.map((e) => `${e.module}.${e.f}: prog x`);
    assert.deepEqual(commands, [...expected, ...expected]);
  });

  test('literal command lines split by str.split or shlex.split', () => {
    const source = 'import subprocess, shlex\nsubprocess.call("git status --short".split())\nsubprocess.run(shlex.split("make -C docs html"))\n';
    assert.deepEqual(
      facts(source).commands.map((c) => c.command),
      ['git status --short', 'make -C docs html'],
    );
  });

  test('include= only names modules for Celery; include() only when imported from django', () => {
    const source = [
      'from django.urls import include, path',
      'app.conf.update(include=["proj.beat"])',
      'model.dict(include=["id", "name"])',
      'urlpatterns = [path("api/", include("api.urls"))]',
    ].join('\n');
    assert.deepEqual(
      facts(source).references.map((r) => `${r.line} ${r.target} (${r.via})`),
      ['2 proj.beat (celery include)', '4 api.urls (django include)'],
    );
    assert.deepEqual(facts('include("templates.base")\n').references, []);
  });

  test('module:attr strings, Celery include and autodiscover_tasks', () => {
    const source = [
      'uvicorn.run("service.api:app")',
      'app = Celery("proj", include=["proj.tasks", "proj.mail"])',
      'app.autodiscover_tasks(["billing"])',
      'x = "not a ref: spaces"',
      'app.autodiscover_tasks(packages=["shop.migrations.tasks"], related_name="v3_22")',
      'app.autodiscover_tasks(["a", "b"], "jobs")',
      'app.autodiscover_tasks(lambda: settings.INSTALLED_APPS, related_name="search_tasks")',
      'y = "10:30"',
      'z = ["w:gz", "aws:kms", "xmlns:geo", "G:i"]',
      'entry_points = {"console_scripts": ["census = census.cli:main", "x=pkg.mod:run [extra]"]}',
      // Stop 66: an upper-case module past a dot (kombu's TRANSPORT_ALIASES); alone it is prose or a protocol.
      'aliases = {"sqs": "kombu.transport.SQS:Transport", "n": "Note:see", "h": "HTTP:GET"}',
    ].join('\n');
    assert.deepEqual(
      facts(source).references.map((r) => `${r.line} ${r.form} ${r.target} (${r.via})`),
      [
        '1 module-attr service.api:app (string literal)',
        '2 module proj.tasks (celery include)',
        '2 module proj.mail (celery include)',
        '3 module billing.tasks (celery autodiscover_tasks)',
        '5 module shop.migrations.tasks.v3_22 (celery autodiscover_tasks)',
        '6 module a.jobs (celery autodiscover_tasks)',
        '6 module b.jobs (celery autodiscover_tasks)',
        '10 module-attr census.cli:main (string literal)',
        '10 module-attr pkg.mod:run (string literal)',
        '11 module-attr kombu.transport.SQS:Transport (string literal)',
      ],
    );
  });
});

describe('python runnable markers', () => {
  test('main guard in either quote and order, shebang', () => {
    assert.deepEqual(facts('#!/usr/bin/env python3\nif __name__ == "__main__":\n    main()\n').runnable, ['shebang', 'main-guard']);
    assert.deepEqual(facts("if '__main__' == __name__:\n    main()\n").runnable, ['main-guard']);
    assert.deepEqual(facts('if __name__ == "main":\n    pass\n').runnable, []);
  });

  test('command-line frameworks', () => {
    assert.ok(facts('import click\n@click.command()\ndef cli():\n    pass\n').runnable.includes('cli-framework'));
    assert.ok(facts('import typer\napp = typer.Typer()\n').runnable.includes('cli-framework'));
    assert.ok(facts('import argparse\ndef main():\n    p = argparse.ArgumentParser()\n').runnable.includes('cli-framework'));
    assert.ok(facts('from fire import Fire\nFire(main)\n').runnable.includes('cli-framework'));
    assert.ok(!facts('def command():\n    pass\ncommand()\n').runnable.includes('cli-framework'));
  });

  test('top-level code: calls and loops at module level, not set-up assignments', () => {
    assert.deepEqual(facts('"""Doc."""\nimport os\nlog = getLogger(__name__)\nX = 1\ndef f():\n    f()\n').runnable, []);
    assert.deepEqual(facts('import sys\nmain(sys.argv)\n').runnable, ['top-level-code']);
    assert.deepEqual(facts('for x in range(3):\n    pass\n').runnable, ['top-level-code']);
    assert.deepEqual(facts('if x:\n    main()\n').runnable, []);
  });

  test('top-level code: registering with a framework is not work of its own', () => {
    assert.deepEqual(facts('from django.contrib import admin\nadmin.site.register(Post)\n').runnable, []);
    assert.deepEqual(facts('post_save.connect(handler, sender=Post)\nregister_plugin("x")\n').runnable, []);
    assert.deepEqual(facts('admin.site.register(Post)\nmain()\n').runnable, ['top-level-code']);
    assert.deepEqual(facts('register(x).run()\n').runnable, ['top-level-code']);
  });

  test('top-level code: a deprecation notice is not work of its own, but anything more is', () => {
    assert.deepEqual(facts("import warnings\nwarnings.warn('x is deprecated.',\n              RemovedInSphinx60Warning, stacklevel=2)\n").runnable, []);
    assert.deepEqual(facts("from warnings import warn\nwarn('old', DeprecationWarning)\n").runnable, []);
    assert.deepEqual(facts("import warnings\nwarnings.warn('starting')\nmain()\n").runnable, ['top-level-code']);
    assert.deepEqual(facts("warnings.warn('x').with_traceback(None)\n").runnable, ['top-level-code']);
  });

  test('wsgi-application: a module named for WSGI that binds `application` (mistral api/wsgi.py), and only that', () => {
    const at = (path: string, source: string): FileFacts => pythonExtractor.extract(path, source);
    assert.deepEqual(at('mistral/api/wsgi.py', 'from mistral.api import app\n\napplication = app.init_wsgi()\n').runnable, ['wsgi-application']);
    assert.deepEqual(at('app/api_wsgi.py', 'from app.web import make_app as application\n').runnable, ['wsgi-application']);
    assert.deepEqual(at('wsgi_app.py', 'application = make()\n').runnable, ['wsgi-application']);
    // Not named for WSGI, or binding another name, or `application` only inside a def: no marker.
    assert.deepEqual(at('app/gui.py', 'application = QApplication([])\n').runnable, []);
    assert.deepEqual(at('app/wsgi.py', 'app = make()\n').runnable, []);
    assert.deepEqual(at('app/wsgi.py', 'def get():\n    application = make()\n    return application\n').runnable, []);
    assert.deepEqual(at('app/newsgi.py', 'application = make()\n').runnable, []);
  });

  // Review of stop 66: each of these bound `application` at the top level and was marked, so a dead helper module named
  // wsgi.py was called manual. A loop variable, an except/with name, None, a literal or a bare annotation is no callable
  // a WSGI server can load; a def, a chained assignment and an import are.
  test('wsgi-application: not for an application that is None, a literal, a loop, except or with name, or a bare annotation', () => {
    const at = (path: string, source: string): boolean => pythonExtractor.extract(path, source).runnable.includes('wsgi-application');
    assert.deepEqual(at('app/wsgi.py', 'application = None\n\ndef init():\n    global application\n    application = make()\n'), false);
    assert.deepEqual(at('app/wsgi.py', 'application = None  # set by init()\n'), false);
    assert.deepEqual(at('app/wsgi.py', "application = 'app.web:make'\n"), false);
    assert.deepEqual(at('app/wsgi.py', 'for application in APPS:\n    register(application)\n'), false);
    assert.deepEqual(at('app/wsgi.py', 'try:\n    import x\nexcept ImportError as application:\n    pass\n'), false);
    assert.deepEqual(at('app/wsgi.py', 'with open("f") as application:\n    pass\n'), false);
    assert.deepEqual(at('app/wsgi.py', 'application: "Callable"\n'), false);
    assert.deepEqual(at('app/wsgi.py', 'def application(environ, start_response):\n    return []\n'), true);
    assert.deepEqual(at('app/wsgi.py', 'app = application = make()\n'), true);
    assert.deepEqual(at('app/wsgi.py', 'application: WSGIApp = make()\n'), true);
    assert.deepEqual(at('app/wsgi.py', 'try:\n    application = make()\nexcept Exception:\n    raise\n'), true);
    assert.deepEqual(at('app/wsgi.py', 'import app.web as application\n'), true);
  });
});

describe('python summary, definitions, __all__, complexity', () => {
  test('summary: first non-empty docstring line, else the first meaningful leading comment', () => {
    assert.equal(facts('"""\n  Build the index.\n\nDetails."""\n').summary, 'Build the index.');
    assert.equal(facts("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# ----------\n# Sync the mirrors.\nimport os\n").summary, 'Sync the mirrors.');
    assert.equal(facts('# Licence header\n"""Real doc."""\n').summary, 'Real doc.');
    assert.equal(facts('x = 1\n# late comment\n').summary, undefined);
    assert.equal(facts('# Copyright (c) 2020 Someone\n# This program is distributed in the hope\n\n# Rotate the logs.\n').summary, 'Rotate the logs.');
    assert.equal(facts('f"""not a docstring"""\n').summary, undefined);
  });

  test('top-level definitions from every kind of binding', () => {
    const source = [
      'import a.b',
      'import c.d as e',
      'from f import g, h as i',
      'from j import *',
      'def k(): local = 1',
      'class L: attr = 1',
      'm, (n, *o) = p',
      'q: int = 1',
      'r: str',
      's = t = 0',
      'u.v = 1',
      'w[0] = 1',
      'x += 1',
      'if cond:',
      '    y = 1',
      'try:',
      '    z = 1',
      'except Exception as err:',
      '    pass',
      'for idx in range(2): pass',
      'with open(f) as fh: pass',
      'type Alias = int',
      '(walrus := 3)',
    ].join('\n');
    assert.deepEqual(facts(source).definitions, [
      'a', 'e', 'g', 'i', 'k', 'L', 'm', 'n', 'o', 'q', 'r', 's', 't', 'x', 'y', 'z', 'err', 'idx', 'fh', 'Alias', 'walrus',
    ]);
  });

  test('__all__ as a literal list or tuple, extended with +=', () => {
    assert.deepEqual(facts("__all__ = ['a', 'b']\n__all__ += ('c',)\n__all__.append('d')\n").exportedNames, ['a', 'b', 'c', 'd']);
    assert.deepEqual(facts('__all__: list[str] = ("x", "y")\n').exportedNames, ['x', 'y']);
    assert.equal(facts('__all__ = [n for n in dir()]\n').exportedNames, undefined);
    assert.equal(facts('x = 1\n').exportedNames, undefined);
  });

  test('complexity counts branch points', () => {
    assert.equal(facts('x = 1\n').complexity, 1);
    const source = 'def f(a, b):\n    if a and b or a:\n        for i in a:\n            pass\n    elif b:\n        while b: pass\n    try:\n        pass\n    except E:\n        pass\n    return [x for x in a if x]\n';
    // if, and, or, for, elif, while, except, comprehension for and if
    assert.equal(facts(source).complexity, 1 + 9);
  });
});

describe('python diagnostics', () => {
  test('Python 2 syntax is reported once per construct and imports are still read', () => {
    const source = 'import os\nprint "hello"\nprint "again"\nexec "code"\ntry:\n    import json\nexcept ImportError, e:\n    pass\nx = `y`\nif a <> b: pass\ns = ur"raw"\nn = 0777\nimport after\n';
    const f = facts(source);
    assert.deepEqual(ids(f), [
      'python/python2-syntax@2',
      'python/python2-syntax@4',
      'python/python2-syntax@7',
      'python/python2-syntax@9',
      'python/python2-syntax@10',
      'python/python2-syntax@11',
      'python/python2-syntax@12',
    ]);
    assert.match(f.diagnostics[0].message, /line 2: print statement \(2 occurrences/);
    assert.deepEqual(f.imports.map(brief), ['1 import os -', '6 import json try(ImportError)', '13 import after -']);
  });

  test('valid Python 3 that resembles Python 2 is not reported', () => {
    assert.deepEqual(ids(facts('print("x")\nprint >> sys.stderr, "y"\nprint\nexec(code)\nprint in x\n')), []);
  });

  test('unterminated strings, unbalanced brackets and bad indentation', () => {
    assert.deepEqual(ids(facts('x = "open\nimport a\n')), ['python/syntax-error@1']);
    assert.deepEqual(ids(facts('x = """never closed\nimport a\n')), ['python/syntax-error@1']);
    assert.deepEqual(ids(facts('x = (1,\n')), ['python/syntax-error@1']);
    assert.deepEqual(ids(facts('x = 1)\n')), ['python/syntax-error@1']);
    assert.deepEqual(ids(facts('x = 1\n    y = 2\n')), ['python/syntax-error@2']);
    assert.deepEqual(ids(facts('if x:\ny = 2\n')), ['python/syntax-error@2']);
    assert.deepEqual(ids(facts('if x:\n    y = 1\n  z = 2\n')), ['python/syntax-error@3']);
  });

  test('an unclosed bracket does not swallow the statements after it', () => {
    const f = facts('x = foo(1,\n\nimport os\ndef f():\n    import sys\n');
    assert.deepEqual(f.imports.map(brief), ['3 import os -', '5 import sys function']);
    assert.deepEqual(ids(f), ['python/syntax-error@1']);
  });

  test('syntax errors are capped', () => {
    const f = facts(')\n'.repeat(20));
    assert.equal(f.diagnostics.length, 3);
    assert.match(f.diagnostics[2].message, /and 17 more/);
  });

  test('empty, whitespace-only and comment-only files', () => {
    for (const source of ['', '\n\n', '   ', '# only a comment', '\ufeff', '\\']) {
      const f = facts(source);
      assert.deepEqual(f.imports, []);
      assert.equal(f.complexity, 1);
    }
  });
});

describe('python line endings', () => {
  test('CRLF and lone CR count as newlines', () => {
    assert.deepEqual(imports('import a\r\nif x:\r\n    import b\r\n'), ['1 import a -', '3 import b -']);
    assert.deepEqual(imports('import a\rimport b\r'), ['1 import a -', '2 import b -']);
  });

  test('tabs indent to multiples of eight', () => {
    assert.deepEqual(imports('if x:\n\tif y:\n\t\timport a\n        import b\n'), ['3 import a -', '4 import b -']);
    assert.deepEqual(ids(facts('if x:\n\tif y:\n\t\timport a\n        import b\n')), []);
  });
});

describe('python warm-up sample', () => {
  // The sample only helps if the extractor reads all of it: a malformed line that swallowed the
  // rest (an unterminated string placed too early) would leave most branches unvisited.
  test('is read to its end, through every guard, call and literal form it holds', () => {
    const f = facts(WARM_UP_MODULE);
    const guards = new Set(f.imports.map((i) => i.guard));
    for (const g of ['try', 'type-checking', 'function', null]) assert.ok(guards.has(g as ImportFact['guard']), `guard ${g}`);
    assert.ok(f.imports.some((i) => i.specifier === 'ah'), 'the last import of the sample');
    assert.ok(f.commands.length >= 9, 'every command call form');
    assert.ok(f.references.some((r) => r.target === 'tasks:app'), 'a module:attr string without dots');
    assert.deepEqual(f.runnable, ['shebang', 'main-guard', 'cli-framework', 'top-level-code']);
    assert.ok(f.importRoots && f.importRoots.length === 2, 'both sys.path forms');
    assert.ok(f.diagnostics.some((d) => d.id === 'python/syntax-error'), 'the malformed tail');
    // Stop 53: the token pass's branches a real file first met hundreds of files in (scanTokens compiled three times on saleor).
    assert.ok(f.settingSwaps?.some((s) => s.setting === 'ROOT_URLCONF'), 'a django.test settings swap');
    assert.ok(f.scriptNames?.some((s) => s.name === 'autoadd.js'), 'a string naming a .js file');
    // Stop 55: the third such branch.
    assert.ok(f.codeTemplateLines !== undefined && f.codeTemplateLines.length > 0, 'a triple-quoted string holding an import line');
  });
});

describe('python warm-up shapes', () => {
  // Each shape must give facts its own combination of optional fields, or the stores it is there
  // for never see that hidden class.
  test('give every combination of star import, type paths and summary, each with __all__ and sys.path', () => {
    const seen = new Set<string>();
    for (const text of WARM_UP_SHAPES) {
      const f = facts(text);
      assert.deepEqual(f.exportedNames, ['b']);
      assert.deepEqual(f.importRoots, [{ dir: 'vendor', line: f.importRoots?.[0].line }]);
      const optional = Object.keys(f).filter((k) => ['hasStarImport', 'typePaths', 'summary'].includes(k));
      seen.add(optional.join(','));
    }
    assert.equal(seen.size, 8);
  });
});

describe('python word ids', () => {
  // Stop 55: the scanner computes each name's key in place (no call per name); every known word must still find itself.
  test('every known word gets its own id, alone and inside a line', () => {
    for (const [text, id] of WORDS) {
      assert.equal(tokenize(text).value[0], id, text);
      assert.equal(tokenize(`x = ${text}(1)`).value[2], id, text);
    }
  });

  // Words are found by length, first and last character, then compared: names that share those
  // (execle/execve, import/ixxxxt) must still be told apart.
  test('known words get their id and look-alikes none', () => {
    const t = tokenize('execle execve exe_le import ixxxxt importlib TYPE_CHECKING TYPE_CHECKINg create_subprocess_shell create_subprocess_shelll if');
    const ids: number[] = [];
    for (let i = 0; i < t.count; i++) ids.push(t.value[i]);
    assert.deepEqual(ids, [
      Word.CommandCall,
      Word.CommandCall,
      Word.None,
      Word.Import,
      Word.None,
      Word.Importlib,
      Word.TypeChecking,
      Word.None,
      Word.CommandCall,
      Word.None,
      Word.If,
    ]);
  });
});

describe('python import bindings', () => {
  // The alias map is made on the first look: bindings before and after it, and a name bound
  // twice, must read as if every binding had been set in the map when made.
  test('the later binding of a name wins, before and after the first look', () => {
    const st = new ExtractState(tokenize(''), 'a.py');
    st.bindAlias('sp', '', 'subprocess');
    st.bindAlias('run', 'subprocess.', 'run');
    st.bindAlias('sp', 'os.', 'path');
    assert.deepEqual([...st.aliases], [['sp', 'os.path'], ['run', 'subprocess.run']]);
    st.bindAlias('run', '..', 'tasks');
    st.bindAlias('x', '', 'x');
    assert.deepEqual([...st.aliases], [['sp', 'os.path'], ['run', '..tasks'], ['x', 'x']]);
  });

  test('a renamed import is still found through its alias', () => {
    const f = facts('from subprocess import run as sh\nimport subprocess as sp\nsh(["ls"])\nsp.call("make")\n');
    assert.deepEqual(f.commands.map((c) => [c.command, c.via]), [['ls', 'subprocess.run'], ['make', 'subprocess.call']]);
  });
});

test('an import inside a def names the innermost def (within), in a try there too; at module level or in a class body, none', () => {
  const src = [
    'import a',
    'def outer():',
    '    import b',
    '    def inner():',
    '        from c import d',
    '    class K:',
    '        import e',
    '    try:',
    '        import f',
    '    except ImportError:',
    '        pass',
    'class C:',
    '    import g',
    '    async def method(self):',
    '        import h',
  ].join('\n');
  const within = Object.fromEntries(facts(src).imports.map((i) => [i.specifier, `${i.guard}:${i.within ?? '-'}`]));
  assert.deepEqual(within, { a: 'null:-', b: 'function:outer', c: 'function:inner', e: 'function:outer', f: 'try:outer', g: 'null:-', h: 'function:method' });
});

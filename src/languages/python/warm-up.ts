/**
 * A few lines of Python that take the scanner through every branch it has: each kind of
 * indentation, operator, number and string form, f-string nesting, and the Python 2 and
 * malformed inputs it reports. The extractor's warm-up has tokenize.ts scan it a few times first.
 *
 * Why: V8 compiles the scanner from what it has seen run. A branch that first runs after that
 * (the first tab-indented line, the first `**=` or `0x` literal, often hundreds of files in)
 * throws the compiled scanner away, and compiling it again costs more than scanning a few MB.
 * Seen once here, every branch is in the first compiled version.
 */
const WELL_FORMED = [
  '\ufeff#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n"""Module docstring."""\n',
  'from __future__ import annotations\nimport os.path as p, sys; import importlib\n',
  'from .a import (b, c as d)  # a comment after code\nfrom ..e import *\n',
  'if TYPE_CHECKING:\n\timport typing\n \tpass\n\x0cx = 1\n',
  'try:\n    import json\nexcept (ImportError, ValueError) as e:\n    json = None\nfinally:\n    pass\n',
  '@decorator(1)\nasync def f(a, *args, b: int = 2, **kw) -> "T":\n    return await g(a) \\\n        + b\n',
  'class C(B, metaclass=M):\n    x: int = 0\n    def m(self): ...\n',
  'a = b == c != d <= e >= f < g > h << i >> j ** k // l % m & n | o ^ ~p @ q\n',
  'a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a >>= 1; a <<= 1; a &= 1; a |= 1; a ^= 1; a @= 1\n',
  'if (n := len(a)) > 10: print(n)\nlambda x: x[1:2, ...]\n',
  'n = [0, 1_000, 0x1F, 0o17, 0b101, 1.5, .5, 5., 1e10, 1E-5, 2.5e+3, 3j, 1.5J, 0777, 10L, 00]\n',
  "s = ['', \"\", 'a\\'b', \"a\\\"b\", r'\\d', b'x', rb'y', Rb\"z\", u'u', ur'v', BR'w', '''t\n''', \"\"\"d\n\"\"\"]\n",
  "f = [f'{a}', f\"{b!r:>{w}}\", f'{{x}}', rf'{c}\\d', f'''{d\n}''', f'{\"q\"}', f'{x:{y}.{z}}', f'\\N{DASH}{e}', t'{g}', f'''it's\n{h}''', f\"\"\"say \"hi\"\n\"\"\"]\n",
  "f2 = f'{a[\"k\"]}{b(1, 2)}{ {1: 2}[1] }{c # comment\n}'\n",
  'match p:\n    case [1, 2]:\n        pass\n    case {"k": v}:\n        pass\n    case _:\n        pass\n',
  'type X = list[int]\nprint >>sys.stderr, `x` <> y\nexec "code"\n',
  '__all__ = ["f", "C"]\n__all__ += ["g"]\nsys.path.insert(0, p.dirname(__file__))\n',
  'if __name__ == "__main__":\n    main()\n',
  // type paths (type-paths.ts): a plain one, a lazy argument, a spaced call, an escaped one, a triple-quoted one
  'import graphene\nt = Field("app.types.User"), lazy_import("pkg.types:Other"), lazy ("x.y"), Field("a.types.\\x55ser"), """a.b.C"""\n',
].join('');

/** Last, since an unterminated string swallows the rest. */
const MALFORMED = [
  'x = (1,\ndef g(): pass\n]\n)\nx = [1}\n\\ y\n$\n\u00e9t\u00e9 = 1\n',
  "u = 'unterminated\nv = \"\"\"never closed\n",
].join('');

export const WARM_UP_SOURCE = WELL_FORMED + MALFORMED;

/**
 * The same for the extractor after the tokens (statements, bindings, guards, call sites,
 * literals, sys.path): the forms of import, binding, guard and call it reads.
 */
export const WARM_UP_MODULE = [
  WELL_FORMED,
  'import subprocess, subprocess as sp\nfrom subprocess import run as sh, Popen\nfrom importlib import import_module as im\n',
  'import click, typer, argparse, fire\nfrom os import system, execv\nimport os, asyncio\n',
  'try:\n    from a import b\nexcept ImportError:\n    b = None\nelse:\n    pass\n',
  'try:\n    import c\nexcept Exception as e:\n    raise\n',
  'if sys.version_info >= (3, 8):\n    import d\nelif x:\n    import e\nelse:\n    from f import g\n',
  'def h():\n    import i\n    global j\n    return importlib.import_module("k.l")\n',
  'm = __import__("n")\no = im("q")\n__all__.extend(["r"])\n__all__.append("s")\n',
  'subprocess.run(["git", "status"], check=True)\nsp.call("make build", shell=True)\nsh(["ls"])\n',
  'os.system("echo hi")\nsystem("true")\nexecv(sys.executable, [sys.executable, "-m", "t"])\nPopen(["u"])\n',
  'asyncio.create_subprocess_exec("v")\nasyncio.create_subprocess_shell("w x")\n',
  '@click.command()\n@click.option("--y")\ndef cli(y): pass\napp = typer.Typer()\nparser = argparse.ArgumentParser()\nfire.Fire(cli)\n',
  'urlpatterns = [path("", include("app.urls")), path("a/", include(("app.b", "b")))]\n',
  'celery.autodiscover_tasks(["tasks.one", "tasks.two"])\n',
  'APP = "tasks:app"\nHANDLER = "pkg.module:Class"\nENTRY = "name = pkg.mod:main"\nSETTING = "pkg.mod.Class"\n',
  'a, *b = c = d[0] = e.f = 1\n(g, h), [i, j] = k\nl: int\nm: str = "n"\nfor o, p in q: pass\n',
  'with r() as s, t as (u, v): pass\nwhile w: break\nasync with x as y: pass\nasync for z in aa: pass\n',
  'class K:\n    import ab\n    def f(self):\n        import ac\n',
  'for _ in range(3):\n    import ad\nwith ae:\n    import af\nwhile ag:\n    import ah\n',
  'BASE = os.path.dirname(os.path.abspath(__file__))\nsys.path.append(os.path.join(BASE, "lib"))\n',
  'sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))\n',
  'def main():\n    pass\n\nif "__main__" == __name__:\n    main()\n',
  // Stop 53: scanTokens' two branches no other sample reached (a django.test settings swap, a string naming a
  // `.js` file): saleor met them hundreds of files in, and V8 threw the compiled pass away twice and compiled it again.
  'from django.test import override_settings\n@override_settings(ROOT_URLCONF="app.urls")\ndef test_swap():\n    get_resource("autoadd.js")\n',
  // Stop 55: the third, a triple-quoted string with a line that starts `from ` (code-templates' gate): saleor met one
  // 428 files in (a docstring of checkout/base_calculations.py) and V8 threw the compiled pass away again.
  'TEMPLATE = """\nfrom app import main\n"""\n',
  MALFORMED,
].join('');

/**
 * Small modules with every combination of the optional facts added before `exportedNames` and
 * `importRoots` (a star import, type paths, a summary), each with both of those. Facts take a
 * hidden class per combination, and extract.ts's store of `exportedNames` had only seen the
 * sample's one: the first real `__all__` in a file with another combination (hundreds of files
 * in) threw the compiled extractor away. Seen here, those stores take any facts object.
 */
export const WARM_UP_SHAPES: string[] = [];
for (let shape = 0; shape < 8; shape++) {
  WARM_UP_SHAPES.push(
    [
      shape & 4 ? '"""A summary."""\n' : '',
      shape & 1 ? 'from a import *\n' : '',
      shape & 2 ? 'import graphene\nt = "app.types.User"\n' : '',
      '__all__ = ["b"]\nsys.path.insert(0, "vendor")\n',
    ].join(''),
  );
}

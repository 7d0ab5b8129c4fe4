#!/usr/bin/env python3
"""Reference imports from CPython's own ast, for differential tests of census's Python extractor.

Usage:
  python-ast-imports.py FILE...        imports of the given files
  python-ast-imports.py < paths.txt    same, one path per line on stdin
  python-ast-imports.py --dir DIR      every .py file under DIR (for benchmarks on whole corpora)

Prints one JSON document: {"root": DIR or null, "files": {path: {"imports": [...]} | {"error": msg}}}.
In --dir mode paths are relative to DIR, with forward slashes.

Each import is {specifier, syntax, line, names, alias?, guard, handles?}, with the rules of
src/languages/python/frames.ts:
- specifier keeps the leading dots of relative imports ('..pkg', '.');
- syntax is 'import', 'from' or 'dynamic' (__import__('m'), importlib.import_module('m'),
  import_module('m') when imported from importlib; first positional argument a str constant);
- guard 'type-checking' inside the body of `if TYPE_CHECKING:` / `if x.TYPE_CHECKING:`, at any
  distance; else 'try' inside the body of a try (or try*) whose handlers catch ImportError,
  ModuleNotFoundError, Exception, BaseException or everything, counting only tries inside the
  nearest enclosing function; else 'function' inside a def / async def body; else null.
  Lambdas are not functions here, class bodies are transparent;
- handles: every exception name (dotted names, also inside tuples) of the innermost such try's
  handlers, in order without repeats; a bare `except:` counts as BaseException.
"""
import ast
import json
import os
import sys
import warnings

IMPORT_ERROR_CATCHERS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def handler_names(try_node):
    names = []
    for handler in try_node.handlers:
        if handler.type is None:
            found = ["BaseException"]
        elif isinstance(handler.type, ast.Tuple):
            found = [dotted(e) for e in handler.type.elts]
        else:
            found = [dotted(handler.type)]
        for name in found:
            if name is not None and name not in names:
                names.append(name)
    return names


def is_type_checking(test):
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING" and isinstance(test.value, ast.Name)


class Context:
    __slots__ = ("type_checking", "handles", "function")

    def __init__(self, type_checking=False, handles=None, function=False):
        self.type_checking = type_checking
        self.handles = handles
        self.function = function

    def guard(self):
        if self.type_checking:
            return "type-checking", None
        if self.handles is not None:
            return "try", list(self.handles)
        if self.function:
            return "function", None
        return None, None


class Collector:
    def __init__(self, tree):
        self.imports = []
        self.importlib_names = {"importlib"}
        self.import_module_names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "importlib" and alias.asname:
                        self.importlib_names.add(alias.asname)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == "importlib":
                for alias in node.names:
                    if alias.name == "import_module":
                        self.import_module_names.add(alias.asname or alias.name)

    def add(self, ctx, specifier, syntax, line, names, alias=None):
        guard, handles = ctx.guard()
        fact = {"specifier": specifier, "syntax": syntax, "line": line, "names": names, "guard": guard}
        if alias is not None:
            fact["alias"] = alias
        if handles is not None:
            fact["handles"] = handles
        self.imports.append(fact)

    def visit_all(self, nodes, ctx):
        for node in nodes:
            self.visit(node, ctx)

    def visit(self, node, ctx):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.visit_all(node.decorator_list, ctx)
            self.visit(node.args, ctx)
            if node.returns is not None:
                self.visit(node.returns, ctx)
            self.visit_all(getattr(node, "type_params", []), ctx)
            self.visit_all(node.body, Context(ctx.type_checking, None, True))
        elif isinstance(node, ast.If):
            self.visit(node.test, ctx)
            if is_type_checking(node.test):
                self.visit_all(node.body, Context(True, ctx.handles, ctx.function))
            else:
                self.visit_all(node.body, ctx)
            self.visit_all(node.orelse, ctx)
        elif isinstance(node, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            names = handler_names(node)
            bare = any(h.type is None for h in node.handlers)
            catches = bare or any(n in IMPORT_ERROR_CATCHERS for n in names)
            self.visit_all(node.body, Context(ctx.type_checking, names, ctx.function) if catches else ctx)
            for handler in node.handlers:
                if handler.type is not None:
                    self.visit(handler.type, ctx)
                self.visit_all(handler.body, ctx)
            self.visit_all(node.orelse, ctx)
            self.visit_all(node.finalbody, ctx)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                self.add(ctx, alias.name, "import", node.lineno, [], alias.asname)
        elif isinstance(node, ast.ImportFrom):
            specifier = "." * (node.level or 0) + (node.module or "")
            names = [{"name": a.name, "alias": a.asname} if a.asname else {"name": a.name} for a in node.names]
            self.add(ctx, specifier, "from", node.lineno, names)
        else:
            if isinstance(node, ast.Call):
                self.call(node, ctx)
            for child in ast.iter_child_nodes(node):
                self.visit(child, ctx)

    def call(self, node, ctx):
        func = node.func
        dynamic = (
            isinstance(func, ast.Name) and (func.id == "__import__" or func.id in self.import_module_names)
        ) or (
            isinstance(func, ast.Attribute)
            and func.attr == "import_module"
            and isinstance(func.value, ast.Name)
            and func.value.id in self.importlib_names
        )
        if not dynamic or not node.args:
            return
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            self.add(ctx, first.value, "dynamic", node.lineno, [])


def imports_of(path):
    try:
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, filename=path)
        collector = Collector(tree)
        collector.visit_all(tree.body, Context())
        return {"imports": collector.imports}
    except (SyntaxError, ValueError, RecursionError, MemoryError, OSError, UnicodeError) as e:
        return {"error": f"{type(e).__name__}: {e}"}


def python_files(root):
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(directory, name)


def main(argv):
    sys.setrecursionlimit(10000)
    root = None
    if len(argv) >= 2 and argv[0] == "--dir":
        root = argv[1]
        paths = list(python_files(root))
    elif argv:
        paths = argv
    else:
        paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    files = {}
    for path in paths:
        key = os.path.relpath(path, root).replace(os.sep, "/") if root else path
        files[key] = imports_of(path)
    json.dump({"root": root, "files": files}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])

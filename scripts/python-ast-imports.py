#!/usr/bin/env python3
"""Reference imports from CPython's own ast, for differential tests of census's Python extractor.

Usage:
  python-ast-imports.py FILE...        imports of the given files
  python-ast-imports.py < paths.txt    same, one path per line on stdin
  python-ast-imports.py --dir DIR      every .py file under DIR (for benchmarks on whole corpora)

Prints one JSON document: {"root": DIR or null, "files": {path: {"imports": [...]} | {"error": msg}}}.
In --dir mode paths are relative to DIR, with forward slashes.

Each file also gets "definitions" (sorted top-level names, the rules of src/languages/python/
extract.ts) and "exported" (`__all__` as a literal list, or null), so the differential test checks
those too.

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
import re
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


def str_constant(node):
    """The value of a str literal node, also on Pythons before 3.8 (ast.Str)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if sys.version_info < (3, 8) and isinstance(node, getattr(ast, "Str", ())):
        return node.s
    return None


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
    def __init__(self, tree, path):
        self.path = path
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
        specifier = str_constant(node.args[0])
        if specifier is not None and not (isinstance(func, ast.Name) and func.id == "__import__"):
            specifier = against_package(specifier, node, self.path)
        if specifier is not None:
            self.add(ctx, specifier, "dynamic", node.lineno, [])


def against_package(name, node, path):
    """import_module('.name', package): a literal package resolves the name (importlib's
    _resolve_name); __package__/__spec__.parent keep it relative to the file, and so does __name__
    in an __init__.py; in a plain module __name__ is the module, so one dot fails (None) and n dots
    are n - 1 from the file; no package raises TypeError (None); any other package: None."""
    if not name.startswith("."):
        return name
    pkg = next((k.value for k in node.keywords if k.arg == "package"), node.args[1] if len(node.args) > 1 else None)
    if pkg is None:
        return None
    level = len(name) - len(name.lstrip("."))
    if isinstance(pkg, ast.Name) and pkg.id == "__package__":
        return name
    if isinstance(pkg, ast.Attribute) and pkg.attr == "parent" and isinstance(pkg.value, ast.Name) and pkg.value.id == "__spec__":
        return name
    if isinstance(pkg, ast.Name) and pkg.id == "__name__":
        if os.path.basename(path) == "__init__.py":
            return name
        return None if level == 1 else name[1:]
    base = str_constant(pkg)
    if base is None or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*", base):
        return None
    parts = base.split(".")
    if level - 1 >= len(parts):
        return None
    head = ".".join(parts[: len(parts) - (level - 1)])
    rest = name[level:]
    return head + "." + rest if rest else head


def target_names(target, out):
    if isinstance(target, ast.Name):
        out.append(target.id)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            target_names(element, out)
    elif isinstance(target, ast.Starred):
        target_names(target.value, out)


def walrus_names(node, out):
    for n in ast.walk(node):
        if isinstance(n, ast.NamedExpr) and isinstance(n.target, ast.Name):
            out.append(n.target.id)


def string_list(node):
    """A list or tuple display of str literals, as a list; None for anything else."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        return None
    values = [str_constant(e) for e in node.elts]
    return None if any(v is None for v in values) else values


class TopLevel:
    """Names bound at module level and __all__, walking module-level blocks but no def or class."""

    def __init__(self):
        self.names = []
        self.exported = None
        self.exported_seen = False

    def export(self, values, replace):
        if values is None:
            self.exported, self.exported_seen = None, True
        elif replace or not self.exported_seen:
            self.exported, self.exported_seen = list(values), True
        elif self.exported is not None:
            self.exported = self.exported + values

    def all_statement(self, s):
        if isinstance(s, ast.Assign) and isinstance(s.targets[0], ast.Name) and s.targets[0].id == "__all__":
            self.export(string_list(s.value), True)
        elif isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) and s.target.id == "__all__" and s.value is not None:
            self.export(string_list(s.value), True)
        elif isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name) and s.target.id == "__all__" and isinstance(s.op, ast.Add):
            self.export(string_list(s.value), False)
        elif isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
            func = s.value.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "__all__":
                args = s.value.args
                if func.attr == "extend" and len(args) == 1:
                    self.export(string_list(args[0]), False)
                elif func.attr == "append" and len(args) == 1:
                    value = str_constant(args[0])
                    self.export(None if value is None else [value], False)

    def block(self, body):
        out = self.names
        for s in body:
            self.all_statement(s)
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                out.append(s.name)
            elif isinstance(s, ast.Assign):
                for t in s.targets:
                    target_names(t, out)
                walrus_names(s, out)
            elif isinstance(s, (ast.AnnAssign, ast.AugAssign)):
                target_names(s.target, out)
                walrus_names(s, out)
            elif isinstance(s, ast.Import):
                out.extend(a.asname or a.name.split(".")[0] for a in s.names)
            elif isinstance(s, ast.ImportFrom):
                out.extend(a.asname or a.name for a in s.names if a.name != "*")
            elif isinstance(s, (ast.For, ast.AsyncFor)):
                target_names(s.target, out)
                walrus_names(s.iter, out)
                self.block(s.body)
                self.block(s.orelse)
            elif isinstance(s, (ast.While, ast.If)):
                walrus_names(s.test, out)
                self.block(s.body)
                self.block(s.orelse)
            elif isinstance(s, (ast.With, ast.AsyncWith)):
                for item in s.items:
                    if item.optional_vars is not None:
                        target_names(item.optional_vars, out)
                    walrus_names(item.context_expr, out)
                self.block(s.body)
            elif isinstance(s, (ast.Try, getattr(ast, "TryStar", ast.Try))):
                self.block(s.body)
                for handler in s.handlers:
                    if handler.name:
                        out.append(handler.name)
                    self.block(handler.body)
                self.block(s.orelse)
                self.block(s.finalbody)
            elif type(s).__name__ == "Match":
                walrus_names(s.subject, out)
                for case in s.cases:
                    self.block(case.body)
            elif type(s).__name__ == "TypeAlias":
                out.append(s.name.id)
            elif isinstance(s, ast.Expr):
                walrus_names(s, out)


def imports_of(path):
    try:
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, filename=path)
        collector = Collector(tree, path)
        collector.visit_all(tree.body, Context())
        top = TopLevel()
        top.block(tree.body)
        return {"imports": collector.imports, "definitions": sorted(set(top.names)), "exported": top.exported}
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

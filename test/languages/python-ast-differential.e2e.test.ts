/**
 * The Python extractor against CPython's own ast (scripts/python-ast-imports.py, same guard
 * rules) on real code: a deterministic sample of ~300 files of the machine's python3 standard
 * library. Imports, lines, names, aliases, guards and handled exceptions must agree exactly, and
 * so must the top-level definitions and a literal `__all__`.
 *
 * CENSUS_PY_DIFF_ALL=1 compares every .py file under the stdlib directory (site-packages
 * included) instead of the sample; CENSUS_PY_DIFF_DIR=<dir> compares every file under <dir>;
 * CENSUS_PYTHON=python3.12 picks the interpreter (and so the stdlib and the grammar).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportFact } from '../../src/model/facts.js';
import { pythonExtractor } from '../../src/languages/python/extract.js';

const SCRIPT = new URL('../../../scripts/python-ast-imports.py', import.meta.url).pathname;
const SAMPLE_SIZE = 300;

const PYTHON = process.env.CENSUS_PYTHON ?? 'python3';
const python = spawnSync(PYTHON, ['-c', 'import sys,sysconfig;print(sysconfig.get_paths()["stdlib"]);print(sys.version_info >= (3, 11))'], {
  encoding: 'utf8',
});
const [stdlib, atLeast311] = python.status === 0 ? python.stdout.trim().split('\n') : [null, 'False'];

/** Files that are broken on purpose (lib2to3's Python 2 test data and the like). */
const DELIBERATELY_BROKEN = /(^|\/)lib2to3\/tests?\/|\/tokenizedata\/bad|(^|\/)badsyntax_|(^|\/)bad_coding/;

const pythonFiles = (root: string, withSitePackages: boolean): string[] => {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      let stat;
      try {
        stat = statSync(p);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (name === '__pycache__' || (!withSitePackages && (name === 'site-packages' || name === 'dist-packages'))) continue;
        walk(p);
      } else if (name.endsWith('.py') && stat.size < 4_000_000) out.push(p);
    }
  };
  walk(root);
  return out.filter((p) => !DELIBERATELY_BROKEN.test(p.slice(root.length)));
};

const sample = (files: string[], size: number): string[] => {
  if (files.length <= size) return files;
  const step = files.length / size;
  return Array.from({ length: size }, (_, i) => files[Math.floor(i * step)]);
};

interface AstImport {
  specifier: string;
  syntax: string;
  line: number;
  names: Array<{ name: string; alias?: string }>;
  alias?: string;
  guard: string | null;
  handles?: string[];
}

type AstResult = { imports: AstImport[]; definitions: string[]; exported: string[] | null } | { error: string };

const astImports = (paths: string[]): Record<string, AstResult> => {
  const out = execFileSync(PYTHON, [SCRIPT], { input: paths.join('\n'), encoding: 'utf8', maxBuffer: 1 << 30 });
  return (JSON.parse(out) as { files: Record<string, AstResult> }).files;
};

/** One import as a comparable line of text: every field that must agree. */
const canonical = (i: AstImport | ImportFact): string =>
  JSON.stringify([
    i.line,
    i.syntax,
    i.specifier,
    i.names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name)),
    i.alias ?? null,
    i.guard,
    i.guard === 'try' ? (i.handles ?? []) : null,
  ]);

/** The items of `a` left after taking out one copy of each item of `b` (multiset difference). */
const without = (a: string[], b: string[]): string[] => {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const c = counts.get(x) ?? 0;
    if (c > 0) counts.set(x, c - 1);
    return c === 0;
  });
};

interface Comparison {
  files: number;
  skipped: number;
  imports: number;
  disagreements: string[];
}

const compare = (paths: string[]): Comparison => {
  const result: Comparison = { files: 0, skipped: 0, imports: 0, disagreements: [] };
  const reference = astImports(paths);
  for (const path of paths) {
    const expected = reference[path];
    if (!expected || 'error' in expected) {
      result.skipped++;
      continue;
    }
    result.files++;
    const text = readFileSync(path, 'utf8');
    const facts = pythonExtractor.extract(path, text);
    const actual = facts.imports.map(canonical).sort();
    const wanted = expected.imports.map(canonical).sort();
    result.imports += wanted.length;
    const missing = without(wanted, actual);
    const extra = without(actual, wanted);
    for (const m of missing) result.disagreements.push(`${path}: ast has      ${m}`);
    for (const x of extra) result.disagreements.push(`${path}: census has   ${x}`);
    const definitions = [...new Set(facts.definitions)].sort();
    if (JSON.stringify(definitions) !== JSON.stringify(expected.definitions)) {
      const missingNames = without(expected.definitions, definitions);
      const extraNames = without(definitions, expected.definitions);
      result.disagreements.push(`${path}: definitions: ast also has [${missingNames}], census also has [${extraNames}]`);
    }
    if (JSON.stringify(facts.exportedNames ?? null) !== JSON.stringify(expected.exported)) {
      result.disagreements.push(`${path}: __all__: ast ${JSON.stringify(expected.exported)}, census ${JSON.stringify(facts.exportedNames ?? null)}`);
    }
  }
  return result;
};

const corpus = (): string[] => {
  const dir = process.env.CENSUS_PY_DIFF_DIR;
  if (dir) return pythonFiles(dir, true);
  if (!stdlib) return [];
  if (process.env.CENSUS_PY_DIFF_ALL) return pythonFiles(stdlib, true);
  return sample(pythonFiles(stdlib, false), SAMPLE_SIZE);
};

test('python extractor agrees with CPython ast on real stdlib files', { skip: stdlib === null ? 'python3 not found' : false }, () => {
  const paths = corpus();
  assert.ok(paths.length > 0, 'no Python files found');
  const result = compare(paths);
  const summary = `${result.files} files compared (${result.skipped} skipped: ast cannot parse them), ${result.imports} imports, ${result.disagreements.length} disagreements`;
  if (result.disagreements.length > 0) console.log(result.disagreements.slice(0, 200).join('\n'));
  console.log(summary);
  assert.ok(result.files >= Math.min(paths.length, SAMPLE_SIZE) * 0.9, summary);
  assert.ok(result.imports > 500, summary);
  assert.equal(result.disagreements.length, 0, summary);
});

/** Hand-written corners of the grammar that real code rarely shows all at once. */
const TRICKY: Record<string, string> = {
  one_line_compounds: 'import os\nif TYPE_CHECKING: import a; import b\ntry: import c\nexcept ImportError: import d\nelse: import e\nfinally: import f\n',
  continuations: 'from a import \\\n    b, \\\n    c\nimport x.y \\\n  as z\nfrom . import (p,\n   q as r,\n)\nfrom .... import deep\nfrom ...pkg.sub import thing\n',
  strings_hide_imports: 's = """\nimport hidden\n"""\nt = \'import nope\\\ncontinued\'\nu = r\'\\\'import no\'\nv = b"import no"\nw = f"{x!r:>{width}} import no"\nx = \'\'\nimport after_empty\ny = \'\'\'\'\'\'\nimport after_triple_empty\n# import in_comment "\nimport real\n',
  nesting: 'def f():\n    class C:\n        import in_method_class\n        def m(self):\n            try:\n                import in_try\n            except ImportError:\n                import in_handler\n    return 1\nclass K:\n    import in_class\n    if TYPE_CHECKING:\n        import tc_in_class\n',
  try_around_def: 'try:\n    import top\n    def later():\n        import runs_later\n    class Now:\n        import runs_now\nexcept Exception:\n    pass\n',
  nested_tries: 'try:\n    try:\n        import inner\n    except KeyError:\n        import in_keyerror_handler\n    else:\n        import in_else\nexcept (ImportError, AttributeError) as e:\n    pass\ntry:\n    import plain\nexcept ValueError:\n    pass\nfinally:\n    import in_finally\n',
  except_forms: 'try:\n    import a\nexcept:\n    pass\ntry:\n    import b\nexcept (socket.error, ModuleNotFoundError):\n    pass\ntry:\n    import c\nexcept* ImportError:\n    pass\ntry:\n    import d\nexcept (BaseException):\n    pass\ntry:\n    import e\nexcept getattr(mod, "Err"):\n    pass\nexcept ImportError:\n    pass\n',
  type_checking_forms: 'import typing\nif typing.TYPE_CHECKING:\n    import a\nelif TYPE_CHECKING:\n    import b\nelse:\n    import c\nif (TYPE_CHECKING):\n    import d\nif not TYPE_CHECKING:\n    import e\nif TYPE_CHECKING:\n    def f():\n        import f_tc\n',
  headers_with_colons: 'if (lambda: 1)(): import a\nif {1: 2}[1]: import b\nwith open(x) as f, open(y) as g: import c\nfor k in {"a": 1}: import d\nwhile x[1:2]: import e\nif lambda: 0: import f\n',
  match_statements: 'match command.split():\n    case [action]:\n        import one\n    case [action, obj] if obj:\n        import two\n    case {"k": v}: import three\n    case _:\n        pass\nmatch = 1\nmatch(x)\ncase = 2\n',
  async_and_decorators: '@decorate(__import__("deco"))\nasync def run(x=__import__("default")):\n    import inside\n    async with lock: import in_with\n    async for i in it:\n        import in_for\n',
  dynamic_forms: 'import importlib as il\nfrom importlib import import_module as im\nil.import_module("a.b")\nim("c")\n__import__("d" "e")\n__import__(("f"))\nimportlib.import_module(f"g")\n__import__(name)\nx.__import__("h")\nimportlib.import_module(".rel", package="pkg")\nimport_module("not_imported_name")\nfoo.importlib.import_module("i")\n__import__(b"bytes")\n__import__("j".strip())\n__import__(\n    "k")\n',
  tabs_and_formfeed: 'if x:\n\timport tabbed\n\tif y:\n\t\timport tabbed2\n\x0cimport after_formfeed\ndef g():\n        import eight\n',
  crlf: 'import a\r\nif x:\r\n    import b\r\n    s = """\r\nimport no\r\n"""\r\n    import c\r\n',
  semicolons_and_comments: 'import a; import b  # import c\nx = 1; from d import e; y = 2\nif x:  # comment : with colon\n    import f  # trailing\n\n    # comment line\n\n    import g\n',
  unicode_names: 'import café as été\nfrom модуль import имя\nπ = 3\n',
  all_forms:
    '__all__ = ["a", "b"]\n__all__ += ("c",)\n__all__.extend(["d"])\n__all__.append("e")\nif x:\n    __all__ += ["f" "g"]\ndef f():\n    __all__ = ["local"]\n',
  all_not_literal: '__all__ = ("a")\n__all__ += ["b"]\n',
  all_replaced: '__all__ = [n for n in dir()]\n__all__ = ["x"]\n__all__.append(("y"))\n',
  bindings: 'a, (b, *c) = d\ne: int\nf: int = 1\ng = h = 0\ni.j = 1\nk[0] = 1\nl += 1\nfor m, n in x: pass\nwith o as (p, q), r as s: pass\ntry: pass\nexcept E as t: pass\nif (u := 1): pass\nclass V: w = 1\ndef x(): y = 1\n',
  walrus_and_comprehension: 'if (m := __import__("walrus")):\n    import w\ndata = [__import__("comp") for _ in range(1) if _]\nf = lambda: __import__("in_lambda")\n',
};

/** Python 3.12+ grammar (PEP 701 f-strings, PEP 695 type parameters): compared when the interpreter reads it. */
const TRICKY_312: Record<string, string> = {
  pep701_fstrings:
    'a = f"{"same quotes"} {x:{"w"}}"\nimport one\nb = f"playlist: {", ".join([\n    \'a\',  # comment with a quote "\n    \'b\',\n])}"\nimport two\nc = f"{\'\\n\'.join(rows)}"\nd = f"{f"{f"{deep}"}"}"\nimport three\n',
  pep695_type_params: 'type Alias = list[int]\nimport one\nclass Box[T]:\n    import in_class\ndef first[T](xs: list[T]) -> T:\n    import in_def\n',
};

const compareSources = (sources: Record<string, string>): Comparison => {
  const dir = mkdtempSync(join(tmpdir(), 'census-py-tricky-'));
  try {
    const paths = Object.entries(sources).map(([name, source]) => {
      const p = join(dir, `${name}.py`);
      writeFileSync(p, source);
      return p;
    });
    return compare(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

test('python extractor agrees with CPython ast on tricky hand-written files', { skip: stdlib === null ? 'python3 not found' : false }, () => {
  const result = compareSources(TRICKY);
  const summary = `${result.files} files compared (${result.skipped} skipped), ${result.imports} imports, ${result.disagreements.length} disagreements`;
  if (result.disagreements.length > 0) console.log(result.disagreements.join('\n'));
  // match (3.10) and except* (3.11) are in the set: older interpreters skip those files.
  if (atLeast311 === 'True') assert.equal(result.skipped, 0, `ast could not parse some tricky files: ${summary}`);
  assert.equal(result.disagreements.length, 0, summary);
});

test('python extractor agrees with CPython ast on Python 3.12 grammar', { skip: stdlib === null ? 'python3 not found' : false }, (t) => {
  const result = compareSources(TRICKY_312);
  if (result.disagreements.length > 0) console.log(result.disagreements.join('\n'));
  if (result.files === 0) t.skip(`${PYTHON} is older than 3.12`);
  assert.equal(result.disagreements.length, 0);
});

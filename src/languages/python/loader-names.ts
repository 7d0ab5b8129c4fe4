/**
 * Stop 49: the one table of Python calls that load a module by its dotted name, and one builder of
 * the patterns that find their calls in text. Each reader takes the rows it models (string-modules,
 * loader-functions, loader-roles, loader-fixpoint, loader-wrappers, loader-classes, folder-loaders,
 * attribute-imports, prefixed-imports): nine copies of the same names were kept in step by hand.
 */

/** Python's own: importlib's `import_module` and the builtin `__import__`. */
export const IMPORTLIB_LOADS = ['import_module', '__import__'] as const;
/** The same with Django's and werkzeug's `import_string`: a module or object by its dotted path. */
export const CORE_LOADS = [...IMPORTLIB_LOADS, 'import_string'] as const;
/** oslo.utils' importutils (every OpenStack service): `import_class('pkg.mod.Class')`, `import_object(…)`. */
export const OSLO_OBJECT_LOADS = ['import_class', 'import_object'] as const;
/** oslo.utils' importutils `try_import(name)`: the module, or a default when it is missing. */
export const OSLO_TRY_LOADS = ['try_import'] as const;
/**
 * Twisted's `reflect.named*` (buildbot loads its subcommands so), pkgutil's `resolve_name`, and
 * kombu's `symbol_by_name('pkg.mod:attr' or 'pkg.mod.attr', aliases)`, which celery re-exports from
 * celery.utils.imports and loads its backends, pools, loaders and schedulers with (stop 53: celery's
 * app/backends.py:49 `symbol_by_name(backend, aliases)` over `'rpc': 'celery.backends.rpc.RPCBackend'`).
 */
const NAMED_LOADS = ['namedAny', 'namedObject', 'namedModule', 'namedClass', 'resolve_name', 'symbol_by_name'] as const;
/** Every call that imports a module by the name it is handed as its first argument. */
export const BY_NAME_LOADS = [...CORE_LOADS, ...OSLO_OBJECT_LOADS, ...NAMED_LOADS] as const;
/** astroid's modutils (pylint's `register_plugins`): a module by file or by name. */
export const ASTROID_LOADS = ['load_module_from_file', 'load_module_from_name'] as const;
/** Loads by a file's path, its second argument: `spec_from_file_location(name, path)`. */
export const FILE_PATH_LOADS = ['spec_from_file_location', 'load_source', 'SourceFileLoader'] as const;

/** importlib's finder: `find_spec(name)` finds a module by its dotted name; it loads only with `exec_module` after it. */
export const FINDER_LOADS = ['find_spec'] as const;

/** `a|b|c`: names as a regex alternation (the names are plain words). */
export const alternation = (names: readonly string[]): string => names.join('|');

/** A call of one of `names`: the word, then `(` (blanks between allowed). */
export const callPattern = (names: readonly string[], flags = ''): RegExp => new RegExp(String.raw`\b(?:${alternation(names)})\s*\(`, flags);

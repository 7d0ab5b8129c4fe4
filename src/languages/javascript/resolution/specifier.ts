/** What a JS/TS import specifier looks like, before anything is looked up. */

/** `./x`, `../x`, `/abs`: a path, never a package. */
export const isPathSpecifier = (specifier: string): boolean =>
  specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || specifier.startsWith('/');

/** `node:fs`, `bun:sqlite`: the runtime's own modules, whatever the file system holds. */
export const isRuntimeScheme = (specifier: string): boolean => specifier.startsWith('node:') || specifier.startsWith('bun:');

/** `https:`, `jsr:`, `npm:`, `data:`…: loaded by a runtime or bundler from elsewhere. */
export const isUrlLike = (specifier: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(specifier) && !/^[a-z]:[\\/]/i.test(specifier);

/** `@scope/pkg/sub` → `@scope/pkg`; `lodash/fp` → `lodash`; `npm:chalk@5` → `chalk`; a URL stays whole. */
export const packageNameOf = (specifier: string): string => {
  let spec = specifier;
  const registry = /^(?:npm|jsr):/.exec(spec);
  if (registry) spec = spec.slice(registry[0].length).replace(/(?!^)@[^/]*/, '');
  else if (isUrlLike(spec)) return specifier;
  const parts = spec.split('/');
  return spec.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0];
};

/** The package a node_modules path belongs to: the segment(s) after the last `node_modules/`. */
export const packageNameFromPath = (repoOrAbsPath: string): string | null => {
  const at = repoOrAbsPath.lastIndexOf('node_modules/');
  if (at < 0) return null;
  const rest = repoOrAbsPath.slice(at + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') && rest.length > 1 ? `${rest[0]}/${rest[1]}` : (rest[0] ?? null);
};

/** Could this be an npm package name? `~/x` and `@/x` cannot: they are aliases, configured or not. */
export const isPackageName = (name: string): boolean => /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name);

/** `./styles.css?inline`, `./worker.js?worker`: bundler queries name the same file. */
export const withoutQuery = (specifier: string): string => {
  const at = specifier.indexOf('?');
  // Sliced on every call (the whole string is the string itself): a branch the resolver's first
  // thousands of imports never took made V8 recompile resolveOne when a query first came.
  return specifier.slice(0, at > 0 ? at : specifier.length);
};

/**
 * resolve-cwd, import-cwd, resolve-from and import-from: a module id resolved from another folder
 * than the file's (the process's working folder, or a folder given first). A relative id there is
 * not relative to this file, so only a package-name id is read; for the resolve- packages the
 * call yields a path, which loads the file only when it is required: `require(resolveCwd(id))`,
 * or `const p = resolveCwd.silent(id)` and a `require(p)` / `import(p)` in the same file.
 */
import type { EcmaScriptModule } from 'oxc-parser';
import { type AstNode, dottedName, nodeAt, nodesAt, unwrap } from './ast.js';
import { escapeRegExp } from '../../util/regexp.js';

/** Each package: which argument is the module id, and whether the call itself loads it. */
const RESOLVER_MODULES: Record<string, { argument: number; loads: boolean }> = {
  'resolve-cwd': { argument: 0, loads: false },
  'import-cwd': { argument: 0, loads: true },
  'resolve-from': { argument: 1, loads: false },
  'import-from': { argument: 1, loads: true },
};

/** Every resolver package: with one imported, `import(p)` of a path it resolved loads a module (the walk reads it). */
export const RESOLVER_PACKAGES: ReadonlySet<string> = new Set(Object.keys(RESOLVER_MODULES));

/** The packages whose call itself loads the module (a file that imports one needs the AST walk). */
export const LOADING_RESOLVERS = new Set(Object.keys(RESOLVER_MODULES).filter((m) => RESOLVER_MODULES[m]?.loads));

export interface ResolverCallee {
  argument: number;
  loads: boolean;
}

/** Callee names (`resolveCwd`, `resolveCwd.silent`) a default or namespace binding of a resolver package gives. */
const calleesOf = (local: string, module: string, into: Map<string, ResolverCallee>): void => {
  const resolver = RESOLVER_MODULES[module];
  if (!resolver) return;
  into.set(local, resolver);
  into.set(`${local}.silent`, resolver);
};

/** `import resolveCwd from 'resolve-cwd'`. */
export const importedResolverCallees = (module: EcmaScriptModule): Map<string, ResolverCallee> => {
  const callees = new Map<string, ResolverCallee>();
  for (const statement of module.staticImports) {
    for (const entry of statement.entries) {
      const kind = entry.importName.kind as string;
      if (!entry.isType && (kind === 'Default' || kind === 'NamespaceObject')) calleesOf(entry.localName.value, statement.moduleRequest.value, callees);
    }
  }
  return callees;
};

/** `const resolveCwd = require('resolve-cwd')`. */
export const bindRequiredResolver = (id: AstNode | null, module: string, callees: Map<string, ResolverCallee>): void => {
  if (id?.type === 'Identifier') calleesOf(id.name as string, module, callees);
};

/** The module-id argument of a resolver call, and whether the call loads it; null for any other call. */
export const resolverCall = (node: AstNode | null, callees: Map<string, ResolverCallee>): { id: AstNode | null; loads: boolean } | null => {
  const call = unwrap(node);
  if (call?.type !== 'CallExpression') return null;
  const resolver = callees.get(dottedName(nodeAt(call, 'callee')) ?? '');
  return resolver ? { id: nodesAt(call, 'arguments')[resolver.argument] ?? null, loads: resolver.loads } : null;
};

/** Whether the file requires or imports the value of a variable: `require(p)`, `import(p)`. */
export const loadsVariable = (name: string, text: string): boolean =>
  new RegExp(`\\b(?:require|import)\\s*\\(\\s*${escapeRegExp(name)}\\s*[,)]`).test(text);

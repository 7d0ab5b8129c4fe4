/**
 * Module customization hooks: `register('./hooks.mjs', import.meta.url)` (or `{ parentURL:
 * import.meta.url }`) from `node:module` makes Node load the hooks file for every later import,
 * so the registered file is a (dynamic) import of the file that calls it. A relative specifier
 * is read only with this file's URL as the parent (`import.meta.url`, `{ parentURL: import.meta.url }`,
 * `pathToFileURL(__filename)`; `pathToFileURL('./')` is the process's folder,
 * unknown here); a package name is a dependency whatever the parent.
 */
import type { EcmaScriptModule } from 'oxc-parser';
import { type AstNode, dottedName, literalString, nodeAt, nodesAt, propertyKeyName, unwrap } from './ast.js';

/** The specifiers of Node's module API. */
export const MODULE_API = new Set(['module', 'node:module']);

/**
 * The callee names that are `register` of node:module in a file: `register` (or its alias) from a
 * named import, `<name>.register` for a default or namespace import.
 */
export const registerCallees = (module: EcmaScriptModule): Set<string> => {
  const callees = new Set<string>();
  for (const statement of module.staticImports) {
    if (!MODULE_API.has(statement.moduleRequest.value)) continue;
    for (const entry of statement.entries) {
      if (entry.isType) continue;
      const kind = entry.importName.kind as string;
      if (kind === 'Name' && entry.importName.name === 'register') callees.add(entry.localName.value);
      else if (kind === 'Default' || kind === 'NamespaceObject') callees.add(`${entry.localName.value}.register`);
    }
  }
  return callees;
};

/** The callee names a `const … = require('node:module')` declarator binds: `m.register`, or `register` destructured. */
export const requiredRegisterCallees = (id: AstNode | null): string[] => {
  if (id?.type === 'Identifier') return [`${id.name as string}.register`];
  if (id?.type !== 'ObjectPattern') return [];
  return nodesAt(id, 'properties').flatMap((p) => {
    const value = unwrap(nodeAt(p, 'value'));
    return p.type === 'Property' && propertyKeyName(p) === 'register' && value?.type === 'Identifier' ? [value.name as string] : [];
  });
};

const isThisFileUrl = (node: AstNode | null): boolean => {
  const parent = unwrap(node);
  if (!parent) return false;
  if (dottedName(parent) === 'import.meta.url') return true;
  // CommonJS: `pathToFileURL(__filename)`.
  if (parent.type === 'CallExpression' && /^(url\.)?pathToFileURL$/.test(dottedName(nodeAt(parent, 'callee')) ?? '')) return dottedName(nodesAt(parent, 'arguments')[0] ?? null) === '__filename';
  if (parent.type !== 'ObjectExpression') return false;
  return nodesAt(parent, 'properties').some((p) => p.type === 'Property' && propertyKeyName(p) === 'parentURL' && dottedName(unwrap(nodeAt(p, 'value'))) === 'import.meta.url');
};

/** The specifier a `register(specifier, parent)` call loads as this file's import, or null. */
export const registeredSpecifier = (args: AstNode[]): string | null => {
  const specifier = literalString(args[0] ?? null);
  if (specifier === null || specifier === '') return null;
  if (/^\.{1,2}\//.test(specifier)) return isThisFileUrl(args[1] ?? null) ? specifier : null;
  // `file:` and `data:` URLs, absolute paths: nothing the repo's resolution can place.
  if (specifier.startsWith('/') || /^[a-z][\w+.-]*:/i.test(specifier) && !specifier.startsWith('node:')) return null;
  return specifier;
};

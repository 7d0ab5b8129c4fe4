/**
 * Node's own file globbing: `glob()` and `globSync()` of node:fs and node:fs/promises (Node 22+)
 * list files by pattern, and code that globs its own folders loads what it lists (migrations,
 * seeds, plugins). Each statically known pattern becomes a glob reference whose folder is where
 * the process runs, not the file's folder: Node resolves the pattern against `options.cwd`, itself
 * relative to process.cwd(). A pattern or a `cwd` computed at run time, options census cannot read
 * (a variable, a spread) and `!` patterns name nothing: never a guess. Other options are ignored,
 * since `exclude` and `withFileTypes` only narrow or reshape what the pattern lists.
 */
import type { ReferenceFact } from '../../model/facts.js';
import { type AstNode, dottedName, literalString, nodeAt, nodesAt, propertyKeyName, unwrap } from './ast.js';
import { evaluateString, type ValueContext } from './static-value.js';

/** Modules whose glob functions list files. */
export const FS_MODULES: ReadonlySet<string> = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);

const GLOB_FUNCTIONS = new Set(['glob', 'globSync']);

/** A local name bound to a glob function, or to an fs module (whose `.glob`, `.globSync` and `.promises.glob` are). */
export type FsGlobBinding = 'function' | 'module';

/**
 * Text worth walking for fs globs: it names an fs module and the word `glob` or `globSync`, which
 * every glob call the walk reads holds (`glob(`, `fs.globSync(`, the `{ glob as g }` a renamed
 * call was bound by). Whole words: a prefix test sent every file naming Payload's `globals` to the walk.
 */
export const mayGlobWithFs = (text: string): boolean => /['"](?:node:)?fs(?:\/promises)?['"]/.test(text) && /\bglob(?:Sync)?\b/.test(text);

interface ImportEntry {
  importName: { kind: string; name?: string | null };
  localName: { value: string };
}

/** Bindings from `import { glob } from 'node:fs/promises'`, `import fs from 'fs'`, `import * as fsp from 'fs/promises'`. */
export const fsGlobBindingsOf = (statements: readonly { moduleRequest: { value: string }; entries: readonly ImportEntry[] }[]): Map<string, FsGlobBinding> => {
  const bindings = new Map<string, FsGlobBinding>();
  for (const statement of statements) {
    if (!FS_MODULES.has(statement.moduleRequest.value)) continue;
    for (const entry of statement.entries) {
      const kind = entry.importName.kind;
      const name = kind === 'Name' ? (entry.importName.name ?? null) : null;
      if (name === null) bindings.set(entry.localName.value, 'module');
      else if (GLOB_FUNCTIONS.has(name)) bindings.set(entry.localName.value, 'function');
      else if (name === 'promises') bindings.set(entry.localName.value, 'module');
    }
  }
  return bindings;
};

/** Bindings from `const fs = require('fs')` and `const { glob: g, promises } = require('node:fs')`. */
export const bindRequiredFs = (id: AstNode | null, bindings: Map<string, FsGlobBinding>): void => {
  if (id?.type === 'Identifier') {
    bindings.set(id.name as string, 'module');
    return;
  }
  if (id?.type !== 'ObjectPattern') return;
  for (const property of nodesAt(id, 'properties')) {
    if (property.type !== 'Property') continue;
    const name = propertyKeyName(property);
    const value = unwrap(nodeAt(property, 'value'));
    if (name === null || value?.type !== 'Identifier') continue;
    if (GLOB_FUNCTIONS.has(name)) bindings.set(value.name as string, 'function');
    else if (name === 'promises') bindings.set(value.name as string, 'module');
  }
};

const isFsModuleObject = (node: AstNode | null, bindings: ReadonlyMap<string, FsGlobBinding>): boolean => {
  const object = unwrap(node);
  if (!object) return false;
  if (object.type === 'Identifier') return bindings.get(object.name as string) === 'module';
  // require('node:fs/promises').glob(…)
  if (object.type === 'CallExpression' && dottedName(nodeAt(object, 'callee')) === 'require') return FS_MODULES.has(literalString(nodesAt(object, 'arguments')[0] ?? null) ?? '');
  // fs.promises.glob(…)
  if (object.type === 'MemberExpression' && !object.computed) {
    const property = nodeAt(object, 'property');
    return property?.type === 'Identifier' && property.name === 'promises' && isFsModuleObject(nodeAt(object, 'object'), bindings);
  }
  return false;
};

/** Whether a call's callee is one of Node's glob functions, given the file's bindings. */
export const isFsGlobCallee = (calleeNode: AstNode | null, bindings: ReadonlyMap<string, FsGlobBinding>): boolean => {
  const callee = unwrap(calleeNode);
  if (!callee) return false;
  if (callee.type === 'Identifier') return bindings.get(callee.name as string) === 'function';
  if (callee.type !== 'MemberExpression' || callee.computed) return false;
  const property = nodeAt(callee, 'property');
  return property?.type === 'Identifier' && GLOB_FUNCTIONS.has(property.name as string) && isFsModuleObject(nodeAt(callee, 'object'), bindings);
};

/** The `cwd` an options argument sets: '' when it sets none, null when census cannot read it. */
const cwdOf = (options: AstNode | null, ctx: ValueContext): string | null => {
  // No options, or the callback of fs.glob(pattern, callback).
  if (!options || options.type === 'ArrowFunctionExpression' || options.type === 'FunctionExpression') return '';
  if (options.type !== 'ObjectExpression') return null;
  let cwd = '';
  for (const property of nodesAt(options, 'properties')) {
    if (property.type !== 'Property' || property.computed) return null;
    if (propertyKeyName(property) !== 'cwd') continue;
    const value = evaluateString(nodeAt(property, 'value'), ctx);
    if (value === null || value.startsWith('/') || /^[a-z][\w+.-]*:/i.test(value)) return null;
    cwd = value;
  }
  return cwd;
};

/** The glob references of one glob call: each static pattern under the call's static `cwd`. */
export const fsGlobReferences = (node: AstNode, ctx: ValueContext, line: number): ReferenceFact[] => {
  const args = nodesAt(node, 'arguments');
  const cwd = cwdOf(unwrap(args[1] ?? null), ctx);
  if (cwd === null) return [];
  const first = unwrap(args[0] ?? null);
  const patterns = first?.type === 'ArrayExpression' ? nodesAt(first, 'elements').map((e) => evaluateString(e, ctx)) : [evaluateString(first, ctx)];
  const references: ReferenceFact[] = [];
  for (const pattern of patterns) {
    if (pattern === null || pattern === '' || pattern.startsWith('!') || pattern.startsWith('/')) continue;
    const target = cwd === '' ? pattern : `${cwd.replace(/\/+$/, '')}/${pattern}`;
    references.push({ target, form: 'glob', base: 'cwd', line, via: 'fs.glob' });
  }
  return references;
};

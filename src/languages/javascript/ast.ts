/**
 * A loose view of oxc's ESTree nodes: the extractor reads only a few node types, and a structural
 * type keeps it working across parser versions and across the JSON and raw-transfer paths.
 */
import { oxcParser } from './oxc-loaders.js';

export interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

export const nodeAt = (node: AstNode, key: string): AstNode | null => {
  const value = node[key];
  return isNode(value) ? value : null;
};

export const nodesAt = (node: AstNode, key: string): AstNode[] => {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
};

/** `'x'`, `"x"` or a template literal without substitutions → its string; anything else → null. */
export const literalString = (node: AstNode | null): string | null => {
  if (!node) return null;
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'TemplateLiteral' && nodesAt(node, 'expressions').length === 0) {
    const quasi = nodesAt(node, 'quasis')[0];
    const cooked = (quasi?.value as { cooked?: unknown } | undefined)?.cooked;
    return typeof cooked === 'string' ? cooked : null;
  }
  return null;
};

/** Expressions that only wrap another for the type checker or for grouping. */
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression', 'ChainExpression']);

export const unwrap = (node: AstNode | null): AstNode | null => {
  let current = node;
  while (current && WRAPPERS.has(current.type)) current = nodeAt(current, 'expression');
  return current;
};

/**
 * The dotted name of an identifier or a static member chain: `process.argv`, `import.meta.url`,
 * `cp.spawn`. Computed members count only with a string key (`obj['spawn']`). Null otherwise.
 */
export const dottedName = (input: AstNode | null): string | null => {
  const node = unwrap(input);
  if (!node) return null;
  if (node.type === 'Identifier') return typeof node.name === 'string' ? node.name : null;
  if (node.type === 'MetaProperty') return 'import.meta';
  if (node.type !== 'MemberExpression') return null;
  const object = dottedName(nodeAt(node, 'object'));
  if (object === null) return null;
  const property = nodeAt(node, 'property');
  const key = node.computed ? literalString(property) : property?.type === 'Identifier' ? (property.name as string) : null;
  return key === null ? null : `${object}.${key}`;
};

/** The string a property key names: `a`, `'a'`, `["a"]`; null when computed from an expression. */
export const propertyKeyName = (property: AstNode): string | null => {
  const key = nodeAt(property, 'key');
  if (!key) return null;
  if (!property.computed && key.type === 'Identifier') return key.name as string;
  return literalString(key);
};

/** Keys that hold only type-level syntax: never executed, so nothing in them is an import or a call. */
const TYPE_KEYS = new Set(['typeAnnotation', 'typeParameters', 'returnType', 'typeArguments', 'superTypeArguments', 'implements']);

/** TypeScript nodes that can hold runtime code; every other `TS*` node is type-level only. */
const RUNTIME_TS = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
  'TSEnumDeclaration',
  'TSEnumBody',
  'TSEnumMember',
  'TSModuleDeclaration',
  'TSModuleBlock',
  'TSExportAssignment',
  'TSImportEqualsDeclaration',
  'TSExternalModuleReference',
  'TSParameterProperty',
]);

const buildChildKeys = (): Map<string, readonly string[]> => {
  const table = new Map<string, readonly string[]>();
  for (const [type, keys] of Object.entries(oxcParser().visitorKeys)) {
    const runtime = !type.startsWith('TS') || RUNTIME_TS.has(type);
    table.set(type, runtime ? keys.filter((k) => !TYPE_KEYS.has(k)) : []);
  }
  return table;
};

let childKeys: ReadonlyMap<string, readonly string[]> | null = null;

/**
 * Child keys per node type, for a walk that visits runtime code only: oxc-parser's visitor keys,
 * so built when the first AST is walked (oxc-loaders.ts says why oxc is not loaded at start).
 */
export const childKeysTable = (): ReadonlyMap<string, readonly string[]> => (childKeys ??= buildChildKeys());

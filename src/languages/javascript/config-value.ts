/**
 * A JS/TS config file's exported value, read statically from oxc's AST and never evaluated:
 * object and array literals, strings, `defineConfig({...})` and other `define*`/`with*` wrappers,
 * `merge(a, b)`, functions that return a literal (or return one from `if` branches: merged), top-level `const`s, spreads of known objects,
 * and paths spelled `path.resolve(__dirname, 'x')` or `new URL('./x', import.meta.url)` (which
 * come out relative to the config's folder, `./x`). Whatever needs running is an `unknown` value
 * with its line and text, so a reader can warn about exactly that spot instead of guessing.
 */
import { type AstNode, childKeysTable, dottedName, isNode, literalString, nodeAt, nodesAt, propertyKeyName, unwrap } from './ast.js';
import { buildLineTable, type LineTable } from './line-table.js';
import { parseCheckedFile } from './parse.js';
import { evaluateString } from './static-value.js';
import { parseJsonc } from '../../util/jsonc.js';
import { isRecord } from '../../manifests/json.js';
import type { YamlDoc, YamlNode } from '../../manifests/yaml.js';

export type ConfigValue = (
  | { kind: 'string'; value: string; line: number }
  | { kind: 'number'; value: number; line: number }
  | { kind: 'boolean'; value: boolean; line: number }
  | { kind: 'null'; line: number }
  | { kind: 'array'; items: ConfigValue[]; line: number }
  /** `partial`: a spread or computed key the reader could not see, so absent keys may exist. */
  | { kind: 'object'; props: Map<string, ConfigValue>; line: number; partial: boolean }
  /** A regular expression literal (webpack `test: /\.ts$/`, jest `testRegex`), as its source. */
  | { kind: 'regex'; source: string; flags: string; line: number }
  /**
   * Needs running. `alternatives`: for `a ? b : c`, `a || b` and `a ?? b`, the values it may
   * take, read like any value (some may be unknown themselves); a reader that can use every
   * possible value (a folder that may be one of two) looks at them, the others see unknown.
   */
  | {
      kind: 'unknown';
      line: number;
      text: string;
      alternatives?: ConfigValue[];
      /** The whole expression, whitespace collapsed, when `text` had to be shortened and it is under 400 characters: for a reader that reads the expression itself (a path joined from computed parts). */
      source?: string;
    }
) & {
  /** Set when the value came from another config this one imports: `line` is that file's. */
  file?: string;
};

export type ConfigLoader = (specifier: string) => ConfigValue | null;

export interface ConfigFile {
  /** The exported value (`export default`, `module.exports =`), or null when the file exports none. */
  value: ConfigValue | null;
  /** Parse errors, as line + message. */
  errors: { line: number; message: string }[];
}

const MAX_DEPTH = 24;

interface Scope {
  path: string;
  text: string;
  lines: LineTable;
  /** Top-level `const x = …` / `let x = …` / `function x() {}` by name. */
  bindings: Map<string, AstNode>;
  /** Names being evaluated, so `const a = { b: a }` stops. */
  active: Set<string>;
  load?: ConfigLoader;
  /** Read a call of a top-level function of the file through its body (readConfigExport's `calls`). */
  calls?: boolean;
  /** Inside such a call: each parameter's name → the argument's text, so an unknown value shows what it was called with. */
  renames?: Map<string, string>;
}

const unknown = (scope: Scope, node: AstNode): ConfigValue => {
  let whole = scope.text.slice(node.start, node.end).replace(/\s+/g, ' ');
  for (const [param, arg] of scope.renames ?? []) whole = whole.replace(new RegExp(String.raw`(?<![\w$.])${param.replace(/\$/g, '\\$')}(?![\w$])`, 'g'), arg);
  const line = scope.lines.lineOf(node.start);
  if (whole.length <= 60) return { kind: 'unknown', line, text: whole };
  const text = `${whole.slice(0, 57)}...`;
  return whole.length < 400 ? { kind: 'unknown', line, text, source: whole } : { kind: 'unknown', line, text };
};

/** Deep merge, as webpack-merge and Vite's mergeConfig do: objects key by key, arrays concatenated. */
const mergeValues = (a: ConfigValue, b: ConfigValue): ConfigValue => {
  if (a.kind === 'object' && b.kind === 'object') {
    const props = new Map(a.props);
    for (const [k, v] of b.props) {
      const before = props.get(k);
      props.set(k, before ? mergeValues(before, v) : v);
    }
    return { kind: 'object', props, line: a.line, partial: a.partial || b.partial };
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', items: [...a.items, ...b.items], line: a.line };
  return b;
};

/** The value a function returns: an expression body, or the last `return` of a block body. */
const returned = (fn: AstNode): AstNode | null => {
  const body = nodeAt(fn, 'body');
  if (!body) return null;
  if (body.type !== 'BlockStatement') return body;
  const statements = nodesAt(body, 'body');
  for (let i = statements.length - 1; i >= 0; i--) {
    if (statements[i].type === 'ReturnStatement') return nodeAt(statements[i], 'argument');
  }
  return null;
};

/**
 * The values a function returns from `if` branches at its top level (`if (mode === 'dev') return
 * {…}`), when it has no plain return of its own: any branch may be the one that runs, so a
 * reader sees them merged.
 */
const branchReturns = (fn: AstNode): AstNode[] => {
  const body = nodeAt(fn, 'body');
  if (body?.type !== 'BlockStatement') return [];
  const out: AstNode[] = [];
  const visit = (statement: AstNode | null, depth: number) => {
    if (!statement || depth > 4) return;
    if (statement.type === 'ReturnStatement') {
      const arg = nodeAt(statement, 'argument');
      if (arg) out.push(arg);
    } else if (statement.type === 'BlockStatement') for (const s of nodesAt(statement, 'body')) visit(s, depth + 1);
    else if (statement.type === 'IfStatement') {
      visit(nodeAt(statement, 'consequent'), depth + 1);
      visit(nodeAt(statement, 'alternate'), depth + 1);
    }
  };
  for (const s of nodesAt(body, 'body')) if (s.type === 'IfStatement') visit(s, 0);
  return out;
};

const MERGES = new Set(['merge', 'mergeConfig', 'webpackMerge', 'smart', 'merge.merge', 'webpackMerge.merge', 'deepmerge', 'Object.assign']);

/** `defineConfig(x)`, `defineNuxtConfig(x)`, `withSentryConfig(x, …)`, `withBundleAnalyzer({…})(x)`: x. */
const isWrapper = (name: string | null): boolean => name !== null && /^(?:[\w$]+\.)?(?:define[A-Z]\w*|with[A-Z]\w*)$|^tseslint\.config$/.test(name);

const evaluate = (input: AstNode | null, scope: Scope, depth: number): ConfigValue | null => {
  const node = unwrap(input);
  if (!node) return null;
  const line = scope.lines.lineOf(node.start);
  if (depth > MAX_DEPTH) return unknown(scope, node);
  switch (node.type) {
    case 'Literal': {
      const v = node.value;
      if (typeof v === 'string') return { kind: 'string', value: v, line };
      if (typeof v === 'number') return { kind: 'number', value: v, line };
      if (typeof v === 'boolean') return { kind: 'boolean', value: v, line };
      const regex = node.regex as { pattern?: unknown; flags?: unknown } | undefined;
      if (regex && typeof regex.pattern === 'string') return { kind: 'regex', source: regex.pattern, flags: typeof regex.flags === 'string' ? regex.flags : '', line };
      if (v === null) return { kind: 'null', line };
      return unknown(scope, node);
    }
    case 'ObjectExpression': {
      type ObjectValue = Extract<ConfigValue, { kind: 'object' }>;
      let out: ObjectValue = { kind: 'object', props: new Map(), line, partial: false };
      for (const property of nodesAt(node, 'properties')) {
        if (property.type === 'SpreadElement') {
          const spread = evaluate(nodeAt(property, 'argument'), scope, depth + 1);
          if (spread?.kind === 'object') out = mergeValues(out, spread) as ObjectValue;
          else out.partial = true;
          continue;
        }
        const key = propertyKeyName(property);
        if (key === null) {
          out.partial = true;
          continue;
        }
        // A method or arrow (`webpackFinal(config) { return … }`) reads as what it returns.
        const v = evaluate(nodeAt(property, 'value'), scope, depth + 1);
        if (v) out.props.set(key, v);
      }
      return out;
    }
    case 'ArrayExpression': {
      const items: ConfigValue[] = [];
      for (const element of (node.elements as unknown[]) ?? []) {
        if (element === null || typeof element !== 'object') continue;
        const el = element as AstNode;
        if (el.type === 'SpreadElement') {
          const spread = evaluate(nodeAt(el, 'argument'), scope, depth + 1);
          if (spread?.kind === 'array') items.push(...spread.items);
          else if (spread) items.push(spread);
          continue;
        }
        const v = evaluate(el, scope, depth + 1);
        if (v) items.push(v);
      }
      return { kind: 'array', items, line };
    }
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'undefined') return { kind: 'null', line };
      const bound = scope.bindings.get(name);
      if (!bound || scope.active.has(name)) {
        const path = evaluateString(node, { file: scope.path, text: scope.text });
        return path !== null ? { kind: 'string', value: path, line } : unknown(scope, node);
      }
      scope.active.add(name);
      const v = evaluate(bound, scope, depth + 1);
      scope.active.delete(name);
      return v ?? unknown(scope, node);
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
    case 'FunctionDeclaration': {
      const body = returned(node);
      if (body) return evaluate(body, scope, depth + 1);
      let merged: ConfigValue | null = null;
      for (const branch of branchReturns(node)) {
        const v = evaluate(branch, scope, depth + 1);
        if (v) merged = merged === null ? v : mergeValues(merged, v);
      }
      return merged ?? unknown(scope, node);
    }
    case 'CallExpression': {
      const callee = unwrap(nodeAt(node, 'callee'));
      const name = dottedName(callee);
      const args = nodesAt(node, 'arguments');
      if (name === 'require' && args.length === 1) {
        const spec = literalString(unwrap(args[0]));
        if (spec !== null && spec.startsWith('.')) return loaded(scope, node, spec);
      }
      if (name !== null && MERGES.has(name) && args.length > 0) {
        let acc: ConfigValue | null = null;
        for (const arg of args) {
          const v = evaluate(arg, scope, depth + 1);
          if (!v) continue;
          acc = acc === null ? v : mergeValues(acc, v);
        }
        return acc ?? unknown(scope, node);
      }
      if (isWrapper(name) && args.length > 0) {
        // `tseslint.config(a, b, …)` and eslint's `defineConfig([…], …)` take several configs: an array of them.
        if (args.length > 1 && /config$|defineConfig$/.test(name ?? '') && !/^with/.test(name ?? '')) {
          const items = args.map((a) => evaluate(a, scope, depth + 1)).filter((v): v is ConfigValue => v !== null);
          if (items.every((i) => i.kind === 'object' || i.kind === 'array')) return { kind: 'array', items: items.flatMap((i) => (i.kind === 'array' ? i.items : [i])), line };
        }
        return evaluate(args[0], scope, depth + 1);
      }
      if (scope.calls) {
        const inlined = inlinedCall(node, name, args, scope, depth);
        if (inlined !== null) return inlined;
      }
      // `withPlugins(opts)(config)`: the outer call's argument is the config.
      if (callee?.type === 'CallExpression' && isWrapper(dottedName(unwrap(nodeAt(callee, 'callee')))) && args.length > 0) return evaluate(args[0], scope, depth + 1);
      const path = evaluateString(node, { file: scope.path, text: scope.text });
      return path !== null ? { kind: 'string', value: path, line } : unknown(scope, node);
    }
    case 'TemplateLiteral': {
      const s = literalString(node) ?? evaluateString(node, { file: scope.path, text: scope.text });
      return s !== null ? { kind: 'string', value: s, line } : unknown(scope, node);
    }
    case 'AwaitExpression':
      return evaluate(nodeAt(node, 'argument'), scope, depth + 1);
    case 'NewExpression': {
      // `new Set([…])` (with `calls`): the list's values, as `Array.from` gives them back.
      const args = nodesAt(node, 'arguments');
      if (scope.calls && dottedName(unwrap(nodeAt(node, 'callee'))) === 'Set' && args.length === 1) {
        const v = evaluate(args[0], scope, depth + 1);
        if (v?.kind === 'array') return v;
      }
      return unknown(scope, node);
    }
    case 'ConditionalExpression':
    case 'LogicalExpression': {
      if (node.type === 'LogicalExpression' && node.operator !== '||' && node.operator !== '??') return unknown(scope, node);
      const branches = node.type === 'ConditionalExpression' ? [nodeAt(node, 'consequent'), nodeAt(node, 'alternate')] : [nodeAt(node, 'left'), nodeAt(node, 'right')];
      const alternatives = branches.map((b) => evaluate(b, scope, depth + 1)).filter((v): v is ConfigValue => v !== null);
      return { ...unknown(scope, node), alternatives } as ConfigValue;
    }
    case 'ImportDeclaration': {
      // Bound by `import base from './x'` (topLevelBindings): the other file's default export.
      const spec = literalString(nodeAt(node, 'source'));
      return spec !== null && spec.startsWith('.') ? loaded(scope, node, spec) : unknown(scope, node);
    }
    default: {
      const path = evaluateString(node, { file: scope.path, text: scope.text });
      return path !== null ? { kind: 'string', value: path, line } : unknown(scope, node);
    }
  }
};

/**
 * With `calls`: `Array.from(list)` as the list, and `f(a, b)` where `f` is a top-level function of
 * the file whose parameters are plain names, as what `f` returns, each parameter bound to its
 * argument (an unknown value inside shows the argument's text in the parameter's place:
 * `cfg.get('x')` called with `config_1.default` reads `config_1.default.get('x')`). Null otherwise.
 */
const inlinedCall = (node: AstNode, name: string | null, args: AstNode[], scope: Scope, depth: number): ConfigValue | null => {
  if (name === 'Array.from' && args.length === 1) {
    const v = evaluate(args[0], scope, depth + 1);
    return v?.kind === 'array' ? v : null;
  }
  const fn = name === null || name.includes('.') || scope.active.has(name) ? undefined : scope.bindings.get(name);
  if (!fn || !['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'].includes(fn.type)) return null;
  const params = nodesAt(fn, 'params');
  if (!params.every((p) => p.type === 'Identifier')) return null;
  const bindings = new Map(scope.bindings);
  const renames = new Map(scope.renames ?? []);
  params.forEach((p, i) => {
    const param = p.name as string;
    const arg = args[i];
    if (arg) {
      bindings.set(param, arg);
      renames.set(param, scope.text.slice(arg.start, arg.end).replace(/\s+/g, ' '));
    } else bindings.delete(param);
  });
  const body = returned(fn);
  if (!body) return null;
  scope.active.add(name!);
  const v = evaluate(body, { ...scope, bindings, renames }, depth + 1);
  scope.active.delete(name!);
  return v;
};

/** A local module's exported value through the scope's loader; unknown (at the import) when there is none. */
const loaded = (scope: Scope, node: AstNode, spec: string): ConfigValue => (scope.load ? scope.load(spec) : null) ?? unknown(scope, node);

/** Top-level names bound to a value the config can be read from. */
const topLevelBindings = (program: AstNode): Map<string, AstNode> => {
  const bindings = new Map<string, AstNode>();
  for (const statement of nodesAt(program, 'body')) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? nodeAt(statement, 'declaration') : statement;
    if (!declaration) continue;
    if (declaration.type === 'ImportDeclaration') {
      // Only a default import names the other module's exported value.
      for (const specifier of nodesAt(declaration, 'specifiers')) {
        const local = nodeAt(specifier, 'local');
        if (specifier.type === 'ImportDefaultSpecifier' && local?.type === 'Identifier') bindings.set(local.name as string, declaration);
      }
    } else if (declaration.type === 'VariableDeclaration') {
      for (const d of nodesAt(declaration, 'declarations')) {
        const id = nodeAt(d, 'id');
        const init = nodeAt(d, 'init');
        if (id?.type === 'Identifier' && init) bindings.set(id.name as string, init);
      }
    } else if (declaration.type === 'FunctionDeclaration') {
      const id = nodeAt(declaration, 'id');
      if (id?.type === 'Identifier') bindings.set(id.name as string, declaration);
    }
  }
  return bindings;
};

/** The node a module exports as its value: `export default x`, `module.exports = x`, `export = x`. */
const exportedNode = (program: AstNode): AstNode | null => {
  let found: AstNode | null = null;
  for (const statement of nodesAt(program, 'body')) {
    if (statement.type === 'ExportDefaultDeclaration') found = nodeAt(statement, 'declaration');
    else if (statement.type === 'TSExportAssignment') found = nodeAt(statement, 'expression');
    else if (statement.type === 'ExpressionStatement') {
      const expression = unwrap(nodeAt(statement, 'expression'));
      if (expression?.type === 'AssignmentExpression' && ['module.exports', 'exports.default'].includes(dottedName(nodeAt(expression, 'left')) ?? '')) {
        found = nodeAt(expression, 'right');
      }
    }
  }
  return found;
};

/**
 * The node a module exports under `name`: `export const name = x`, `export { local as name }`,
 * `exports.name = x`, `module.exports.name = x` (WebdriverIO's `export const config`).
 */
const namedExportNode = (program: AstNode, name: string, bindings: Map<string, AstNode>): AstNode | null => {
  let found: AstNode | null = null;
  for (const statement of nodesAt(program, 'body')) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = nodeAt(statement, 'declaration');
      for (const d of declaration?.type === 'VariableDeclaration' ? nodesAt(declaration, 'declarations') : []) {
        const id = nodeAt(d, 'id');
        if (id?.type === 'Identifier' && id.name === name && nodeAt(d, 'init')) found = nodeAt(d, 'init');
      }
      for (const specifier of nodesAt(statement, 'specifiers')) {
        const exported = nodeAt(specifier, 'exported');
        const local = nodeAt(specifier, 'local');
        const exportedName = exported?.type === 'Identifier' ? exported.name : literalString(exported);
        if (exportedName === name && local?.type === 'Identifier' && !nodeAt(statement, 'source')) found = bindings.get(local.name as string) ?? found;
      }
    } else if (statement.type === 'ExpressionStatement') {
      const expression = unwrap(nodeAt(statement, 'expression'));
      if (expression?.type === 'AssignmentExpression' && [`exports.${name}`, `module.exports.${name}`].includes(dottedName(nodeAt(expression, 'left')) ?? '')) {
        found = nodeAt(expression, 'right');
      }
    }
  }
  return found;
};

const isTypeScriptPath = (path: string): boolean => /\.[cm]?tsx?$/.test(path);

interface ParsedConfig {
  text: string;
  parsed: ReturnType<typeof parseCheckedFile>;
  lines: LineTable;
  bindings: Map<string, AstNode>;
}

/**
 * The last configs parsed, by path. Several readers and detectors read one config (payload: about
 * 100 of 452 oxc parses were a config parsed again: vite, vitest, jest and next configs read by
 * test discovery, their own reader and the tool-path readers); the AST, line table and bindings
 * are only read, never changed, so a second reader of the same text shares them.
 */
const parsedConfigs = new Map<string, ParsedConfig>();
const PARSED_CONFIGS_KEPT = 128;

const parseConfig = (path: string, text: string): ParsedConfig => {
  const known = parsedConfigs.get(path);
  if (known !== undefined && known.text === text) return known;
  const parsed = parseCheckedFile(path, text, isTypeScriptPath(path));
  const made: ParsedConfig = { text, parsed, lines: buildLineTable(text), bindings: topLevelBindings(parsed.program) };
  parsedConfigs.delete(path);
  if (parsedConfigs.size >= PARSED_CONFIGS_KEPT) parsedConfigs.delete(parsedConfigs.keys().next().value!);
  parsedConfigs.set(path, made);
  return made;
};

/** A config file parsed, with the scope its values are read in; a file that does not parse is its ConfigFile already. */
const openConfig = (path: string, text: string, load?: ConfigLoader): ConfigFile | { parsed: ReturnType<typeof parseCheckedFile>; scope: Scope; errors: ConfigFile['errors'] } => {
  let config;
  try {
    config = parseConfig(path, text);
  } catch (e) {
    return { value: null, errors: [{ line: 1, message: (e as Error).message }] };
  }
  const { parsed, lines, bindings } = config;
  const errors = parsed.errors.map((e) => ({ line: lines.lineOf(e.labels?.[0]?.start ?? 0), message: e.message }));
  const scope: Scope = { path, text, lines, bindings, active: new Set(), ...(load ? { load } : {}) };
  return { parsed, scope, errors };
};

/**
 * The value a config file exports, as far as it can be read without running it. With `load`, a
 * local `require('./x')` or default import is read as that file's exported value.
 */
export const readConfigFile = (path: string, text: string, load?: ConfigLoader): ConfigFile => {
  const opened = openConfig(path, text, load);
  if ('value' in opened) return opened;
  const { parsed, scope, errors } = opened;
  const exported = exportedNode(parsed.program);
  return { value: exported ? evaluate(exported, scope, 0) : null, errors };
};

/**
 * The value a config file exports under one name (`export const config = {...}`,
 * `exports.config = {...}`), else that key of its exported value (`module.exports = { config }`).
 */
export const readConfigExport = (path: string, text: string, name: string, load?: ConfigLoader, options: { calls?: boolean } = {}): ConfigFile => {
  const opened = openConfig(path, text, load);
  if ('value' in opened) return opened;
  const { parsed, scope, errors } = opened;
  if (options.calls) scope.calls = true;
  const named = namedExportNode(parsed.program, name, scope.bindings);
  if (named) return { value: evaluate(named, scope, 0), errors };
  const exported = exportedNode(parsed.program);
  return { value: exported ? configAt(evaluate(exported, scope, 0), name) : null, errors };
};

/** A call a config makes to a plugin (`sveltekit({...})`, `new HtmlWebpackPlugin({...})`), its arguments read like the exported value. */
export interface ConfigCall {
  name: string;
  args: (ConfigValue | null)[];
  line: number;
}

/**
 * Every call or `new` anywhere in a config file whose callee's dotted name matches: plugin
 * options live in such calls, which the exported value can only show as unknown. Never run.
 */
export const callsIn = (path: string, text: string, callee: RegExp): ConfigCall[] => {
  const out: { call: ConfigCall; start: number }[] = [];
  walkConfig(path, text, (node, scope) => {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const name = dottedName(unwrap(nodeAt(node, 'callee')));
      if (name !== null && callee.test(name)) out.push({ call: { name, args: nodesAt(node, 'arguments').map((a) => evaluate(a, scope, 0)), line: scope.lines.lineOf(node.start) }, start: node.start });
    }
  });
  // In source order.
  return out.sort((a, b) => a.start - b.start).map((o) => o.call);
};

/** Every node of a config file's AST, with the scope its values are read in; nothing when it does not parse. */
const walkConfig = (path: string, text: string, visit: (node: AstNode, scope: Scope) => void): void => {
  let config;
  try {
    config = parseConfig(path, text);
  } catch {
    return;
  }
  const { parsed, lines, bindings } = config;
  const scope: Scope = { path, text, lines, bindings, active: new Set() };
  const stack: AstNode[] = [parsed.program];
  const childKeys = childKeysTable();
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node, scope);
    for (const key of childKeys.get(node.type) ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const c of child) { if (isNode(c)) stack.push(c); }
      else if (isNode(child)) stack.push(child);
    }
  }
};

/**
 * One entry a config writes into an object by a statement: its key, the value read like the exported
 * value, its line. `guarded`: the write is not a top-level statement of its own (it is under an `if`,
 * in a ternary or a function), so it may not run.
 */
export interface ConfigWrite {
  key: string;
  value: ConfigValue;
  line: number;
  guarded: boolean;
}

/** The expressions that are top-level statements of a program (each part of a `a, b` statement), with a `.set(…)` chain's inner calls. */
const topLevelExpressions = (program: AstNode): Set<AstNode> => {
  const out = new Set<AstNode>();
  const add = (n: AstNode | null) => {
    const node = unwrap(n);
    if (node === null) return;
    if (node.type === 'SequenceExpression') {
      for (const e of nodesAt(node, 'expressions')) add(e);
      return;
    }
    out.add(node);
    // `a.set(…).set(…)`: every call of the chain runs when the statement does.
    if (node.type === 'CallExpression') {
      const callee = unwrap(nodeAt(node, 'callee'));
      if (callee?.type === 'MemberExpression') add(nodeAt(callee, 'object'));
    }
  };
  for (const statement of nodesAt(program, 'body')) if (statement.type === 'ExpressionStatement') add(nodeAt(statement, 'expression'));
  return out;
};

/**
 * The entries a config file writes into an object whose dotted name ends with `object` (`resolve.alias`)
 * by statements instead of a literal: `config.resolve.alias['@'] = path.resolve(__dirname, 'src')`,
 * `config.resolve.alias.vue = 'vue/dist/vue.esm.js'`, and webpack-chain's `config.resolve.alias.set('@', …)`
 * (chained `.set(…).set(…)` too). A key census cannot read (`alias[name] = …`) is left out. In source order.
 */
export const writesTo = (path: string, text: string, object: string): ConfigWrite[] => {
  const out: (ConfigWrite & { start: number })[] = [];
  let topLevel: Set<AstNode>;
  try {
    topLevel = topLevelExpressions(parseConfig(path, text).parsed.program);
  } catch {
    return [];
  }
  const names = (n: AstNode | null): boolean => {
    const name = dottedName(n);
    return name !== null && (name === object || name.endsWith(`.${object}`));
  };
  /** `x.resolve.alias.set(…)` itself, or a `.set(…)` chained on one. */
  const isSetCall = (n: AstNode | null): boolean => {
    const node = unwrap(n);
    if (node?.type !== 'CallExpression') return false;
    const callee = unwrap(nodeAt(node, 'callee'));
    if (callee?.type !== 'MemberExpression' || callee.computed || nodeAt(callee, 'property')?.name !== 'set') return false;
    const on = nodeAt(callee, 'object');
    return names(on) || isSetCall(on);
  };
  walkConfig(path, text, (node, scope) => {
    if (node.type === 'AssignmentExpression' && node.operator === '=') {
      const left = unwrap(nodeAt(node, 'left'));
      if (left?.type !== 'MemberExpression' || !names(nodeAt(left, 'object'))) return;
      const property = nodeAt(left, 'property');
      const key = left.computed ? literalString(property) : property?.type === 'Identifier' ? (property.name as string) : null;
      const value = evaluate(nodeAt(node, 'right'), scope, 0);
      if (key !== null && value !== null) out.push({ key, value, line: scope.lines.lineOf(node.start), start: node.start, guarded: !topLevel.has(node) });
    } else if (node.type === 'CallExpression' && isSetCall(node)) {
      const [k, v] = nodesAt(node, 'arguments');
      const key = literalString(k ?? null);
      const value = evaluate(v ?? null, scope, 0);
      const property = nodeAt(unwrap(nodeAt(node, 'callee'))!, 'property');
      if (key !== null && value !== null) out.push({ key, value, line: scope.lines.lineOf(property?.start ?? node.start), start: property?.start ?? node.start, guarded: !topLevel.has(node) });
    }
  });
  return out.sort((a, b) => a.start - b.start).map(({ key, value, line, guarded }) => ({ key, value, line, guarded }));
};

/** The values `value` may take: the readable and unknown leaves of its `alternatives`, else itself. */
export const possibleValues = (value: ConfigValue | null): ConfigValue[] => {
  if (value === null) return [];
  if (value.kind === 'unknown' && value.alternatives) return value.alternatives.flatMap(possibleValues);
  return [value];
};

/** `value.a.b` when every step is an object that has the key; null otherwise. */
export const configAt = (value: ConfigValue | null | undefined, ...keys: string[]): ConfigValue | null => {
  let current: ConfigValue | null = value ?? null;
  for (const key of keys) {
    if (current?.kind !== 'object') return null;
    current = current.props.get(key) ?? null;
  }
  return current;
};

/** A string or an array of strings → the strings; the unknown parts are returned apart for a warning. */
export const configStrings = (value: ConfigValue | null): { strings: { value: string; line: number }[]; unknown: { line: number; text: string; file?: string }[] } => {
  const out = { strings: [] as { value: string; line: number }[], unknown: [] as { line: number; text: string; file?: string }[] };
  const visit = (v: ConfigValue) => {
    if (v.kind === 'string') out.strings.push({ value: v.value, line: v.line });
    else if (v.kind === 'array') v.items.forEach(visit);
    else if (v.kind === 'unknown') out.unknown.push({ line: v.line, text: v.text, ...(v.file ? { file: v.file } : {}) });
  };
  if (value) visit(value);
  return out;
};

/** A value read from `file` (a config another one imports), every part marked with it, so evidence and warnings name where it is. */
export const fromFile = (value: ConfigValue, file: string): ConfigValue => {
  if (value.file) return value;
  if (value.kind === 'array') return { ...value, file, items: value.items.map((v) => fromFile(v, file)) };
  if (value.kind === 'object') return { ...value, file, props: new Map([...value.props].map(([k, v]) => [k, fromFile(v, file)])) };
  return { ...value, file };
};
/** A parsed JSON or TOML value as a config value. Every value is on line 1: those parsers keep no positions. */
export const plainConfigValue = (v: unknown): ConfigValue => {
  if (typeof v === 'string') return { kind: 'string', value: v, line: 1 };
  if (typeof v === 'number') return { kind: 'number', value: v, line: 1 };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v, line: 1 };
  if (Array.isArray(v)) return { kind: 'array', items: v.map(plainConfigValue), line: 1 };
  if (isRecord(v)) return { kind: 'object', props: new Map(Object.entries(v).map(([k, x]) => [k, plainConfigValue(x)])), line: 1, partial: false };
  return { kind: 'null', line: 1 };
};

/** A JSON (or JSONC) config as a config value; null when it does not parse. */
export const jsonConfigValue = (text: string): ConfigValue | null => {
  const parsed = parseJsonc(text);
  return 'value' in parsed ? plainConfigValue(parsed.value) : null;
};

/**
 * A YAML document as a config value, each value with its line. A node under a local tag
 * (CloudFormation's `!Ref`, `!Sub`, `!GetAtt`) is unknown: its value is made at deploy time.
 */
export const yamlConfigValue = (doc: YamlDoc): ConfigValue => {
  const convert = (node: YamlNode, depth: number): ConfigValue => {
    const line = doc.lineOf(node);
    const tag = doc.tag(node);
    if (tag?.startsWith('!')) return { kind: 'unknown', line, text: `${tag} ${doc.str(node) ?? '…'}`.trim() };
    if (depth > MAX_DEPTH) return { kind: 'unknown', line, text: '…' };
    if (doc.isMap(node)) return { kind: 'object', props: new Map(doc.entries(node).map(([k, v]) => [k, convert(v, depth + 1)])), line, partial: false };
    if (doc.isSeq(node)) return { kind: 'array', items: doc.items(node).map((v) => convert(v, depth + 1)), line };
    const str = doc.str(node);
    return str === undefined ? { kind: 'null', line } : { kind: 'string', value: str, line };
  };
  return convert(doc.root, 0);
};

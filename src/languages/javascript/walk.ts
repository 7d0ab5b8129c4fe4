/**
 * One pass over the program for everything the module record does not hold: CommonJS `require`,
 * `import x = require()`, the guard of each `import()`, command calls, worker references,
 * `new URL('./x', import.meta.url)`, `import.meta.glob`, `require.context` and node:fs `glob()` patterns, runnable
 * markers and CommonJS export names. Iterative (an explicit stack), so
 * deeply nested generated code cannot overflow the call stack.
 */
import type { CommandFact, Guard, ImportedName, ReferenceFact, RunnableMarker } from '../../model/facts.js';
import { type AstNode, CHILD_KEYS, dottedName, isNode, literalString, nodeAt, nodesAt, propertyKeyName, unwrap } from './ast.js';
import { COMMAND_MODULES, type CommandBinding, commandCallee, commandFromCall, commandFromTaggedTemplate } from './commands.js';
import { FS_MODULES, type FsGlobBinding, bindRequiredFs, fsGlobReferences, isFsGlobCallee } from './fs-glob.js';
import type { LineTable } from './line-table.js';
import { MODULE_API, registeredSpecifier, requiredRegisterCallees } from './module-hooks.js';
import { isUrlLike } from './resolution/specifier.js';
import type { DynamicImportContext, PlacedImport } from './module-record.js';
import { evaluateString, type ValueContext } from './static-value.js';
import { computedSpecifierPattern } from './computed-specifier.js';
import { type ResolverCallee, bindRequiredResolver, loadsVariable, resolverCall } from './cwd-resolvers.js';
import { hasTopLevelWork } from './top-level-script.js';

export interface WalkResult {
  /** require(), require.resolve(), import.meta.resolve(), `import x = require()`. */
  imports: PlacedImport[];
  /** Keyed by the start offset of each `import()` expression. */
  dynamicImports: Map<number, DynamicImportContext & { specifier: string | null }>;
  commands: CommandFact[];
  references: ReferenceFact[];
  runnable: Set<RunnableMarker>;
  commonJsExports: string[];
  /**
   * The file uses module.exports or exports at all (assigns them, reads them, hands `module` to a
   * wrapper function): it is a module whatever its top level does.
   */
  usesExports: boolean;
  /** A top-level statement calls something or awaits (top-level-script.ts): the file works when loaded. */
  topLevelWork: boolean;
}

const IN_TRY = 1;
const IN_FUNCTION = 2;

const guardOf = (flags: number): Guard | null => (flags & IN_TRY ? 'try' : flags & IN_FUNCTION ? 'function' : null);

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const EQUALITY = new Set(['===', '==', '!==', '!=']);
const WORKERS = new Set(['Worker', 'SharedWorker', 'worker_threads.Worker']);
const PROMISIFY = new Set(['promisify', 'util.promisify']);

/** The names a declaration binds from a module: `x` → `* as x`; `{ a, b: c }` → a, b as c. */
const boundNames = (id: AstNode | null): ImportedName[] => {
  if (!id) return [];
  if (id.type === 'Identifier') return [{ name: '*', alias: id.name as string }];
  if (id.type !== 'ObjectPattern') return [];
  const names: ImportedName[] = [];
  for (const property of nodesAt(id, 'properties')) {
    if (property.type !== 'Property') continue;
    const name = propertyKeyName(property);
    if (name === null) continue;
    const value = unwrap(nodeAt(property, 'value'));
    const local = value?.type === 'Identifier' ? (value.name as string) : value?.type === 'AssignmentPattern' ? (nodeAt(value, 'left')?.name as string | undefined) : undefined;
    names.push(local && local !== name ? { name, alias: local } : { name });
  }
  return names;
};

/** The module a `require('x')` or `import('x')` expression loads, when literal. */
const loadedModule = (node: AstNode | null): string | null => {
  if (!node) return null;
  if (node.type === 'ImportExpression') return literalString(nodeAt(node, 'source'));
  if (node.type === 'CallExpression' && dottedName(nodeAt(node, 'callee')) === 'require') return literalString(nodesAt(node, 'arguments')[0] ?? null);
  return null;
};

/** The function an IIFE calls: `(function () { … })()`, `(async () => { … })()`, `(function () { … }).call(this)`. */
const immediatelyCalled = (callee: AstNode | null): AstNode | null => {
  let target = unwrap(callee);
  if (target?.type === 'MemberExpression' && !target.computed) {
    const method = nodeAt(target, 'property');
    if (method?.type === 'Identifier' && (method.name === 'call' || method.name === 'apply')) target = unwrap(nodeAt(target, 'object'));
  }
  return target && (target.type === 'FunctionExpression' || target.type === 'ArrowFunctionExpression') ? target : null;
};

export const walkProgram = (
  program: AstNode,
  ctx: ValueContext,
  lines: LineTable,
  bindings: Map<string, CommandBinding>,
  /** Callee names that are node:module's `register` (module-hooks.ts); `require` forms are added as found. */
  registers: Set<string> = new Set(),
  /** Names bound to node:fs glob functions or fs modules (fs-glob.ts); `require` forms are added as found. */
  fsGlobs: Map<string, FsGlobBinding> = new Map(),
  /** Callee names of resolve-cwd and its kin (cwd-resolvers.ts); `require` forms are added as found. */
  resolvers: Map<string, ResolverCallee> = new Map(),
): WalkResult => {
  const result: WalkResult = { imports: [], dynamicImports: new Map(), commands: [], references: [], runnable: new Set(), commonJsExports: [], usesExports: false, topLevelWork: hasTopLevelWork(program) };
  /** Names bound by `const … = require()/import()`, keyed by the call's offset. */
  const pendingNames = new Map<number, ImportedName[]>();
  /** Spans of `import.meta.url === … process.argv[1]` checks: their `process.argv` is not CLI use. */
  let mainCheckEnd = -1;
  /** `new URL()` nodes a worker constructor already recorded. */
  const recordedUrls = new Set<number>();

  /** A computed package-name id a resolver call loads (`require(resolveCwd(`strapi/lib/${x}`))`): relative ids are relative to another folder. */
  const pushResolved = (id: AstNode | null, line: number, via: string): void => {
    const pattern = computedSpecifierPattern(id, ctx.text);
    if (pattern !== null && !pattern.target.startsWith('.')) result.references.push({ ...pattern, form: 'glob', line, via });
  };

  const bind = (id: AstNode | null, binding: (fn: string | null) => CommandBinding | null): void => {
    if (id?.type === 'Identifier') {
      const b = binding(null);
      if (b) bindings.set(id.name as string, b);
      return;
    }
    for (const n of boundNames(id)) {
      const b = binding(n.name);
      if (b) bindings.set(n.alias ?? n.name, b);
    }
  };

  const onDeclarator = (node: AstNode): void => {
    const id = nodeAt(node, 'id');
    let init = unwrap(nodeAt(node, 'init'));
    if (init?.type === 'AwaitExpression') init = unwrap(nodeAt(init, 'argument'));
    if (!init) return;
    const module = loadedModule(init);
    if (module !== null) {
      pendingNames.set(init.start, boundNames(id));
      if (MODULE_API.has(module)) for (const callee of requiredRegisterCallees(id)) registers.add(callee);
      const tool = COMMAND_MODULES[module];
      if (tool) bind(id, (fn) => ({ tool, fn }));
      if (FS_MODULES.has(module)) bindRequiredFs(id, fsGlobs);
      bindRequiredResolver(id, module, resolvers);
      return;
    }
    // `const p = resolveCwd.silent(id)` and later `require(p)`.
    const resolved = resolverCall(init, resolvers);
    if (resolved && !resolved.loads && id?.type === 'Identifier' && loadsVariable(id.name as string, ctx.text)) {
      pushResolved(resolved.id, lines.lineOf(init.start), `${dottedName(nodeAt(init, 'callee'))}, then required`);
      return;
    }
    // `const fork = require('child_process').fork`: one function of a command module, as older Node code binds it.
    if (init.type === 'MemberExpression' && id?.type === 'Identifier') {
      const tool = COMMAND_MODULES[loadedModule(unwrap(nodeAt(init, 'object'))) ?? ''];
      const property = nodeAt(init, 'property');
      const fn = init.computed ? literalString(property) : property?.type === 'Identifier' ? (property.name as string) : null;
      if (tool && fn !== null) bindings.set(id.name as string, { tool, fn });
      return;
    }
    if (init.type === 'CallExpression' && id?.type === 'Identifier' && PROMISIFY.has(dottedName(nodeAt(init, 'callee')) ?? '')) {
      const wrapped = commandCallee(nodesAt(init, 'arguments')[0] ?? null, bindings);
      if (wrapped) bindings.set(id.name as string, wrapped);
    }
  };

  const onCall = (node: AstNode, flags: number): void => {
    const callee = nodeAt(node, 'callee');
    const name = dottedName(callee);
    const args = nodesAt(node, 'arguments');
    if (name === 'require' || name === 'require.resolve' || name === 'import.meta.resolve') {
      const specifier = literalString(args[0] ?? null);
      if (specifier === null) {
        const resolved = name === 'require' ? resolverCall(args[0] ?? null, resolvers) : null;
        if (resolved && !resolved.loads) return pushResolved(resolved.id, lines.lineOf(node.start), `require(${dottedName(nodeAt(unwrap(args[0] ?? null) ?? node, 'callee'))}())`);
        const pattern = name === 'import.meta.resolve' ? null : computedSpecifierPattern(args[0] ?? null, ctx.text);
        if (pattern !== null) result.references.push({ ...pattern, form: 'glob', line: lines.lineOf(node.start), via: `computed ${name}` });
        return;
      }
      const names = name === 'require' ? (pendingNames.get(node.start) ?? []) : [];
      const syntax = name === 'import.meta.resolve' ? 'dynamic' : 'require';
      result.imports.push({ offset: node.start, fact: { specifier, syntax, line: lines.lineOf(node.start), names, guard: guardOf(flags) } });
      return;
    }
    const loaded = resolverCall(node, resolvers);
    if (loaded?.loads) return pushResolved(loaded.id, lines.lineOf(node.start), name ?? 'import-cwd');
    if (name !== null && registers.has(name)) {
      // Module hooks: Node loads the registered file for this process's later imports.
      const specifier = registeredSpecifier(args);
      if (specifier !== null) result.imports.push({ offset: node.start, fact: { specifier, syntax: 'dynamic', line: lines.lineOf(node.start), names: [], guard: guardOf(flags) } });
      return;
    }
    if (name === 'Object.defineProperty' && dottedName(args[0] ?? null) === 'exports') {
      result.usesExports = true;
      const exported = literalString(args[1] ?? null);
      if (exported !== null && exported !== '__esModule') result.commonJsExports.push(exported);
      return;
    }
    if (name === 'import.meta.glob' || name === 'import.meta.globEager') {
      // Vite: a literal pattern or list of them, relative to this file (`./`), to the project root
      // (`/`) or through an alias (`@/pages/*.ts`), which the graph maps; `!` patterns only narrow.
      const first = unwrap(args[0] ?? null);
      const patterns = (first?.type === 'ArrayExpression' ? nodesAt(first, 'elements').map(literalString) : [literalString(first)]).filter((p): p is string => p !== null && p !== '' && p !== '!');
      const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
      for (const pattern of patterns) {
        if (pattern.startsWith('!') || isUrlLike(pattern)) continue;
        result.references.push({ target: pattern, form: 'glob', line: lines.lineOf(node.start), via: name, ...(exclude.length > 0 ? { exclude } : {}) });
      }
      return;
    }
    if (name === 'require.context' || name === 'import.meta.webpackContext') {
      // webpack and Rspack: require.context('./dir', recursive = true, /^\.\/.*$/), or
      // import.meta.webpackContext('./dir', { recursive, regExp }). The folder may go through an
      // alias (`~/forms`), which the graph maps; a URL or an absolute path is not a repo folder.
      const folder = literalString(args[0] ?? null);
      const options = name === 'import.meta.webpackContext' ? unwrap(args[1] ?? null) : null;
      const option = (key: string): AstNode | null => {
        if (options?.type !== 'ObjectExpression') return null;
        const property = nodesAt(options, 'properties').find((p) => p.type === 'Property' && propertyKeyName(p) === key);
        return property ? unwrap(nodeAt(property, 'value')) : null;
      };
      const recursiveNode = name === 'require.context' ? (args[1] ? unwrap(args[1]) : null) : option('recursive');
      const regexNode = name === 'require.context' ? (args[2] ? unwrap(args[2]) : null) : option('regExp');
      const recursive = recursiveNode?.value !== false;
      const regex = regexNode?.regex as { pattern?: unknown } | undefined;
      if (folder === null || folder === '' || folder.startsWith('/') || /^[a-z][\w+.-]*:/i.test(folder)) return;
      const fact: ReferenceFact = { target: `${folder.replace(/\/$/, '')}/${recursive ? '**/*' : '*'}`, form: 'glob', line: lines.lineOf(node.start), via: name };
      if (typeof regex?.pattern === 'string') fact.filter = regex.pattern;
      result.references.push(fact);
      return;
    }
    if (isFsGlobCallee(callee, fsGlobs)) {
      result.references.push(...fsGlobReferences(node, ctx, lines.lineOf(node.start)));
      return;
    }
    if (name === 'esMain' || name === 'isMain') {
      if (dottedName(args[0] ?? null) === 'import.meta') result.runnable.add('main-guard');
      return;
    }
    const command = commandCallee(callee, bindings);
    if (command) {
      const fact = commandFromCall(node, command, ctx, lines.lineOf(node.start));
      if (fact) result.commands.push(fact);
    }
  };

  const onNew = (node: AstNode): void => {
    const callee = dottedName(nodeAt(node, 'callee'));
    if (callee === 'URL') {
      // `new URL('./x.js', import.meta.url)` names a file beside this one (an asset, a worker, a wasm module).
      if (recordedUrls.has(node.start) || dottedName(nodesAt(node, 'arguments')[1] ?? null) !== 'import.meta.url') return;
      const target = evaluateString(node, ctx);
      if (target !== null) result.references.push({ target, form: 'path', line: lines.lineOf(node.start), via: 'new URL' });
      return;
    }
    if (!WORKERS.has(callee ?? '')) return;
    const arg = unwrap(nodesAt(node, 'arguments')[0] ?? null);
    // A bare string is relative to the process's cwd (Node) or the page (browsers): not a file here.
    if (!arg || literalString(arg) !== null) return;
    if (arg.type === 'NewExpression') recordedUrls.add(arg.start);
    const target = evaluateString(arg, ctx);
    if (target !== null) result.references.push({ target, form: 'path', line: lines.lineOf(node.start), via: 'new Worker' });
  };

  const onBinary = (node: AstNode): void => {
    if (!EQUALITY.has(node.operator as string)) return;
    const left = dottedName(nodeAt(node, 'left'));
    const right = dottedName(nodeAt(node, 'right'));
    if ((left === 'require.main' && right === 'module') || (left === 'module' && right === 'require.main')) {
      result.runnable.add('main-guard');
      return;
    }
    if (node.end - node.start > 400) return;
    const source = ctx.text.slice(node.start, node.end);
    if (source.includes('process.argv') && (source.includes('import.meta') || source.includes('__filename'))) {
      result.runnable.add('main-guard');
      mainCheckEnd = node.end;
    }
  };

  const onMember = (node: AstNode, flags: number): void => {
    const property = nodeAt(node, 'property');
    const key = property?.type === 'Identifier' ? property.name : null;
    if (key === 'exports' && dottedName(node) === 'module.exports') result.usesExports = true;
    if (key === 'main' && dottedName(node) === 'import.meta.main') result.runnable.add('main-guard');
    else if (key === 'argv' && !(flags & IN_FUNCTION) && node.start >= mainCheckEnd && dottedName(node) === 'process.argv') result.runnable.add('cli-framework');
  };

  const onAssignment = (node: AstNode): void => {
    const target = dottedName(nodeAt(node, 'left'));
    if (target === null) return;
    if (target === 'module.exports' || target === 'exports' || /^(?:module\.)?exports\./.test(target)) result.usesExports = true;
    if (target === 'module.exports') {
      const value = unwrap(nodeAt(node, 'right'));
      if (value?.type !== 'ObjectExpression') return;
      for (const property of nodesAt(value, 'properties')) {
        const name = property.type === 'Property' ? propertyKeyName(property) : null;
        if (name !== null) result.commonJsExports.push(name);
      }
      return;
    }
    const match = /^(?:module\.)?exports\.([^.]+)$/.exec(target);
    if (match && match[1] !== '__esModule') result.commonJsExports.push(match[1]);
  };

  const onImportEquals = (node: AstNode, flags: number): void => {
    const reference = nodeAt(node, 'moduleReference');
    if (reference?.type !== 'TSExternalModuleReference') return;
    const specifier = literalString(nodeAt(reference, 'expression'));
    if (specifier === null) return;
    const id = nodeAt(node, 'id');
    const fact: PlacedImport['fact'] = { specifier, syntax: 'import-equals', line: lines.lineOf(node.start), names: boundNames(id), guard: guardOf(flags) };
    if (node.importKind === 'type') fact.typeOnly = true;
    result.imports.push({ offset: node.start, fact });
    const tool = COMMAND_MODULES[specifier];
    if (tool) bind(id, (fn) => ({ tool, fn }));
  };

  /** Functions called where they are written (`(async () => { … })()`): their bodies run when the file loads. */
  const immediate = new Set<AstNode>();
  const nodes: AstNode[] = [program];
  const flagStack: number[] = [0];
  const push = (value: unknown, flags: number): void => {
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) push(value[i], flags);
    } else if (isNode(value)) {
      nodes.push(value);
      flagStack.push(flags);
    }
  };

  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const flags = flagStack.pop()!;
    const type = node.type;
    switch (type) {
      case 'CallExpression': {
        onCall(node, flags);
        const called = immediatelyCalled(nodeAt(node, 'callee'));
        if (called) {
          immediate.add(called);
          if (nodesAt(node, 'arguments').some((a) => a.type === 'Identifier' && a.name === 'module')) result.usesExports = true;
        }
        break;
      }
      case 'NewExpression':
        onNew(node);
        break;
      case 'Identifier':
        // `exports` read or passed on; `(function (module) { … }(module))`, NodeBB's module wrapper.
        if (node.name === 'exports') result.usesExports = true;
        break;
      case 'AwaitExpression':
        // Top-level await (outside any function, or in the body of one called where it is written).
        if (!(flags & IN_FUNCTION)) result.topLevelWork = true;
        break;
      case 'ImportExpression':
        result.dynamicImports.set(node.start, { guard: guardOf(flags), names: pendingNames.get(node.start) ?? [], specifier: literalString(nodeAt(node, 'source')) });
        if (literalString(nodeAt(node, 'source')) === null) {
          const pattern = computedSpecifierPattern(nodeAt(node, 'source'), ctx.text);
          if (pattern !== null) result.references.push({ ...pattern, form: 'glob', line: lines.lineOf(node.start), via: 'computed import()' });
        }
        break;
      case 'TaggedTemplateExpression': {
        const fact = commandFromTaggedTemplate(node, bindings, ctx, lines.lineOf(node.start));
        if (fact) result.commands.push(fact);
        break;
      }
      case 'MemberExpression':
        onMember(node, flags);
        break;
      case 'BinaryExpression':
        onBinary(node);
        break;
      case 'AssignmentExpression':
        onAssignment(node);
        break;
      case 'VariableDeclarator':
        onDeclarator(node);
        break;
      case 'TSImportEqualsDeclaration':
        onImportEquals(node, flags);
        break;
      case 'TryStatement':
        // Only the protected block is guarded: a require in the handler fails like any other.
        push(node.finalizer, flags);
        push(node.handler, flags);
        push(node.block, flags | IN_TRY);
        continue;
      case 'PropertyDefinition':
      case 'AccessorProperty':
        if (!node.static) {
          // An instance field's initialiser runs when the class is instantiated, not when the file loads.
          push(node.value, flags | IN_FUNCTION);
          push(node.key, flags);
          push(node.decorators, flags);
          continue;
        }
        break;
    }
    const childFlags = FUNCTIONS.has(type) && !immediate.has(node) ? flags | IN_FUNCTION : flags;
    const keys = CHILD_KEYS.get(type);
    if (keys) {
      for (let k = keys.length - 1; k >= 0; k--) push(node[keys[k]], childFlags);
    } else {
      // A node type this parser version added: visit every child rather than miss its contents.
      const values = Object.values(node);
      for (let k = values.length - 1; k >= 0; k--) push(values[k], childFlags);
    }
  }
  return result;
};

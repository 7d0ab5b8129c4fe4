/**
 * One pass over the program for everything the module record does not hold: CommonJS `require`,
 * `import x = require()`, the guard of each `import()`, command calls, worker references,
 * `new URL('./x', import.meta.url)`, `import.meta.glob`, `require.context` and node:fs `glob()` patterns, runnable
 * markers and CommonJS export names. Iterative (an explicit stack), so
 * deeply nested generated code cannot overflow the call stack.
 */
import type { CommandFact, Guard, ImportedName, ReferenceFact, RunnableMarker } from '../../model/facts.js';
import { type AstNode, childKeysTable, dottedName, isNode, literalString, nodeAt, nodesAt, propertyKeyName, unwrap } from './ast.js';
import { COMMAND_MODULES, type CommandBinding, commandCallee, commandFromCall, commandFromTaggedTemplate } from './commands.js';
import { FS_MODULES, type FsGlobBinding, bindRequiredFs, fsGlobReferences, isFsGlobCallee } from './fs-glob.js';
import type { LineTable } from './line-table.js';
import { MODULE_API, registeredSpecifier, requiredRegisterCallees } from './module-hooks.js';
import { isUrlLike } from './resolution/specifier.js';
import type { DynamicImportContext, PlacedImport } from './module-record.js';
import { evaluateString, isOwnUrlBase, type ValueContext } from './static-value.js';
import { type ComputedPattern, computedSpecifierPattern } from './computed-specifier.js';
import { type ResolverCallee, bindRequiredResolver, loadsVariable, resolverCall } from './cwd-resolvers.js';
import { hasTopLevelWork, NODE_PROCESS_PROPERTIES } from './top-level-script.js';
import { escapeRegExp } from '../../util/regexp.js';
import { INTEROP_OPEN, moduleAliases } from './module-binding.js';
import { folderSpecifier } from './folder-expr.js';

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
  /** The file uses what only Node's `process` has (`process.exit`, NODE_PROCESS_PROPERTIES), anywhere. */
  usesNodeProcess: boolean;
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
  if (node.type === 'CallExpression' && dottedName(nodeAt(node, 'callee')) === 'require') {
    const arg = nodesAt(node, 'arguments')[0] ?? null;
    return literalString(arg) ?? trueAndLiteral(arg);
  }
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

/**
 * What one walk carries from node to node. A class, so every handler reads it through one hidden
 * class; the handlers are top-level functions called through a table (see HANDLERS).
 */
class Walk {
  readonly result: WalkResult;
  /** Names bound by `const … = require()/import()`, keyed by the call's offset. */
  readonly pendingNames = new Map<number, ImportedName[]>();
  /** Spans of `import.meta.url === … process.argv[1]` checks: their `process.argv` is not CLI use. */
  mainCheckEnd = -1;
  /** `new URL()` nodes a worker constructor already recorded. */
  readonly recordedUrls = new Set<number>();
  /** Functions called where they are written (`(async () => { … })()`): their bodies run when the file loads. */
  readonly immediate = new Set<AstNode>();
  readonly nodes: AstNode[] = [];
  readonly flagStack: number[] = [];

  constructor(
    program: AstNode,
    readonly ctx: ValueContext,
    readonly lines: LineTable,
    readonly bindings: Map<string, CommandBinding>,
    readonly registers: Set<string>,
    readonly fsGlobs: Map<string, FsGlobBinding>,
    readonly resolvers: Map<string, ResolverCallee>,
  ) {
    this.result = { imports: [], dynamicImports: new Map(), commands: [], references: [], runnable: new Set(), commonJsExports: [], usesExports: false, topLevelWork: hasTopLevelWork(program), usesNodeProcess: false };
  }

  push(value: unknown, flags: number): void {
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) this.push(value[i], flags);
    } else if (isNode(value)) {
      this.nodes.push(value);
      this.flagStack.push(flags);
    }
  }
}

/**
 * The reference of a computed specifier's glob, built by one of three literals (fields in the order a
 * spread of the pattern gave them): spread copies are objects of other hidden classes than every
 * other reference, which compiled readers of references met late and threw their code away.
 */
const globReference = (pattern: ComputedPattern, line: number, via: string): ReferenceFact =>
  pattern.sameHoles === true
    ? { target: pattern.target, form: 'glob', sameHoles: true, line, via }
    : pattern.exclude === undefined
      ? { target: pattern.target, form: 'glob', line, via }
      : { target: pattern.target, exclude: pattern.exclude, form: 'glob', line, via };

/** A computed package-name id a resolver call loads (`require(resolveCwd(`strapi/lib/${x}`))`): relative ids are relative to another folder. */
const pushResolved = (w: Walk, id: AstNode | null, line: number, via: string): void => {
  const pattern = computedSpecifierPattern(id, w.ctx.text);
  if (pattern !== null && !pattern.target.startsWith('.')) w.result.references.push(globReference(pattern, line, via));
};

const bind = (w: Walk, id: AstNode | null, binding: (fn: string | null) => CommandBinding | null): void => {
  if (id?.type === 'Identifier') {
    const b = binding(null);
    if (b) w.bindings.set(id.name as string, b);
    return;
  }
  for (const n of boundNames(id)) {
    const b = binding(n.name);
    if (b) w.bindings.set(n.alias ?? n.name, b);
  }
};

/**
 * What a handler tells the loop: WALK_CHILDREN to go on into the node's children, CHILDREN_PUSHED
 * when it pushed them itself (with flags of its own).
 */
const WALK_CHILDREN = false;
const CHILDREN_PUSHED = true;
type Handler = (w: Walk, node: AstNode, flags: number) => boolean;

const onDeclarator: Handler = (w, node) => {
  const id = nodeAt(node, 'id');
  let init = unwrap(nodeAt(node, 'init'));
  if (init?.type === 'AwaitExpression') init = unwrap(nodeAt(init, 'argument'));
  if (!init) return WALK_CHILDREN;
  const module = loadedModule(init);
  if (module !== null) {
    w.pendingNames.set(init.start, boundNames(id));
    if (MODULE_API.has(module)) for (const callee of requiredRegisterCallees(id)) w.registers.add(callee);
    const tool = COMMAND_MODULES[module];
    if (tool) bind(w, id, (fn) => ({ tool, fn }));
    if (FS_MODULES.has(module)) bindRequiredFs(id, w.fsGlobs);
    bindRequiredResolver(id, module, w.resolvers);
    return WALK_CHILDREN;
  }
  // `const p = resolveCwd.silent(id)` and later `require(p)`.
  const resolved = resolverCall(init, w.resolvers);
  if (resolved && !resolved.loads && id?.type === 'Identifier' && loadsVariable(id.name as string, w.ctx.text)) {
    pushResolved(w, resolved.id, w.lines.lineOf(init.start), `${dottedName(nodeAt(init, 'callee'))}, then required`);
    return WALK_CHILDREN;
  }
  // `const fork = require('child_process').fork`: one function of a command module, as older Node code binds it.
  if (init.type === 'MemberExpression' && id?.type === 'Identifier') {
    const tool = COMMAND_MODULES[loadedModule(unwrap(nodeAt(init, 'object'))) ?? ''];
    const property = nodeAt(init, 'property');
    const fn = init.computed ? literalString(property) : property?.type === 'Identifier' ? (property.name as string) : null;
    if (tool && fn !== null) w.bindings.set(id.name as string, { tool, fn });
    return WALK_CHILDREN;
  }
  if (init.type === 'CallExpression' && id?.type === 'Identifier' && PROMISIFY.has(dottedName(nodeAt(init, 'callee')) ?? '')) {
    const wrapped = commandCallee(nodesAt(init, 'arguments')[0] ?? null, w.bindings);
    if (wrapped) w.bindings.set(id.name as string, wrapped);
  }
  return WALK_CHILDREN;
};

/** Words before a parenthesis that open a control statement, not a function's parameters. */
const CONTROL_WORDS: ReadonlySet<string> = new Set(['if', 'while', 'for', 'switch', 'with', 'return', 'await', 'typeof', 'void', 'in', 'of', 'new']);

/**
 * Whether `name` (escaped) is bound as a parameter somewhere in the text: `function load(plugin) {`,
 * a method `load(a, plugin) {`, `catch (plugin) {`, `(plugin) =>`, `plugin =>` (a destructured
 * or typed one too). There a `require(plugin)` loads what the caller passes, not the file's const.
 */
const boundAsParameter = (name: string, text: string): boolean => {
  const params = String.raw`\((?:[^()]*[\s,.{[])?${name}\s*(?=[,)=:}\]])[^()]*\)`;
  if (new RegExp(String.raw`(?:^|[^\w$.])${name}\s*=>|${params}\s*(?::[^=;{}]*)?=>`).test(text)) return true;
  for (const m of text.matchAll(new RegExp(String.raw`([\w$]+)\s*${params}\s*(?::[^=;{}()]*)?\{`, 'g'))) if (!CONTROL_WORDS.has(m[1])) return true;
  return false;
};

/**
 * The relative specifier a name holds when the file declares it once, as a `const` with a string
 * literal: tsc keeps The Lounge's `const newLocal = "../server"; require(newLocal)` as written.
 * A name declared more than once (another scope's value), bound as a parameter anywhere in the
 * file (`function load(plugin) { require(plugin) }` loads what its caller passes), or bound any
 * other way is null.
 */
const constSpecifier = (arg: AstNode | null, text: string): string | null => {
  if (arg?.type !== 'Identifier') return null;
  if (constSpecifiers.text !== text) constSpecifiers = { text, byName: new Map(), tails: new Map() };
  const known = constSpecifiers.byName.get(arg.name as string);
  if (known !== undefined) return known;
  let found: string | null = null;
  if (text.includes(`const ${arg.name as string}`)) {
    const name = escapeRegExp(arg.name as string);
    const declared = text.match(new RegExp(String.raw`\b(?:const|let|var|function|class)\s+${name}(?![\w$])`, 'g'));
    const m = declared?.length === 1 ? new RegExp(String.raw`\bconst\s+${name}\s*=\s*(['"])(\.{1,2}\/[^'"\n]*)\1\s*[;\n]`).exec(text) : null;
    found = m && !boundAsParameter(name, text) ? m[2] : null;
  }
  constSpecifiers.byName.set(arg.name as string, found);
  return found;
};

/**
 * `require(true && "../../dynamicImport")`: firebase-tools spells its require so that a bundler does not
 * read it (the module must stay a file of its own), and Node loads the right side. Only the literal
 * `true` on the left: any other condition may be false.
 */
const trueAndLiteral = (arg: AstNode | null): string | null => {
  const n = unwrap(arg);
  if (n?.type !== 'LogicalExpression' || n.operator !== '&&') return null;
  const left = unwrap(nodeAt(n, 'left'));
  return left?.type === 'Literal' && left.value === true ? literalString(nodeAt(n, 'right')) : null;
};

/** constSpecifier's answers for the file being walked, by name (a file may require one name many times); `tails`: folderTail's folder, as a specifier, by name. */
let constSpecifiers: { text: string; byName: Map<string, string | null>; tails: Map<string, string | null> } = { text: '', byName: new Map(), tails: new Map() };

/**
 * `require(lib + '/cli')` with `lib` a const holding a folder, no parameter anywhere (folder-expr.ts's
 * folderSpecifier). The folder is settled once per name and file (the whole-text parameter test
 * last), since the tail only follows it: `require(__dirname + '/x')` costs one declaration count per
 * file, and an ES module's own `const __dirname = path.dirname(fileURLToPath(import.meta.url))` still counts.
 */
const folderTail = (arg: AstNode | null, ctx: ValueContext): string | null => {
  const n = unwrap(arg);
  const left = n?.type === 'BinaryExpression' && n.operator === '+' ? unwrap(nodeAt(n, 'left')) : n?.type === 'TemplateLiteral' ? templateHead(n) : null;
  const name = left?.type === 'Identifier' ? (left.name as string) : null;
  const tail = name === null ? null : n!.type === 'TemplateLiteral' ? templateTail(n!) : literalString(nodeAt(n!, 'right'));
  if (name === null || tail === null || !tail.startsWith('/') || tail === '/' || tail.includes('\n')) return null;
  if (constSpecifiers.text !== ctx.text) constSpecifiers = { text: ctx.text, byName: new Map(), tails: new Map() };
  let folder = constSpecifiers.tails.get(name);
  if (folder === undefined) {
    folder = folderSpecifier(name, ctx.file, ctx.text);
    if (folder !== null && boundAsParameter(escapeRegExp(name), ctx.text)) folder = null;
    constSpecifiers.tails.set(name, folder);
  }
  return folder === null ? null : `${folder}${tail}`;
};

/** `` `${lib}/cli` ``: the one expression a template opens with (nothing before it), else null. */
const templateHead = (n: AstNode): AstNode | null => {
  const exprs = nodesAt(n, 'expressions');
  const quasis = nodesAt(n, 'quasis');
  return exprs.length === 1 && quasis.length === 2 && (quasis[0].value as { cooked?: unknown } | undefined)?.cooked === '' ? unwrap(exprs[0]) : null;
};

/** The literal text after a templateHead's expression. */
const templateTail = (n: AstNode): string | null => {
  const cooked = (nodesAt(n, 'quasis')[1]?.value as { cooked?: unknown } | undefined)?.cooked;
  return typeof cooked === 'string' ? cooked : null;
};

/** `require('x')`, `require.resolve('x')`, `import.meta.resolve('x')` and their computed forms. */
const onRequire = (w: Walk, node: AstNode, flags: number, name: string, args: AstNode[]): void => {
  const { result, lines } = w;
  const specifier = literalString(args[0] ?? null) ?? (name === 'require' ? (constSpecifier(args[0] ?? null, w.ctx.text) ?? folderTail(args[0] ?? null, w.ctx) ?? trueAndLiteral(args[0] ?? null)) : null);
  if (specifier === null) {
    const resolved = name === 'require' ? resolverCall(args[0] ?? null, w.resolvers) : null;
    if (resolved && !resolved.loads) return pushResolved(w, resolved.id, lines.lineOf(node.start), `require(${dottedName(nodeAt(unwrap(args[0] ?? null) ?? node, 'callee'))}())`);
    const pattern = name === 'import.meta.resolve' ? null : computedSpecifierPattern(args[0] ?? null, w.ctx.text);
    if (pattern !== null) result.references.push(globReference(pattern, lines.lineOf(node.start), `computed ${name}`));
    return;
  }
  const names = name === 'require' ? (w.pendingNames.get(node.start) ?? []) : [];
  const syntax = name === 'import.meta.resolve' ? 'dynamic' : 'require';
  result.imports.push({ offset: node.start, fact: { specifier, syntax, line: lines.lineOf(node.start), names, guard: guardOf(flags) } });
};

/**
 * Vite: a literal pattern or list of them, relative to this file (`./`), to the project root
 * (`/`) or through an alias (`@/pages/*.ts`), which the graph maps; `!` patterns only narrow.
 */
const onImportMetaGlob = (w: Walk, node: AstNode, name: string, args: AstNode[]): void => {
  const first = unwrap(args[0] ?? null);
  const patterns = (first?.type === 'ArrayExpression' ? nodesAt(first, 'elements').map(literalString) : [literalString(first)]).filter((p): p is string => p !== null && p !== '' && p !== '!');
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  for (const pattern of patterns) {
    if (pattern.startsWith('!') || isUrlLike(pattern)) continue;
    w.result.references.push({ target: pattern, form: 'glob', line: w.lines.lineOf(node.start), via: name, ...(exclude.length > 0 ? { exclude } : {}) });
  }
};

/**
 * webpack and Rspack: require.context('./dir', recursive = true, /^\.\/.*$/), or
 * import.meta.webpackContext('./dir', { recursive, regExp }). The folder may go through an
 * alias (`~/forms`), which the graph maps; a URL or an absolute path is not a repo folder.
 */
const onRequireContext = (w: Walk, node: AstNode, name: string, args: AstNode[]): void => {
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
  const fact: ReferenceFact = { target: `${folder.replace(/\/$/, '')}/${recursive ? '**/*' : '*'}`, form: 'glob', line: w.lines.lineOf(node.start), via: name };
  if (typeof regex?.pattern === 'string') fact.filter = regex.pattern;
  w.result.references.push(fact);
};

/** What follows tsc's `Promise.resolve(`${x}`)` in its CommonJS output of `import(x)`: `.then(s => __importStar(require(s)))`. */
const THEN_REQUIRE = new RegExp(String.raw`^\s*\.\s*then\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*(?:${INTEROP_OPEN})?require\(\s*\1\s*\)`);

/** A computed `import(expr)`'s specifier as the glob of the files it may name (computed-specifier.ts), when census can read one. */
const pushComputedImport = (w: Walk, specifier: AstNode | null, line: number): void => {
  const pattern = computedSpecifierPattern(specifier, w.ctx.text);
  if (pattern !== null) w.result.references.push(globReference(pattern, line, 'computed import()'));
};

/**
 * tsc compiles a computed `await import(expr)` to CommonJS as ``Promise.resolve(`${expr}`).then(s => __importStar(require(s)))``
 * (The Lounge's ``import(`./plugins/irc-events/${plugin}`)``): read as `import(expr)`. A literal
 * `import('./x')` compiles to `Promise.resolve().then(() => __importStar(require('./x')))`, a plain
 * require read as one.
 */
const onCompiledImport = (w: Walk, node: AstNode, args: AstNode[]): void => {
  const template = unwrap(args[0] ?? null);
  if (args.length !== 1 || template?.type !== 'TemplateLiteral' || !THEN_REQUIRE.test(w.ctx.text.slice(node.end, node.end + 120))) return;
  const expressions = nodesAt(template, 'expressions');
  if (expressions.length !== 1 || nodesAt(template, 'quasis').some((q) => (q.value as { cooked?: unknown } | undefined)?.cooked !== '')) return;
  pushComputedImport(w, expressions[0], w.lines.lineOf(node.start));
};

const onCallee = (w: Walk, node: AstNode, flags: number): void => {
  const { result } = w;
  const callee = nodeAt(node, 'callee');
  const name = dottedName(callee);
  const args = nodesAt(node, 'arguments');
  if (name === 'require' || name === 'require.resolve' || name === 'import.meta.resolve') return onRequire(w, node, flags, name, args);
  const loaded = resolverCall(node, w.resolvers);
  if (loaded?.loads) return pushResolved(w, loaded.id, w.lines.lineOf(node.start), name ?? 'import-cwd');
  if (name !== null && w.registers.has(name)) {
    // Module hooks: Node loads the registered file for this process's later imports.
    const specifier = registeredSpecifier(args);
    if (specifier !== null) result.imports.push({ offset: node.start, fact: { specifier, syntax: 'dynamic', line: w.lines.lineOf(node.start), names: [], guard: guardOf(flags) } });
    return;
  }
  if (name === 'Object.defineProperty' && dottedName(args[0] ?? null) === 'exports') {
    result.usesExports = true;
    const exported = literalString(args[1] ?? null);
    if (exported !== null && exported !== '__esModule') result.commonJsExports.push(exported);
    return;
  }
  if (name === 'Promise.resolve') return onCompiledImport(w, node, args);
  if (name === 'import.meta.glob' || name === 'import.meta.globEager') return onImportMetaGlob(w, node, name, args);
  if (name === 'require.context' || name === 'import.meta.webpackContext') return onRequireContext(w, node, name, args);
  if (isFsGlobCallee(callee, w.fsGlobs)) {
    result.references.push(...fsGlobReferences(node, w.ctx, w.lines.lineOf(node.start)));
    return;
  }
  if (name === 'esMain' || name === 'isMain') {
    if (dottedName(args[0] ?? null) === 'import.meta') result.runnable.add('main-guard');
    return;
  }
  const command = commandCallee(callee, w.bindings);
  if (command) {
    const fact = commandFromCall(node, command, w.ctx, w.lines.lineOf(node.start));
    if (fact) result.commands.push(fact);
  }
};

const onCall: Handler = (w, node, flags) => {
  onCallee(w, node, flags);
  const called = immediatelyCalled(nodeAt(node, 'callee'));
  if (called) {
    w.immediate.add(called);
    if (nodesAt(node, 'arguments').some((a) => a.type === 'Identifier' && a.name === 'module')) w.result.usesExports = true;
  }
  return WALK_CHILDREN;
};

/**
 * `new NAME.Worker(…)` with NAME the file's own name for worker_threads as a whole (total4's
 * `const Worker = require('worker_threads')`, then `new Worker.Worker(__dirname + '/textdb-worker.js')`).
 * Another object's `Worker` member is no thread.
 */
const threadsWorker = (callee: string | null, text: string): boolean => {
  const m = callee === null ? null : /^([A-Za-z_$][\w$]*)\.Worker$/.exec(callee);
  if (m === null) return false;
  // Bound once per file: a file of 20,000 `new pool.Worker(…)` read the whole text for each (review rm4 of stop 57: 5 s → 59 s).
  if (threadsNames.text !== text) threadsNames = { text, names: new Set(moduleAliases(text, (s) => s === 'worker_threads' || s === 'node:worker_threads', false).map((a) => a.local)) };
  return threadsNames.names.has(m[1]);
};

/** threadsWorker's names for the file being walked. */
let threadsNames: { text: string; names: ReadonlySet<string> } = { text: '', names: new Set() };

const onNew: Handler = (w, node) => {
  const { result } = w;
  const callee = dottedName(nodeAt(node, 'callee'));
  if (callee === 'URL') {
    // `new URL('./x.js', import.meta.url)` names a file beside this one (an asset, a worker, a wasm module);
    // so does `new URL('x.js', ROOT)` with ROOT the module's folder URL (ownPathNames' folderUrls).
    if (w.recordedUrls.has(node.start) || !isOwnUrlBase(nodesAt(node, 'arguments')[1] ?? null, w.ctx)) return WALK_CHILDREN;
    const target = evaluateString(node, w.ctx);
    if (target !== null) result.references.push({ target, form: 'path', line: w.lines.lineOf(node.start), via: 'new URL' });
    return WALK_CHILDREN;
  }
  if (!WORKERS.has(callee ?? '') && !threadsWorker(callee, w.ctx.text)) return WALK_CHILDREN;
  const arg = unwrap(nodesAt(node, 'arguments')[0] ?? null);
  // A bare string is relative to the process's cwd (Node) or the page (browsers): not a file here.
  if (!arg || literalString(arg) !== null) return WALK_CHILDREN;
  if (arg.type === 'NewExpression') w.recordedUrls.add(arg.start);
  const target = evaluateString(arg, w.ctx);
  if (target !== null) result.references.push({ target, form: 'path', line: w.lines.lineOf(node.start), via: 'new Worker' });
  return WALK_CHILDREN;
};

/** `exports` read or passed on; `(function (module) { … }(module))`, NodeBB's module wrapper. */
const onIdentifier: Handler = (w, node) => {
  if (node.name === 'exports') w.result.usesExports = true;
  return WALK_CHILDREN;
};

/** Top-level await (outside any function, or in the body of one called where it is written). */
const onAwait: Handler = (w, _node, flags) => {
  if (!(flags & IN_FUNCTION)) w.result.topLevelWork = true;
  return WALK_CHILDREN;
};

const onImport: Handler = (w, node, flags) => {
  const source = nodeAt(node, 'source');
  w.result.dynamicImports.set(node.start, { guard: guardOf(flags), names: w.pendingNames.get(node.start) ?? [], specifier: literalString(source) });
  if (literalString(source) === null) pushComputedImport(w, source, w.lines.lineOf(node.start));
  return WALK_CHILDREN;
};

const onTaggedTemplate: Handler = (w, node) => {
  const fact = commandFromTaggedTemplate(node, w.bindings, w.ctx, w.lines.lineOf(node.start));
  if (fact) w.result.commands.push(fact);
  return WALK_CHILDREN;
};

const onBinary: Handler = (w, node) => {
  if (!EQUALITY.has(node.operator as string)) return WALK_CHILDREN;
  const left = dottedName(nodeAt(node, 'left'));
  const right = dottedName(nodeAt(node, 'right'));
  if ((left === 'require.main' && right === 'module') || (left === 'module' && right === 'require.main')) {
    w.result.runnable.add('main-guard');
    return WALK_CHILDREN;
  }
  if (node.end - node.start > 400) return WALK_CHILDREN;
  const source = w.ctx.text.slice(node.start, node.end);
  if (source.includes('process.argv') && (source.includes('import.meta') || source.includes('__filename'))) {
    w.result.runnable.add('main-guard');
    w.mainCheckEnd = node.end;
  }
  return WALK_CHILDREN;
};

const onMember: Handler = (w, node, flags) => {
  const property = nodeAt(node, 'property');
  const key = property?.type === 'Identifier' ? property.name : null;
  if (key === 'exports' && dottedName(node) === 'module.exports') w.result.usesExports = true;
  if (key === 'main' && dottedName(node) === 'import.meta.main') w.result.runnable.add('main-guard');
  else if (key === 'argv' && !(flags & IN_FUNCTION) && node.start >= w.mainCheckEnd && dottedName(node) === 'process.argv') w.result.runnable.add('cli-framework');
  if (key !== null && !node.computed && NODE_PROCESS_PROPERTIES.has(key as string)) {
    const object = nodeAt(node, 'object');
    if (object?.type === 'Identifier' && object.name === 'process') w.result.usesNodeProcess = true;
  }
  return WALK_CHILDREN;
};

const onAssignment: Handler = (w, node) => {
  const { result } = w;
  const target = dottedName(nodeAt(node, 'left'));
  if (target === null) return WALK_CHILDREN;
  if (target === 'module.exports' || target === 'exports' || /^(?:module\.)?exports\./.test(target)) result.usesExports = true;
  if (target === 'module.exports') {
    const value = unwrap(nodeAt(node, 'right'));
    if (value?.type !== 'ObjectExpression') return WALK_CHILDREN;
    for (const property of nodesAt(value, 'properties')) {
      const name = property.type === 'Property' ? propertyKeyName(property) : null;
      if (name !== null) result.commonJsExports.push(name);
    }
    return WALK_CHILDREN;
  }
  const match = /^(?:module\.)?exports\.([^.]+)$/.exec(target);
  if (match && match[1] !== '__esModule') result.commonJsExports.push(match[1]);
  return WALK_CHILDREN;
};

const onImportEquals: Handler = (w, node, flags) => {
  const reference = nodeAt(node, 'moduleReference');
  if (reference?.type !== 'TSExternalModuleReference') return WALK_CHILDREN;
  const specifier = literalString(nodeAt(reference, 'expression'));
  if (specifier === null) return WALK_CHILDREN;
  const id = nodeAt(node, 'id');
  const fact: PlacedImport['fact'] = { specifier, syntax: 'import-equals', line: w.lines.lineOf(node.start), names: boundNames(id), guard: guardOf(flags) };
  if (node.importKind === 'type') fact.typeOnly = true;
  w.result.imports.push({ offset: node.start, fact });
  const tool = COMMAND_MODULES[specifier];
  if (tool) bind(w, id, (fn) => ({ tool, fn }));
  return WALK_CHILDREN;
};

/** Only the protected block is guarded: a require in the handler fails like any other. */
const onTry: Handler = (w, node, flags) => {
  w.push(node.finalizer, flags);
  w.push(node.handler, flags);
  w.push(node.block, flags | IN_TRY);
  return CHILDREN_PUSHED;
};

/** An instance field's initialiser runs when the class is instantiated, not when the file loads. */
const onField: Handler = (w, node, flags) => {
  if (node.static) return WALK_CHILDREN;
  w.push(node.value, flags | IN_FUNCTION);
  w.push(node.key, flags);
  w.push(node.decorators, flags);
  return CHILDREN_PUSHED;
};

/**
 * The node types the walk acts on. Why a table and not a switch of calls: V8 inlines a function
 * called from one place into the caller's compiled code, so every handler's code was part of the
 * loop's, and a new node shape reaching any handler threw all of it away and compiled it again
 * (six to nine times per run on payload, each compile as costly as extracting many files). Called
 * through the table, the call site sees many targets, nothing is inlined into the loop, and each
 * handler is compiled (and recompiled) on its own.
 */
const HANDLERS: ReadonlyMap<string, Handler> = new Map([
  ['CallExpression', onCall],
  ['NewExpression', onNew],
  ['Identifier', onIdentifier],
  ['AwaitExpression', onAwait],
  ['ImportExpression', onImport],
  ['TaggedTemplateExpression', onTaggedTemplate],
  ['MemberExpression', onMember],
  ['BinaryExpression', onBinary],
  ['AssignmentExpression', onAssignment],
  ['VariableDeclarator', onDeclarator],
  ['TSImportEqualsDeclaration', onImportEquals],
  ['TryStatement', onTry],
  ['PropertyDefinition', onField],
  ['AccessorProperty', onField],
]);

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
  const w = new Walk(program, ctx, lines, bindings, registers, fsGlobs, resolvers);
  walkNodes(w, program);
  return w.result;
};

/** The loop alone, kept small so V8 compiles it once and cheaply (the set-up above runs once per file). */
const walkNodes = (w: Walk, program: AstNode): void => {
  const { nodes, flagStack, immediate } = w;
  const childKeys = childKeysTable();
  nodes.push(program);
  flagStack.push(0);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const flags = flagStack.pop()!;
    const type = node.type;
    const handler = HANDLERS.get(type);
    if (handler !== undefined && handler(w, node, flags) === CHILDREN_PUSHED) continue;
    const childFlags = FUNCTIONS.has(type) && !immediate.has(node) ? flags | IN_FUNCTION : flags;
    const keys = childKeys.get(type);
    if (keys) {
      for (let k = keys.length - 1; k >= 0; k--) w.push(node[keys[k]], childFlags);
    } else {
      // A node type this parser version added: visit every child rather than miss its contents.
      const values = Object.values(node);
      for (let k = values.length - 1; k >= 0; k--) w.push(values[k], childFlags);
    }
  }
};

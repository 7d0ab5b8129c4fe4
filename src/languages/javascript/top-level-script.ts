/**
 * The JS/TS 'top-level-code' runnable marker: an operator script (`bin/createUserSession.js`) that
 * requires what it needs and then does its work at load time, with no `if (require.main === module)`
 * and no process.argv. Loading it is running it; nothing can import it for a value, since it
 * exports nothing. A browser script, a test file or a config has the same shape, so the marker
 * needs evidence that the file is a Node program: it loads a Node built-in, it uses what only
 * Node's `process` has (`process.exit(1)`, `process.argv`, `process.cwd()`), or it sits in a
 * bin/, scripts/ or tools/ folder and loads something.
 */
import type { PlacedImport } from './module-record.js';
import { type AstNode, dottedName, nodeAt, nodesAt, unwrap } from './ast.js';

/** Calls at the top of a test file (Mocha, Jest, Vitest, node:test, Jasmine), not work of its own. */
const TEST_CALLS = new Set(['describe', 'it', 'test', 'suite', 'context', 'before', 'after', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'fixture', 'xdescribe', 'xit']);

/**
 * Node built-ins a script loads to do its work. A fixed list, not node:module's isBuiltin, so the
 * Node version running census does not change the verdicts.
 */
const NODE_BUILTINS = new Set([
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'module',
  'net', 'os', 'path', 'perf_hooks', 'process', 'querystring', 'readline', 'readline/promises', 'stream', 'stream/promises', 'timers',
  'timers/promises', 'tty', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
]);

/**
 * What only Node's `process` has. A browser has no `process` at all, but bundlers define
 * `process.env.X` (`process.env.NODE_ENV` in React code), so `env` is no evidence; nor are
 * `platform`, `version` and `nextTick`, which polyfills supply.
 */
export const NODE_PROCESS_PROPERTIES: ReadonlySet<string> = new Set(['argv', 'chdir', 'cwd', 'exit', 'exitCode', 'on', 'once', 'stderr', 'stdin', 'stdout']);

/** A superset text test of NODE_PROCESS_PROPERTIES (comments and strings too): whether the walk may find one. */
const NODE_PROCESS_TEXT = new RegExp(`\\bprocess\\s*\\.\\s*(?:${[...NODE_PROCESS_PROPERTIES].join('|')})\\b`);

/** Files Node runs as they are. */
const SCRIPT_FILE = /\.[cm]?[jt]s$/;
/** Folders that hold scripts an operator runs. */
const SCRIPT_FOLDER = /(^|\/)(bin|scripts|tools)\//;
/** Tests, configs and browser-facing folders: the same shape, never a script run by hand. */
const NOT_A_SCRIPT = /(^|\/)(__tests__|__mocks__|public|static|assets|www)\/|\.(test|spec|config|conf|stories)\.[cm]?[jt]sx?$|\.d\.[cm]?ts$|\.[jt]sx$/;

/** The call a top-level expression statement makes, seen through `void` and parentheses; or the `await` itself. */
const statementCall = (statement: AstNode): AstNode | null => {
  let expression = unwrap(nodeAt(statement, 'expression'));
  if (expression?.type === 'UnaryExpression' && expression.operator === 'void') expression = unwrap(nodeAt(expression, 'argument'));
  if (expression?.type === 'AwaitExpression') return expression;
  return expression?.type === 'CallExpression' ? expression : null;
};

/** The root name of a callee chain: `describe` for `describe.skip(...)`, `main` for `main()`. */
const rootName = (callee: AstNode | null): string | null => {
  let node = unwrap(callee);
  while (node && (node.type === 'MemberExpression' || node.type === 'CallExpression')) node = unwrap(nodeAt(node, node.type === 'MemberExpression' ? 'object' : 'callee'));
  return node?.type === 'Identifier' ? (node.name as string) : null;
};

/** What a statement of the program body does when the file loads. */
const statementKind = (statement: AstNode): 'work' | 'test' | null => {
  if (statement.type !== 'ExpressionStatement') return null;
  const call = statementCall(statement);
  if (!call) return null;
  if (call.type === 'AwaitExpression') return 'work';
  const name = dottedName(nodeAt(call, 'callee'));
  if (name === 'require' || name === 'Object.defineProperty') return null;
  const root = rootName(nodeAt(call, 'callee'));
  return root !== null && TEST_CALLS.has(root) ? 'test' : 'work';
};

/**
 * Whether the program body does work when the file loads: a top-level statement calls something
 * (`main()`, `(async () => { … })()`, `run().then(…)`) or awaits. A bare `require('x')` only
 * loads; a file with a test framework's `describe(…)` at the top is a test, whatever else it calls.
 */
export const hasTopLevelWork = (program: AstNode): boolean => {
  const kinds = nodesAt(program, 'body').map(statementKind);
  return !kinds.includes('test') && kinds.includes('work');
};

const isNodeBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier);

/** A file whose path allows a script: not a test, config, browser or component file. */
const scriptPath = (path: string): boolean => SCRIPT_FILE.test(path) && !NOT_A_SCRIPT.test(path);

/** A Node built-in loaded, or anything loaded from a script folder. */
const loadsAsScript = (path: string, imports: PlacedImport[]): boolean => {
  const loaded = imports.filter((p) => !p.fact.typeOnly);
  if (loaded.some((p) => isNodeBuiltin(p.fact.specifier))) return true;
  return SCRIPT_FOLDER.test(path) && loaded.length > 0;
};

/**
 * Whether a file that does work at load time and exports nothing is a Node script: it loads a
 * Node built-in, it uses Node's `process` (`usesNodeProcess`, found by the walk), or it loads
 * anything from a script folder; never a test, config or browser file.
 */
export const isNodeScript = (path: string, imports: PlacedImport[], usesNodeProcess: boolean): boolean =>
  scriptPath(path) && (usesNodeProcess || loadsAsScript(path, imports));

/**
 * Whether a file that exports nothing may be a Node script, before any walk: isNodeScript with
 * the `process` test made on the text, a superset, so only a file that may be one is walked.
 */
export const mayBeNodeScript = (path: string, imports: PlacedImport[], text: string): boolean =>
  scriptPath(path) && (loadsAsScript(path, imports) || NODE_PROCESS_TEXT.test(text));

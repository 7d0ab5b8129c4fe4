/**
 * Calls that run another program: child_process, execa, zx / Bun shell templates, shelljs,
 * cross-spawn and Bun.spawn. A call becomes a CommandFact when its program is known statically;
 * arguments computed at run time stay in the command as written (`${script}`), so the evidence
 * shows what the code says instead of guessing a value.
 */
import type { CommandFact } from '../../model/facts.js';
import { type AstNode, dottedName, literalString, nodeAt, nodesAt, propertyKeyName, unwrap } from './ast.js';
import { describeTemplate, evaluateString, placeholder, type ValueContext } from './static-value.js';
import { INTERPRETED_SCRIPT, namesInterpreterOf } from '../../util/interpreter-names.js';

/** Modules whose exports run commands, by the name census reports them under. */
export const COMMAND_MODULES: Readonly<Record<string, string>> = {
  child_process: 'child_process',
  'node:child_process': 'child_process',
  execa: 'execa',
  zx: 'zx',
  'zx/core': 'zx',
  bun: 'bun',
  shelljs: 'shelljs',
  'cross-spawn': 'cross-spawn',
};

/** A local name bound to a command module (`fn` null) or to one of its functions. */
export interface CommandBinding {
  tool: string;
  fn: string | null;
}

type CallShape = 'file-args' | 'shell' | 'node-module' | 'bun-spawn';

const SHAPES: Readonly<Record<string, Readonly<Record<string, CallShape>>>> = {
  child_process: { spawn: 'file-args', spawnSync: 'file-args', execFile: 'file-args', execFileSync: 'file-args', exec: 'shell', execSync: 'shell', fork: 'node-module' },
  execa: { execa: 'file-args', execaSync: 'file-args', execaCommand: 'shell', execaCommandSync: 'shell', execaNode: 'node-module' },
  shelljs: { exec: 'shell' },
  'cross-spawn': { spawn: 'file-args', sync: 'file-args' },
  Bun: { spawn: 'bun-spawn', spawnSync: 'bun-spawn' },
};

export interface CommandCallee {
  tool: string;
  fn: string;
}

/** Which command function a callee names, given the file's bindings; null for any other call. */
export const commandCallee = (calleeNode: AstNode | null, bindings: ReadonlyMap<string, CommandBinding>): CommandCallee | null => {
  const callee = unwrap(calleeNode);
  if (!callee) return null;
  if (callee.type === 'Identifier') {
    const bound = bindings.get(callee.name as string);
    if (!bound) return null;
    if (bound.fn !== null) return { tool: bound.tool, fn: bound.fn };
    return bound.tool === 'cross-spawn' ? { tool: bound.tool, fn: 'spawn' } : null;
  }
  if (callee.type !== 'MemberExpression') return null;
  const object = unwrap(nodeAt(callee, 'object'));
  const property = nodeAt(callee, 'property');
  const fn = callee.computed ? literalString(property) : property?.type === 'Identifier' ? (property.name as string) : null;
  if (!object || fn === null) return null;
  if (object.type === 'Identifier') {
    if (object.name === 'Bun') return { tool: 'Bun', fn };
    const bound = bindings.get(object.name as string);
    if (bound && bound.fn === null) return { tool: bound.tool, fn };
    if (bound && bound.tool === 'cross-spawn' && bound.fn === 'spawn') return { tool: bound.tool, fn };
    return null;
  }
  // require('child_process').spawn(...)
  if (object.type === 'CallExpression' && dottedName(nodeAt(object, 'callee')) === 'require') {
    const tool = COMMAND_MODULES[literalString(nodesAt(object, 'arguments')[0] ?? null) ?? ''];
    return tool ? { tool, fn } : null;
  }
  return null;
};

const SHELL_SPECIAL = /[\s'"`\\|&;<>(){}*?#~!]/;

/** One argv word as shell text: quoted when needed, kept as written when computed at run time. */
const word = (node: AstNode, ctx: ValueContext): string | null => {
  if (node.type === 'SpreadElement') return null;
  const value = evaluateString(node, ctx);
  if (value === null) return placeholder(node, ctx);
  if (value !== '' && !SHELL_SPECIAL.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
};

const argvCommand = (program: string, list: AstNode | null, ctx: ValueContext): string => {
  const words = [program];
  for (const element of list?.type === 'ArrayExpression' ? nodesAt(list, 'elements') : []) {
    const w = word(element, ctx);
    if (w === null) break;
    words.push(w);
  }
  return words.join(' ');
};

const shellCommand = (node: AstNode | null, ctx: ValueContext): string | null => {
  const arg = unwrap(node);
  if (!arg) return null;
  if (arg.type === 'TemplateLiteral') return describeTemplate(arg, ctx).text;
  return evaluateString(arg, ctx);
};

const objectProperty = (node: AstNode | null, name: string): AstNode | null => {
  const object = unwrap(node);
  if (object?.type !== 'ObjectExpression') return null;
  for (const property of nodesAt(object, 'properties')) {
    if (property.type === 'Property' && propertyKeyName(property) === name) return nodeAt(property, 'value');
  }
  return null;
};

/** The literal `cwd` option; null when the call sets one that is computed at run time. */
const cwdOf = (args: AstNode[], ctx: ValueContext): string | null | undefined => {
  for (const arg of args) {
    const cwd = objectProperty(arg, 'cwd');
    if (cwd) return evaluateString(cwd, ctx);
  }
  return undefined;
};

/**
 * Whether an argv list's first word that is no option is a path the code spells statically to a
 * script (`['-u', join(import.meta.url, 'invoke.py'), handler]`) and the program computed at run
 * time is named for that script's language (util/interpreter-names.ts): it is that script's
 * interpreter (serverless-offline's PythonRunner.js:45 spawns `pythonExecutable`, the function's
 * runtime, on its own invoke.py). Any other computed program is no command census can read.
 */
const leadsWithScript = (program: string, list: AstNode | null, ctx: ValueContext): boolean => {
  if (list?.type !== 'ArrayExpression') return false;
  for (const element of nodesAt(list, 'elements')) {
    if (element.type === 'SpreadElement') return false;
    const value = evaluateString(element, ctx);
    if (value === null) return false;
    if (value.startsWith('-')) continue;
    return (value.startsWith('./') || value.startsWith('../')) && INTERPRETED_SCRIPT.test(value) && namesInterpreterOf(program, value);
  }
  return false;
};

const commandText = (shape: CallShape, args: AstNode[], ctx: ValueContext): string | null => {
  switch (shape) {
    case 'shell':
      return shellCommand(args[0] ?? null, ctx);
    case 'file-args': {
      const program = evaluateString(args[0] ?? null, ctx);
      if (program !== null) return argvCommand(program, unwrap(args[1] ?? null), ctx);
      const list = unwrap(args[1] ?? null);
      const computed = args[0] ? placeholder(args[0], ctx) : null;
      return computed !== null && leadsWithScript(computed, list, ctx) ? argvCommand(computed, list, ctx) : null;
    }
    case 'node-module': {
      const module = args[0] ? evaluateString(args[0], ctx) : null;
      return module === null ? null : argvCommand(`node ${word(args[0], ctx)}`, unwrap(args[1] ?? null), ctx);
    }
    case 'bun-spawn': {
      const list = unwrap(args[0] ?? null);
      const argv = list?.type === 'ArrayExpression' ? list : unwrap(objectProperty(list, 'cmd'));
      const [first, ...rest] = argv?.type === 'ArrayExpression' ? nodesAt(argv, 'elements') : [];
      const program = first ? evaluateString(first, ctx) : null;
      return program === null ? null : [program, ...rest.map((n) => word(n, ctx) ?? '')].join(' ').trim();
    }
  }
};

const viaOf = (callee: CommandCallee): string =>
  callee.tool === 'execa' ? callee.fn : callee.tool === 'cross-spawn' ? `cross-spawn${callee.fn === 'sync' ? '.sync' : ''}` : `${callee.tool}.${callee.fn}`;

/** A CommandFact for a call to a known command function, when its program can be read. */
export const commandFromCall = (call: AstNode, callee: CommandCallee, ctx: ValueContext, line: number): CommandFact | null => {
  const shape = SHAPES[callee.tool]?.[callee.fn];
  if (!shape) return null;
  const args = nodesAt(call, 'arguments');
  const command = commandText(shape, args, ctx)?.trim();
  if (!command) return null;
  const fact: CommandFact = { command, line, via: viaOf(callee) };
  const cwd = cwdOf(shape === 'bun-spawn' ? args.slice(0, 2) : args.slice(1), ctx);
  if (cwd === null) fact.cwdComputed = true;
  else if (cwd !== undefined) fact.cwd = cwd;
  return fact;
};

/** `` $`cmd` `` (zx, Bun shell, execa's `$`): the template is the command line. */
export const commandFromTaggedTemplate = (node: AstNode, bindings: ReadonlyMap<string, CommandBinding>, ctx: ValueContext, line: number): CommandFact | null => {
  const tag = dottedName(nodeAt(node, 'tag'));
  if (tag !== '$' && tag !== 'Bun.$' && tag !== '$.sync') return null;
  const quasi = nodeAt(node, 'quasi');
  if (!quasi) return null;
  const command = describeTemplate(quasi, ctx).text.trim();
  if (!command) return null;
  const bound = bindings.get('$');
  const via = tag === 'Bun.$' ? 'Bun.$' : bound ? `${bound.tool} $` : '$';
  return { command, line, via };
};

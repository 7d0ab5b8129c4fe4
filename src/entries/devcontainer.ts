/**
 * Dev Containers (VS Code, Codespaces, the devcontainer CLI): `devcontainer.json`'s lifecycle
 * commands run when a developer's container is created or started: `initializeCommand` on the
 * host, `onCreateCommand`, `updateContentCommand`, `postCreateCommand`, `postStartCommand` and
 * `postAttachCommand` inside it, all from the workspace folder (the folder holding `.devcontainer/`
 * or `.devcontainer.json`). A value is a shell string, an argv array, or an object of named
 * commands run side by side (each a string or an array). They set up a developer's machine:
 * tooling. `${containerWorkspaceFolder}` and `${localWorkspaceFolder}` are that folder.
 */
import { lineOfKey, readConfigDocument } from './support/config-document.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type DetectorOutput, type EntryDetector } from './types.js';

const LIFECYCLE = ['initializeCommand', 'onCreateCommand', 'updateContentCommand', 'postCreateCommand', 'postStartCommand', 'postAttachCommand'];
/** `.devcontainer/devcontainer.json`, `.devcontainer/<name>/devcontainer.json`, `.devcontainer.json`. */
const CONFIG = /(?:^|\/)(?:\.devcontainer\/(?:[^/]+\/)?devcontainer\.json|\.devcontainer\.json)$/;
const WORKSPACE_VARIABLE = /\$\{(?:containerWorkspaceFolder|localWorkspaceFolder)\}/g;

/** The folder the commands run in: the one that holds `.devcontainer/` (or `.devcontainer.json`). */
const workspaceOf = (path: string): string => {
  const at = path.lastIndexOf('.devcontainer');
  return at <= 0 ? '' : path.slice(0, at - 1);
};

/** An argv array as one command line, each word quoted when it must be. */
const argvLine = (argv: unknown[]): string | null =>
  argv.every((a) => typeof a === 'string') ? (argv as string[]).map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ') : null;

const commandLines = (value: unknown): { name: string | null; command: string }[] => {
  if (typeof value === 'string') return [{ name: null, command: value }];
  if (Array.isArray(value)) {
    const line = argvLine(value);
    return line === null ? [] : [{ name: null, command: line }];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, v]) => commandLines(v).map((c) => ({ name, command: c.command })));
  }
  return [];
};

const devcontainer: EntryDetector = {
  id: 'devcontainer',
  title: 'Dev Container lifecycle commands (devcontainer.json postCreateCommand, onCreateCommand, …)',
  matches: (path, name) => (name === 'devcontainer.json' || name === '.devcontainer.json') && CONFIG.test(path),
  candidates: { names: ['devcontainer.json', '.devcontainer.json'] },
  detect: (file) => {
    const out: DetectorOutput = emptyOutput();
    const doc = readConfigDocument(file.path, file.text, 'devcontainer/invalid');
    if ('diagnostic' in doc) {
      out.diagnostics.push(doc.diagnostic);
      return out;
    }
    if (doc.table === null) return out;
    const cwd = workspaceOf(file.path);
    for (const key of LIFECYCLE) {
      const line = lineOfKey(file.text, key);
      for (const { name, command } of commandLines(doc.table[key])) {
        const where = name === null ? key : `${key} "${name}"`;
        addCommand(out, command.replace(WORKSPACE_VARIABLE, '.'), { cwd, kind: 'tooling', evidence: `Dev Container ${file.path} ${where}`, ...(line !== undefined ? { line } : {}) });
      }
    }
    return out;
  },
};

export default devcontainer;

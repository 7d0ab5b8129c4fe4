/**
 * Coding agents' hooks: commands an agent runs on its own events. Claude Code reads them from
 * `.claude/settings.json` and `.claude/settings.local.json` (`hooks: { PostToolUse: [{ matcher,
 * hooks: [{ type: "command", command }] }] }`), run from the project folder (the one holding
 * `.claude/`) with `$CLAUDE_PROJECT_DIR` set to it; Cursor from `.cursor/hooks.json` (`hooks: {
 * afterFileEdit: [{ command }] }`), run from the project folder too. They format, lint or check
 * what the agent wrote on a developer's machine: tooling.
 */
import { isRecord } from '../manifests/json.js';
import { splitLines } from '../util/lines.js';
import { readConfigDocument } from './support/config-document.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type DetectorOutput, type EntryDetector } from './types.js';

const CLAUDE = /(?:^|\/)\.claude\/settings(?:\.local)?\.json$/;
const CURSOR = /(?:^|\/)\.cursor\/hooks\.json$/;
/** The project folder, as each agent's variable names it: the command runs there, so it is `.`. */
const PROJECT_VARIABLES = { CLAUDE_PROJECT_DIR: '.', CURSOR_PROJECT_DIR: '.' };

/** Every `command` string of a hook entry, the nested Claude shape (`{ hooks: [{ command }] }`) and the flat one (`{ command }`). */
const hookCommands = (entry: unknown): string[] => {
  if (!isRecord(entry)) return [];
  const own = typeof entry.command === 'string' && (entry.type === undefined || entry.type === 'command') ? [entry.command] : [];
  const nested = Array.isArray(entry.hooks) ? entry.hooks.flatMap(hookCommands) : [];
  return [...own, ...nested];
};

const agentHooks: EntryDetector = {
  id: 'agent-hooks',
  title: "coding agents' hooks (.claude/settings.json hooks, .cursor/hooks.json)",
  matches: (path) => CLAUDE.test(path) || CURSOR.test(path),
  candidates: { names: ['settings.json', 'settings.local.json', 'hooks.json'] },
  detect: (file) => {
    const out: DetectorOutput = emptyOutput();
    const doc = readConfigDocument(file.path, file.text, 'agent-hooks/invalid');
    if ('diagnostic' in doc) {
      out.diagnostics.push(doc.diagnostic);
      return out;
    }
    const hooks = doc.table?.hooks;
    if (!isRecord(hooks)) return out;
    const agent = CLAUDE.test(file.path) ? 'Claude Code' : 'Cursor';
    const folder = file.path.slice(0, file.path.lastIndexOf('/'));
    const cwd = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
    const lines = splitLines(file.text);
    for (const [event, entries] of Object.entries(hooks)) {
      if (!Array.isArray(entries)) continue;
      for (const command of entries.flatMap(hookCommands)) {
        const i = lines.findIndex((l) => l.includes(JSON.stringify(command).slice(1, -1)));
        addCommand(out, command, { cwd, kind: 'tooling', env: PROJECT_VARIABLES, evidence: `${agent} hook ${event} in ${file.path}`, ...(i >= 0 ? { line: i + 1 } : {}) });
      }
    }
    return out;
  },
};

export default agentHooks;

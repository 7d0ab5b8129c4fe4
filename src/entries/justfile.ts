/**
 * just recipes (justfile, .justfile, *.just): every line of a recipe body is a tooling command
 * run from the justfile's folder (a test one when it starts a test runner), `@`/`-` prefixes
 * dropped and `\` continuations joined. `{{name}}` is filled from the file's literal `name :=
 * "value"` assignments; a recipe parameter or anything else becomes `${name}`, which the
 * analyser knows is computed. A recipe with a shebang (`#!/usr/bin/env python3`) is a script in
 * that language, not command lines: a warning naming its line says it was not read.
 */
import { warning } from '../util/diagnostics.js';
import { dirname } from '../util/path.js';
import { splitLines } from '../util/lines.js';
import { addCommand } from './support/inputs.js';
import { testOrTooling } from './support/test-runner-kind.js';
import { emptyOutput, type EntryDetector } from './types.js';

const ASSIGN = /^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(?:"([^"]*)"|'([^']*)')\s*$/;
/** `name param="x" +rest: deps`, with an optional `@` (quiet) before the name. */
const RECIPE = /^@?([A-Za-z_][\w-]*)(?:\s+[^:]*)?:(?!=)/;

const justfile: EntryDetector = {
  id: 'justfile',
  title: 'just recipes (justfile)',
  matches: (path, name) => /^\.?[Jj]ustfile$/.test(name) || path.endsWith('.just'),
  candidates: { names: ['justfile', 'Justfile', '.justfile', '.Justfile'], extensions: ['just'] },
  detect: (file) => {
    const out = emptyOutput();
    const lines = splitLines(file.text);
    const vars = new Map<string, string>();
    for (const raw of lines) {
      const m = ASSIGN.exec(raw);
      if (m) vars.set(m[1], m[2] ?? m[3]);
    }
    const fill = (text: string) => text.replace(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, (_w, name: string) => vars.get(name) ?? `\${${name.replace(/-/g, '_')}}`);
    let recipe: string | null = null;
    let shebang = false;
    let pending: { text: string; line: number } | null = null;
    const flush = () => {
      if (pending && recipe) {
        const command = fill(pending.text.replace(/^[@-]+/, '').trim());
        if (/\{\{/.test(command)) out.diagnostics.push(warning('justfile/templated', `recipe "${recipe}": an expression census does not fill (${command.slice(0, 80)})`, file.path, pending.line));
        else if (command !== '' && !command.startsWith('#')) addCommand(out, command, { cwd: dirname(file.path), kind: testOrTooling(command), evidence: `just ${file.path} recipe "${recipe}"`, line: pending.line });
      }
      pending = null;
    };
    lines.forEach((raw, i) => {
      if (/^\s+\S/.test(raw) && recipe) {
        if (shebang) return;
        const text = raw.trim();
        if (pending) {
          pending.text = `${pending.text.slice(0, -1)} ${text}`;
          if (!text.endsWith('\\')) flush();
          return;
        }
        if (text.startsWith('#!')) {
          shebang = true;
          out.diagnostics.push(warning('justfile/script-recipe', `recipe "${recipe}" is a ${text.slice(2).trim()} script, not command lines: not read`, file.path, i + 1));
          return;
        }
        pending = { text, line: i + 1 };
        if (!text.endsWith('\\')) flush();
        return;
      }
      if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
      flush();
      const m = /^\S/.test(raw) && !ASSIGN.test(raw) && !/^(set|alias|import|mod|export)\b/.test(raw) && !raw.startsWith('[') ? RECIPE.exec(raw) : null;
      recipe = m ? m[1] : null;
      shebang = false;
    });
    flush();
    return out;
  },
};

export default justfile;

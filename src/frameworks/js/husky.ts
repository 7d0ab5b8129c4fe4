/**
 * Husky runs `.husky/<hook>` (pre-commit, commit-msg, pre-push, …) as shell scripts when git
 * fires the hook: each hook is a tooling root and each of its command lines a tooling command in
 * the folder that holds `.husky` (`node scripts/verify-commit.mjs "$1"` makes that script a root).
 * Husky's own `.husky/_/` helpers and comment lines are skipped.
 */
import { basename, dirname } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';

import { pathsNamedLike } from '../../util/file-index.js';

const HOOKS = new Set([
  'applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit',
  'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'post-rewrite', 'pre-auto-gc', 'post-update', 'push-to-checkout',
]);

const hooks = (ctx: FrameworkContext): string[] => pathsNamedLike(ctx.files, { stems: [...HOOKS] }, 'sorted').filter((f) => f.includes('.husky/') && basename(dirname(f)) === '.husky' && HOOKS.has(basename(f)) && !f.includes('node_modules/'));

const husky: FrameworkReader = {
  id: 'husky',
  title: 'Husky (.husky git hooks and the commands they run)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = hooks(ctx);
    return found.length === 0 ? null : `${found[0]} is a Husky git hook`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const hook of hooks(ctx)) {
      const cwd = dirname(dirname(hook));
      out.entries.push({ source: hook, target: hook, targetKind: 'file', kind: 'tooling', evidence: `${hook}: a git hook Husky installs` });
      const lines = (ctx.readText(hook) ?? '').split('\n');
      lines.forEach((raw, i) => {
        const line = raw.trim();
        // Husky v4-8 boilerplate: the shebang and sourcing its own helper.
        if (line === '' || line.startsWith('#') || /(^|\s)(\.|source)\s+"?\$\(dirname/.test(line) || /husky\.sh"?$/.test(line)) return;
        out.commands.push({ source: hook, command: line, cwd, kind: 'tooling', line: i + 1, evidence: `${hook}:${i + 1} (git hook)` });
      });
    }
    return out;
  },
};

export default husky;

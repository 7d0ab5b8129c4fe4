/**
 * lint-staged runs the commands of its config (.lintstagedrc*, lint-staged.config.*, package.json
 * "lint-staged") on staged files at commit time: each glob's command string, or array of them, is
 * a command line in the package folder with the tooling kind (`node scripts/check-names.js` makes
 * that script a tooling root). A function value builds its commands at run time: a warning.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, jsPackages, readToolConfig, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^(\.lintstagedrc(\.(json|ya?ml|[cm]?js))?|lint-staged\.config\.[cm]?[jt]s)$/;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => filesIn(ctx, p.dir, CONFIG).length > 0 || p.json['lint-staged'] !== undefined);

const readCommands = (source: string, value: ConfigValue | null, dir: string, out: FrameworkOutput) => {
  if (value?.kind !== 'object') return;
  const unread: { line: number; text: string }[] = [];
  for (const [glob, v] of value.props) {
    const items = v.kind === 'array' ? v.items : [v];
    for (const item of items) {
      if (item.kind === 'string') out.commands.push({ source, command: item.value, cwd: dir, kind: 'tooling', ...(item.line > 1 ? { line: item.line } : {}), evidence: `${source}${item.line > 1 ? `:${item.line}` : ''} lint-staged "${glob}"` });
      else if (item.kind === 'unknown') unread.push({ line: item.line, text: item.text });
    }
  }
  warnUnread(out.diagnostics, 'lint-staged', source, unread, 'a lint-staged command');
};

const lintStaged: FrameworkReader = {
  id: 'lint-staged',
  title: 'lint-staged (the commands of each glob)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'lint-staged'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) {
      for (const config of filesIn(ctx, pkg.dir, CONFIG)) readCommands(config, readToolConfig(ctx, config, out.diagnostics, 'lint-staged').value, pkg.dir, out);
      if (pkg.json['lint-staged'] !== undefined) readCommands(pkg.manifest, configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, 'lint-staged').value, 'lint-staged'), pkg.dir, out);
    }
    return out;
  },
};

export default lintStaged;

/**
 * VitePress builds a docs site from a folder (`vitepress build docs`; `.` when no folder is named):
 * it loads that folder's `.vitepress/config.{js,ts,mjs,mts}` (or `.vitepress/config/index.*`) and
 * its custom theme, `.vitepress/theme/index.*`, which replaces the default theme. Both are roots,
 * with the kind of what runs vitepress on that folder (nothing found: tooling, as for any site
 * builder); what they import follows from them.
 */
import { pathsNamedLike } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { kindOf, positionalArgs, runEvidence, toolInvocations, toolRun } from './support.js';

const EXTENSIONS = ['js', 'ts', 'mjs', 'mts'];
const CONFIG = new RegExp(`(^|/)\\.vitepress/(config|config/index)\\.(${EXTENSIONS.join('|')})$`);
const COMMANDS = new Set(['dev', 'build', 'preview', 'serve']);
const FLAGS_WITH_VALUE = ['--port', '--base', '--outDir', '--host', '--mode'];
const THEME = new RegExp(`(^|/)\\.vitepress/theme/index\\.(${EXTENSIONS.join('|')})$`);
const RANK = ['production', 'tooling', 'test'];

/** The `.vitepress` folders of the repo that hold a config or a theme. */
const sites = (ctx: FrameworkContext): string[] => {
  const out = new Set<string>();
  for (let at = 0, listed = pathsNamedLike(ctx.files, { stems: ['config', 'index'] }); at < listed.length; at++) {
    const f = listed[at];
    if (f.includes('node_modules/') || !f.includes('.vitepress/')) continue;
    if (CONFIG.test(f)) out.add(f.slice(0, f.indexOf('.vitepress/') + '.vitepress'.length));
    else if (THEME.test(f)) out.add(dirname(dirname(f)));
  }
  return [...out].sort();
};

/** The site folder a vitepress command line works on: `vitepress [dev|build|preview] [root]`, from its folder. */
const siteOf = (cwd: string, args: string[]): string | null => {
  const words = positionalArgs(args, FLAGS_WITH_VALUE);
  const root = COMMANDS.has(words[0] ?? '') ? words[1] : words[0];
  return joinRepo(cwd, root ?? '.');
};

/** The first file `<base>.<ext>` for the extensions VitePress loads its config and theme with. */
const fileAt = (ctx: FrameworkContext, base: string): string | null => {
  for (const ext of EXTENSIONS) if (ctx.files.has(`${base}.${ext}`)) return `${base}.${ext}`;
  return null;
};

const vitepress: FrameworkReader = {
  id: 'vitepress',
  title: 'VitePress (.vitepress/config and the custom theme of each docs site)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = sites(ctx);
    return found.length > 0 ? `${found[0]}/ holds a VitePress site's config or theme` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const calls = toolInvocations(ctx, ['vitepress']);
    for (const dotDir of sites(ctx)) {
      const site = dirname(dotDir);
      // The folders vitepress is run from on this site: each gives the kind of its command.
      const cwds = [...new Set(calls.filter((c) => siteOf(c.cwd, c.args) === site).map((c) => c.cwd))].sort();
      const runs = cwds.map((cwd) => toolRun(ctx, cwd, ['vitepress'], { bundler: true, args: (args) => siteOf(cwd, args) === site })).filter((r) => r !== null);
      const run = runs.sort((a, b) => RANK.indexOf(a.kind) - RANK.indexOf(b.kind))[0] ?? null;
      const kind = kindOf(run);
      const why = runEvidence(run, 'vitepress');
      const config = fileAt(ctx, `${dotDir}/config`) ?? fileAt(ctx, `${dotDir}/config/index`);
      const theme = fileAt(ctx, `${dotDir}/theme/index`);
      const source = config ?? theme;
      if (source === null) continue;
      if (config !== null) out.entries.push({ source: config, target: config, targetKind: 'file', kind, evidence: `${config}: VitePress config of the site in ${site || '.'}/, loaded by ${why}` });
      if (theme !== null) out.entries.push({ source, target: theme, targetKind: 'file', kind, evidence: `${theme}: VitePress custom theme of the site in ${site || '.'}/, loaded by ${why}` });
    }
    return out;
  },
};

export default vitepress;

/**
 * The Angular CLI builds from angular.json, not from imports: each project's build target names
 * `main`/`browser`, `server`, `ssr.entry`, `polyfills` and global `scripts`, and its
 * configurations swap files through `fileReplacements` (`environment.ts` → `environment.prod.ts`,
 * which nothing imports); the test target names `main` (src/test.ts), `polyfills` and
 * `karmaConfig`. Paths are relative to the workspace (angular.json's folder). Build files get the
 * kind of what runs `ng` there (a Dockerfile build: production), test-target files are test roots.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import type { EntryKind } from '../../model/verdict.js';
import { dirname } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { kindOf, readToolConfig, resolveToolPath, runEvidence, toolRun } from './support.js';
import { pathsNamedLike } from '../../util/file-index.js';

const WORKSPACE = /(^|\/)(angular|\.angular-cli)\.json$/;
const FILE_KEYS = ['main', 'browser', 'server', 'polyfills', 'scripts', 'karmaConfig', 'entry'];

const workspaces = (ctx: FrameworkContext): string[] => pathsNamedLike(ctx.files, { stems: ['angular', '.angular-cli'] }, 'sorted').filter((f) => WORKSPACE.test(f) && !f.includes('node_modules/'));

/** Every string under the file-naming keys of a target's options or one of its configurations. */
const namedFiles = (options: ConfigValue | null, out: { value: string; line: number; key: string }[]) => {
  if (options?.kind !== 'object') return;
  const visit = (v: ConfigValue, key: string) => {
    if (v.kind === 'string') out.push({ value: v.value, line: v.line, key });
    else if (v.kind === 'array') for (const i of v.items) visit(i.kind === 'object' ? (configAt(i, 'input') ?? i) : i, key);
  };
  for (const key of FILE_KEYS) {
    const v = configAt(options, key);
    if (v) visit(v, key);
  }
  const ssr = configAt(options, 'ssr', 'entry');
  if (ssr) visit(ssr, 'ssr.entry');
  const replacements = configAt(options, 'fileReplacements');
  if (replacements?.kind === 'array') for (const r of replacements.items) { const v = configAt(r, 'with'); if (v) visit(v, 'fileReplacements with'); }
};

const collectWorkspace = (ctx: FrameworkContext, workspace: string, out: FrameworkOutput) => {
  const { value } = readToolConfig(ctx, workspace, out.diagnostics, 'angular');
  const projects = configAt(value, 'projects');
  if (projects?.kind !== 'object') return;
  const dir = dirname(workspace);
  const run = toolRun(ctx, dir, ['ng'], { bundler: true });
  for (const [name, project] of projects.props) {
    const targets = configAt(project, 'architect') ?? configAt(project, 'targets');
    if (targets?.kind !== 'object') continue;
    for (const [targetName, target] of targets.props) {
      const builder = configAt(target, 'builder');
      const isTest = targetName === 'test' || (builder?.kind === 'string' && /:(karma|jest|web-test-runner|vitest)$/.test(builder.value));
      const kind: EntryKind = isTest ? 'test' : kindOf(run);
      const why = isTest ? `the ${targetName} target (${builder?.kind === 'string' ? builder.value : 'ng test'})` : runEvidence(run, 'ng');
      const named: { value: string; line: number; key: string }[] = [];
      namedFiles(configAt(target, 'options'), named);
      const configurations = configAt(target, 'configurations');
      if (configurations?.kind === 'object') for (const c of configurations.props.values()) namedFiles(c, named);
      for (const n of named) {
        const file = resolveToolPath(ctx, dir, n.value.replace(/^\.\//, ''));
        if (file === null || !/\.(c|m)?[jt]sx?$/.test(file)) continue;
        out.entries.push({ source: workspace, target: file, targetKind: 'file', kind, line: n.line, evidence: `${workspace}${n.line > 1 ? `:${n.line}` : ''} project "${name}" ${targetName} ${n.key} "${n.value}", built by ${why}` });
      }
    }
  }
};

const angular: FrameworkReader = {
  id: 'angular',
  title: 'Angular CLI (angular.json main/browser/server/polyfills/scripts, fileReplacements, test main and karmaConfig)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = workspaces(ctx);
    return found.length === 0 ? null : `${found[0]} is an Angular workspace`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const workspace of workspaces(ctx)) collectWorkspace(ctx, workspace, out);
    return out;
  },
};

export default angular;

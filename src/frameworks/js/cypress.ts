/**
 * Cypress runs the specs `specPattern` selects and loads a support file first, for e2e (defaults
 * `cypress/e2e/**\/*.cy.*` and `cypress/support/e2e.*`) and, when configured, component testing
 * (`**\/*.cy.*`, `cypress/support/component.*`); a legacy cypress.json setup uses
 * `cypress/integration/`, `cypress/support/index.*` and `cypress/plugins/index.*`. All test roots.
 */
import { configAt, configStrings } from '../../languages/javascript/config-value.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, globFiles, readToolConfig, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^cypress\.config\.[cm]?[jt]s$/;
const EXT = '{js,jsx,ts,tsx,mjs,cjs}';
const MODES = {
  e2e: { spec: [`cypress/e2e/**/*.cy.${EXT}`], support: `cypress/support/e2e.${EXT}` },
  component: { spec: [`**/*.cy.${EXT}`], support: `cypress/support/component.${EXT}` },
};

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['cypress'], CONFIG);

const add = (ctx: FrameworkContext, dir: string, globs: string[], source: string, what: string, out: FrameworkOutput) => {
  for (const { file, glob } of globFiles(ctx, dir, globs)) out.entries.push({ source, target: file, targetKind: 'file', kind: 'test', evidence: `cypress ${what} (${source}): ${glob}` });
};

const cypress: FrameworkReader = {
  id: 'cypress',
  title: 'Cypress (specPattern, support files, legacy integration and plugins folders)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Cypress'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) {
      const config = filesIn(ctx, pkg.dir, CONFIG)[0] ?? null;
      if (config === null) {
        add(ctx, pkg.dir, [`cypress/integration/**/*.${EXT}`, `cypress/support/index.${EXT}`, `cypress/plugins/index.${EXT}`, ...MODES.e2e.spec, MODES.e2e.support], pkg.manifest, 'defaults', out);
        continue;
      }
      const { value } = readToolConfig(ctx, config, out.diagnostics, 'cypress');
      for (const mode of ['e2e', 'component'] as const) {
        const section = configAt(value, mode);
        if (mode === 'component' && !section) continue;
        const spec = configStrings(configAt(section, 'specPattern'));
        warnUnread(out.diagnostics, 'cypress', config, spec.unknown, `${mode}.specPattern`);
        add(ctx, pkg.dir, spec.strings.length > 0 ? spec.strings.map((s) => s.value) : MODES[mode].spec, config, `${mode} specs`, out);
        const support = configAt(section, 'supportFile');
        if (support?.kind === 'boolean') continue;
        add(ctx, pkg.dir, [support?.kind === 'string' ? support.value : MODES[mode].support], config, `${mode} support file`, out);
      }
    }
    return out;
  },
};

export default cypress;

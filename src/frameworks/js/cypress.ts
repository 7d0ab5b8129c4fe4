/**
 * Cypress runs the specs `specPattern` selects and loads a support file first, for e2e (defaults
 * `cypress/e2e/**\/*.cy.*` and `cypress/support/e2e.*`) and, when configured, component testing
 * (`**\/*.cy.*`, `cypress/support/component.*`); a legacy cypress.json setup uses
 * `cypress/integration/`, `cypress/support/index.*` and `cypress/plugins/index.*`. All test roots.
 * When the config may name its e2e support file where census cannot read it (a spread preset
 * `...nxE2EPreset(__filename)`, a computed value), Cypress's default still applies, and the
 * `cypress/support/commands.{js,ts}` Cypress scaffolds for support files to import is a test root
 * too: census cannot see which support file the preset names or what that file imports, so it
 * does not call the scaffolded commands dead (knip's Cypress defaults count it a support file).
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, globFiles, readToolConfig, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^cypress\.config\.[cm]?[jt]s$/;
const EXT = '{js,jsx,ts,tsx,mjs,cjs}';
const MODES = {
  e2e: { spec: [`cypress/e2e/**/*.cy.${EXT}`], support: `cypress/support/e2e.${EXT}` },
  component: { spec: [`**/*.cy.${EXT}`], support: `cypress/support/component.${EXT}` },
};

/** The custom-commands file Cypress scaffolds for its support files. */
const COMMANDS = 'cypress/support/commands.{js,ts}';
const COMMANDS_WHAT = 'custom commands file, scaffolded for the support file the config names where census cannot read it';

/** Whether `key` of `section` (under `parent`) may be set where census cannot read it: a spread or computed value. */
const mayBeHidden = (key: ConfigValue | null, section: ConfigValue | null, parent: ConfigValue | null): boolean => {
  if (key !== null) return key.kind === 'unknown';
  const holder = section ?? parent;
  return holder?.kind !== 'object' || holder.partial;
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
        if (mode === 'e2e' && mayBeHidden(support, section, value)) add(ctx, pkg.dir, [COMMANDS], config, COMMANDS_WHAT, out);
      }
    }
    return out;
  },
};

export default cypress;

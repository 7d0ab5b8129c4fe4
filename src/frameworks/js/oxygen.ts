/**
 * Shopify Hydrogen's worker runs on Oxygen, and `oxygen()` from `@shopify/mini-oxygen/vite` in the
 * vite config loads its entry by name: the plugin's `entry` option, else `./server` (its
 * DEFAULT_SSR_ENTRY, resolved by Vite with the usual extensions) beside the config. Nothing imports
 * that file, so it is a reference from the vite config, which carries the kind of what runs vite.
 */
import { callsIn, configAt } from '../../languages/javascript/config-value.js';
import { dirname } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, fileReference, filesIn, resolveToolPath, toolPackages, type JsPackage } from './support.js';

const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@shopify/mini-oxygen'], null);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  for (const config of filesIn(ctx, pkg.dir, VITE_CONFIG)) {
    const text = ctx.readText(config);
    if (text === null || !text.includes('oxygen(')) continue;
    for (const call of callsIn(config, text, /^oxygen$/)) {
      const named = configAt(call.args[0] ?? null, 'entry');
      const entry = named?.kind === 'string' ? named.value : './server';
      const file = resolveToolPath(ctx, dirname(config), entry);
      const where = named?.kind === 'string' ? `entry "${entry}"` : 'its default entry "./server"';
      if (file) out.references.push(fileReference(config, file, call.line, `loaded as the Oxygen worker entry by oxygen() in ${config}:${call.line} (${where})`));
    }
  }
};

const oxygen: FrameworkReader = {
  id: 'oxygen',
  title: 'Shopify Oxygen (the worker entry the mini-oxygen vite plugin loads)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'mini-oxygen'),
  collect: eachPackage(packages, collectPackage),
};

export default oxygen;

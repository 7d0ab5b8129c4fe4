/**
 * Turborepo's generators (`turbo gen`, the `@turbo/gen` package) load
 * `turbo/generators/config.{ts,mts,js,cjs,mjs}` from the repo root and from each workspace, by
 * that path, never through an import. Such a config is a tooling root where turbo is at hand:
 * `turbo` or `@turbo/gen` is a dependency of the package it sits in, or of a package.json above
 * it (the repo root of the workspace). What the config imports follows from it; its templates
 * (`templates/*.hbs`) are not code.
 */
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { dependsOn, enclosingPackages, jsPackages } from './support.js';

const CONFIG_EXTENSIONS = ['ts', 'mts', 'js', 'cjs', 'mjs'];
const TURBO_PACKAGES = ['turbo', '@turbo/gen'];

/** Each generators config turbo loads, with the package.json that puts turbo at hand. */
const generatorConfigs = (ctx: FrameworkContext): { config: string; manifest: string; where: string; why: string }[] => {
  const out: { config: string; manifest: string; where: string; why: string }[] = [];
  for (const pkg of jsPackages(ctx)) {
    const base = joinRepo(pkg.dir, 'turbo/generators/config');
    const config = base === null ? undefined : CONFIG_EXTENSIONS.map((ext) => `${base}.${ext}`).find((f) => ctx.files.has(f));
    if (config === undefined) continue;
    for (const holder of enclosingPackages(ctx, pkg.dir)) {
      const dep = TURBO_PACKAGES.find((d) => dependsOn(holder, d));
      if (dep === undefined) continue;
      out.push({ config, manifest: pkg.manifest, where: pkg.dir === '' ? 'the repo root' : `the workspace ${pkg.dir}/`, why: `${holder.manifest} depends on ${dep}` });
      break;
    }
  }
  return out;
};

const turboGen: FrameworkReader = {
  id: 'turbo-gen',
  title: 'Turborepo generators (turbo/generators/config.* of the root and each workspace)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const [first] = generatorConfigs(ctx);
    return first ? `${first.config} is loaded by turbo gen (${first.why})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const { config, manifest, where, why } of generatorConfigs(ctx)) {
      out.entries.push({ source: manifest, target: config, targetKind: 'file', kind: 'tooling', evidence: `${config}: Turborepo generators config, loaded by turbo gen for ${where} (${why})` });
    }
    return out;
  },
};

export default turboGen;

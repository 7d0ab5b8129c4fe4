/**
 * The page script, assembled from the compiled client modules' own source text
 * (Function.prototype.toString), so the client is type-checked TypeScript like the rest of census
 * and needs no bundler, no asset file and no disk read at render time.
 *
 * The rule that makes this work: a client module exports only `function` declarations and keeps
 * nothing else at module level; functions reach each other by their exported names, which the
 * compiled ES modules keep as they are. client-bundle.test.ts enforces the rule.
 */
import * as app from './app.js';
import * as detail from './detail.js';
import * as dom from './dom.js';
import * as duplicatesPanel from './duplicates-panel.js';
import * as filters from './filters.js';
import * as graph from './graph.js';
import * as graphDraw from './graph-draw.js';
import * as graphLayout from './graph-layout.js';
import * as graphModel from './graph-model.js';
import * as importsPanel from './imports-panel.js';
import * as legend from './legend.js';
import * as model from './model.js';
import * as overview from './overview.js';
import * as panZoom from './pan-zoom.js';
import * as route from './route.js';
import * as table from './table.js';
import * as treemap from './treemap.js';
import * as treemapLayout from './treemap-layout.js';

/** Every client module, by file name (without .ts). */
export const CLIENT_MODULES: Record<string, Record<string, unknown>> = {
  app,
  detail,
  dom,
  'duplicates-panel': duplicatesPanel,
  filters,
  graph,
  'graph-draw': graphDraw,
  'graph-layout': graphLayout,
  'graph-model': graphModel,
  'imports-panel': importsPanel,
  legend,
  model,
  overview,
  'pan-zoom': panZoom,
  route,
  table,
  treemap,
  'treemap-layout': treemapLayout,
};

/** The client functions in a stable order (module, then export name). */
export const clientFunctions = (): { module: string; name: string; fn: (...args: never[]) => unknown }[] =>
  Object.keys(CLIENT_MODULES)
    .sort()
    .flatMap((module) =>
      Object.keys(CLIENT_MODULES[module])
        .sort()
        .filter((name) => typeof CLIENT_MODULES[module][name] === 'function')
        .map((name) => ({ module, name, fn: CLIENT_MODULES[module][name] as (...args: never[]) => unknown })),
    );

/**
 * The script as tsc's build assembles it, embedded in census's bundle by scripts/bundle.mjs:
 * esbuild prints every function it bundles anew (its own indentation and quotes), so the
 * bundle's toString() text would be another page than the one the tests check in a browser.
 * Undefined when running from tsc's dist/src.
 */
declare const CENSUS_PAGE_SCRIPT: string | undefined;

let cached: string | undefined;

/** The script that goes into the page: every client function, then a call to censusMain. */
export const clientScript = (): string => {
  cached ??=
    typeof CENSUS_PAGE_SCRIPT === 'string'
      ? CENSUS_PAGE_SCRIPT
      : `(function () {\n'use strict';\n${clientFunctions()
          .map((f) => f.fn.toString())
          .join('\n')}\ncensusMain();\n})();\n`;
  return cached;
};

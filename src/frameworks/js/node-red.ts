/**
 * Node-RED loads nodes by its own rules, never by import. A node package declares them in its
 * package.json: `"node-red": { "nodes": { "inject": "nodes/inject.js" }, "plugins": { … } }`, and
 * the runtime's registry (`@node-red/registry` lib/localfilesystem.js, `scanTypes(pkg['node-red'].nodes)`)
 * requires each file from every installed package that has the key. Node-RED's own core nodes have
 * no such list: node-red sets `coreNodesDir` to the folder of the `@node-red/nodes` package and the
 * registry walks it (`getLocalNodeFiles`), taking each `*.js`/`*.cjs` file that has an `.html` file
 * of the same name beside it, and skipping the folders `lib`, `icons`, `node_modules`, `test`,
 * `locales` and dot folders. Both are production roots: the runtime loads them when it starts.
 */
import { isRecord } from '../../manifests/json.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineHolding } from '../../util/lines.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { jsPackages, resolveToolPath, type JsPackage } from './support.js';

const CORE_NODES_PACKAGE = '@node-red/nodes';
const NODE_FILE = /\.c?js$/;
const SKIPPED_FOLDER = /^(?:\..*|lib|icons|node_modules|test|locales)$/;

/** The package.json line that maps `"name": "value"` (undefined when it spans lines). */
const lineNaming = (text: string, name: string, value: string): number | undefined => lineHolding(text, JSON.stringify(name), JSON.stringify(value));

const declared = (pkg: JsPackage): Record<string, unknown> | null => (isRecord(pkg.json['node-red']) ? pkg.json['node-red'] : null);

const nodePackages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => declared(p) !== null || p.json.name === CORE_NODES_PACKAGE);

/** `"node-red": { "nodes": {…}, "plugins": {…} }`: each named file is a root. */
const declaredNodes = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const text = ctx.readText(pkg.manifest) ?? '';
  for (const section of ['nodes', 'plugins']) {
    const map = declared(pkg)?.[section];
    if (!isRecord(map)) continue;
    for (const [name, value] of Object.entries(map)) {
      if (typeof value !== 'string') continue;
      const file = resolveToolPath(ctx, pkg.dir, value);
      if (file === null) continue;
      const line = lineNaming(text, name, value);
      out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'production', ...(line ? { line } : {}), evidence: `${pkg.manifest}${line ? `:${line}` : ''} "node-red" ${section} "${name}": "${value}" (loaded by the Node-RED runtime)` });
    }
  }
};

/** Node-RED's core nodes: `.js` files beside an `.html` of the same name, below the @node-red/nodes folder. */
const coreNodes = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
  for (const file of pathsWithPrefix(ctx.files, prefix)) {
    const folders = file.slice(prefix.length).split('/').slice(0, -1);
    if (!NODE_FILE.test(file) || folders.some((f) => SKIPPED_FOLDER.test(f))) continue;
    const html = file.replace(NODE_FILE, '.html');
    if (!ctx.files.has(html)) continue;
    out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'production', evidence: `Node-RED core node (${html} beside it): the registry loads every node of the ${CORE_NODES_PACKAGE} folder, node-red's coreNodesDir` });
  }
};

const nodeRed: FrameworkReader = {
  id: 'node-red',
  title: 'Node-RED nodes (package.json "node-red" nodes and plugins, the core nodes folder)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = nodePackages(ctx)[0];
    if (!first) return null;
    return declared(first) ? `${first.manifest} declares "node-red"` : `${first.manifest} is ${CORE_NODES_PACKAGE}`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of nodePackages(ctx)) {
      declaredNodes(ctx, pkg, out);
      if (pkg.json.name === CORE_NODES_PACKAGE) coreNodes(ctx, pkg, out);
    }
    return out;
  },
};

export default nodeRed;

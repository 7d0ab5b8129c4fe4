/**
 * OpenStack Heat templates a Python package hands to Heat: a YAML file with a
 * `heat_template_version:` key that the package reads by a path from its own folder (package-data's
 * reads: magnum's `template_path` returns `os.path.join(os.path.dirname(os.path.realpath(__file__)),
 * 'templates/kubecluster.yaml')`). The Heat client sends the template with every file it names by
 * `get_file: PATH` (the script a server runs at boot: `config: {get_file:
 * ../../common/templates/kubernetes/fragments/make-cert.sh}`) and every nested template a resource
 * names by `type: PATH.yaml` (whose own get_file files go too), each path relative to the template
 * that names it. So each such file is used by the module that reads the template: an edge from
 * that module (it takes the module's kind; a template no live module reads makes nothing live),
 * with the template chain and the get_file line as evidence.
 *
 * Stops at: a template no repo module reads by such a path (an example under docs/, a test's
 * fixture template that only a test reads gives the test's kind); a `get_file`/`type` that is a URL
 * or an absolute path; environment files' `resource_registry` (which template a resource type maps
 * to depends on which environments the code passes); a YAML file without `heat_template_version`;
 * `get_file` text in a comment, in a string (a `description: >`, a parameter's default) or in a
 * block scalar (a script sent inline): the template is parsed and only a `get_file` map key with a
 * scalar value, or a `type` key whose value is a template file name, is read.
 * Nothing is run; a template over MAX_TEMPLATE_BYTES is not read.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader, ReferenceInput } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { packageDataReads } from './package-data.js';
import { YAML, type YamlNode } from '../../manifests/yaml.js';

const MAX_TEMPLATE_BYTES = 512 * 1024;
/** Nested templates followed from one read template (magnum's deepest chain is three). */
const MAX_TEMPLATES = 64;
const TEMPLATE_NAME = /\.(?:ya?ml|template|hot)$/;
const HEAT_VERSION = /^heat_template_version[ \t]*:/m;
/** How deep the walk goes into a template's tree (magnum's deepest get_file sits at depth nine). */
const MAX_DEPTH = 40;

/** A file a template names, with the line of the `get_file`/`type` key that names it. */
interface TemplateRef {
  file: string;
  line: number;
}

interface Template {
  files: TemplateRef[];
  nested: TemplateRef[];
}

/** A relative path a template names, settled against its folder; null for a URL, an absolute path or one leaving the repo. */
const relativeTo = (template: string, value: string): string | null =>
  value.includes('://') || value.startsWith('/') ? null : joinRepo(dirname(template), value);

/** What a Heat template names, or null when the file is not one. */
const readTemplate = (ctx: FrameworkContext, path: string): Template | null => {
  if (!TEMPLATE_NAME.test(path)) return null;
  const text = ctx.readText(path);
  if (text === null || text.length > MAX_TEMPLATE_BYTES || !HEAT_VERSION.test(text)) return null;
  const out: Template = { files: [], nested: [] };
  const name = (value: string | undefined, line: number, into: TemplateRef[]): void => {
    const file = value === undefined ? null : relativeTo(path, value.trim());
    if (file !== null && ctx.files.has(file)) into.push({ file, line });
  };
  // The parsed tree, not the lines: a get_file in a comment, in a description's prose or in a
  // block scalar (a script sent inline) is text Heat never reads as a function.
  for (const doc of ctx.manifests.get(path, YAML) ?? []) {
    const seen = new Set<YamlNode>();
    const walk = (node: YamlNode, depth: number): void => {
      if (!node || depth > MAX_DEPTH || seen.has(node)) return;
      seen.add(node);
      if (doc.isSeq(node)) for (const item of doc.items(node)) walk(item, depth + 1);
      for (const [key, value, line] of doc.entries(node)) {
        if (key === 'get_file') name(doc.str(value), line, out.files);
        // A resource's (or a ResourceGroup's resource_def) type naming a template file, not `OS::Nova::Server`.
        else if (key === 'type' && TEMPLATE_NAME.test(doc.str(value) ?? '')) name(doc.str(value), line, out.nested);
        walk(value, depth + 1);
      }
    };
    walk(doc.root, 0);
  }
  return out;
};

const analyse = perScan((ctx: FrameworkContext): ReferenceInput[] => {
  const refs: ReferenceInput[] = [];
  const templates = new Map<string, Template | null>();
  const templateOf = (path: string): Template | null => {
    if (!templates.has(path)) templates.set(path, readTemplate(ctx, path));
    return templates.get(path)!;
  };
  for (const read of packageDataReads(ctx)) {
    if (read.target === read.from || templateOf(read.target) === null) continue;
    // Breadth-first over nested templates: each is reached by its shortest `type:` chain, spelled out from the read one.
    const how = new Map<string, string>([[read.target, '']]);
    const queue = [read.target];
    const seen = new Set<string>();
    for (let at = 0; at < queue.length && at < MAX_TEMPLATES; at++) {
      const path = queue[at];
      const t = templateOf(path)!;
      for (const f of t.files) {
        if (seen.has(f.file) || f.file === read.from) continue;
        seen.add(f.file);
        refs.push({ from: read.from, target: f.file, targetKind: 'file', line: read.line, label: `used by ${read.from}:${read.line}: it reads the Heat template ${read.target}, ${how.get(path)!}which sends it to Heat by get_file at ${path}:${f.line}` });
      }
      for (const n of t.nested) {
        if (how.has(n.file) || templateOf(n.file) === null) continue;
        how.set(n.file, `${how.get(path)!}which nests the template ${n.file} (type: at ${path}:${n.line}), `);
        queue.push(n.file);
      }
    }
  }
  return refs;
});

const reader: FrameworkReader = {
  id: 'heat-templates',
  title: 'files OpenStack Heat templates send by get_file (templates a Python package reads)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = analyse(ctx)[0];
    return first === undefined ? null : `${first.from}:${first.line} reads a Heat template that sends ${first.target} by get_file`;
  },
  collect: (ctx) => {
    const out: FrameworkOutput = emptyFrameworkOutput();
    out.references.push(...analyse(ctx));
    return out;
  },
};

export default reader;

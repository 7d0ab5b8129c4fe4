/**
 * AWS SAM templates (template.yaml, template.yml, template.json with `Transform:
 * AWS::Serverless-2016-10-31`), in any folder. Each `AWS::Serverless::Function`'s `Handler`
 * (`<path>.<export>`) is code the cloud runs: a production root, found under its `CodeUri` (from the
 * template's folder; default the folder itself) by its `Runtime`, with `Globals.Function` giving
 * what a function leaves out. With `Metadata.BuildMethod: esbuild` the handler's .ts is the
 * source, and each `BuildProperties.EntryPoints` file is a root too. CloudFormation's tags
 * (`!Ref`, `!Sub`, `!GetAtt`) parse; a handler or CodeUri made by one is a warning naming the line.
 */
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo } from '../util/path.js';
import { parseYamlFile } from '../manifests/yaml.js';
import { configAt, yamlConfigValue, type ConfigValue } from '../languages/javascript/config-value.js';
import { fileEntry } from './support/inputs.js';
import { handlerModule, lambdaHandlerFile, namesSourceFile, relativeTo } from './support/lambda-handler.js';
import { emptyOutput, type EntryDetector } from './types.js';

const TEMPLATE = /^template\.(ya?ml|json)$/;
const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

const isSam = (template: ConfigValue): boolean => {
  const transform = configAt(template, 'Transform');
  if (transform?.kind === 'string') return transform.value === SAM_TRANSFORM;
  return transform?.kind === 'array' && transform.items.some((t) => t.kind === 'string' && t.value === SAM_TRANSFORM);
};

const awsSam: EntryDetector = {
  id: 'aws-sam',
  title: 'AWS SAM templates (template.yaml: each function Handler under its CodeUri, Globals.Function)',
  // `sam build` writes a copy of the template under .aws-sam/build/: not the source.
  matches: (path, name) => TEMPLATE.test(name) && !path.includes('.aws-sam/'),
  candidates: { names: ['template.yml', 'template.yaml', 'template.json'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const parsed = parseYamlFile(file.text, file.path);
    const template = parsed.docs[0] ? yamlConfigValue(parsed.docs[0]) : null;
    // Any other template.yaml (a CloudFormation stack, an issue template) is not SAM's: its YAML problems are not ours to report.
    if (template === null || !isSam(template)) return out;
    out.diagnostics.push(...parsed.diagnostics);
    const dir = dirname(file.path);
    const globals = configAt(template, 'Globals', 'Function');
    const resources = configAt(template, 'Resources');
    for (const [name, resource] of resources?.kind === 'object' ? resources.props : []) {
      const type = configAt(resource, 'Type');
      if (type?.kind !== 'string' || type.value !== 'AWS::Serverless::Function') continue;
      const props = configAt(resource, 'Properties');
      const prop = (key: string): ConfigValue | null => configAt(props, key) ?? configAt(globals, key);
      const packageType = prop('PackageType');
      if ((packageType?.kind === 'string' && packageType.value === 'Image') || prop('InlineCode') !== null) continue;
      const handler = prop('Handler');
      const codeUri = prop('CodeUri');
      const where = `Resources.${name}`;
      const unread = [handler, codeUri].find((v) => v?.kind === 'unknown');
      if (unread?.kind === 'unknown') {
        out.diagnostics.push(warning('aws-sam/not-static', `${where}: ${unread === handler ? 'Handler' : 'CodeUri'} is made at deploy time, not read: ${unread.text}`, file.path, unread.line));
        continue;
      }
      // CodeUri as { Bucket, Key } or an s3:// URI: code that is not in the repo.
      if (codeUri !== null && (codeUri.kind !== 'string' || /^s3:\/\//.test(codeUri.value))) continue;
      const codeDir = codeUri === null ? dir : joinRepo(dir, codeUri.value.replace(/\/+$/, ''));
      if (codeDir === null) continue;
      const runtimeValue = prop('Runtime');
      const runtime = runtimeValue?.kind === 'string' ? runtimeValue.value : undefined;
      const esbuild = configAt(resource, 'Metadata', 'BuildMethod');
      const tsFirst = esbuild?.kind === 'string' && esbuild.value === 'esbuild';
      const on = runtime ?? 'no Runtime given';
      let handlerFile: string | null = null;
      if (handler?.kind === 'string') {
        const modulePath = handlerModule(handler.value);
        const target = modulePath === null ? null : lambdaHandlerFile(ctx.files, [codeDir], modulePath, runtime, tsFirst);
        handlerFile = target;
        if (target !== null) out.entries.push(fileEntry(target, 'production', `${file.path} line ${handler.line}: ${where} Handler runs ${relativeTo(dir, target)} (${on})`, handler.line));
        else if (namesSourceFile(runtime)) out.diagnostics.push(warning('aws-sam/missing-handler', `${where} Handler "${handler.value}" names no ${runtime ?? 'code'} file under ${codeDir || '.'}/`, file.path, handler.line));
      }
      const entryPoints = configAt(resource, 'Metadata', 'BuildProperties', 'EntryPoints');
      for (const point of entryPoints?.kind === 'array' ? entryPoints.items : []) {
        if (point.kind !== 'string') continue;
        const target = joinRepo(codeDir, point.value);
        if (target === handlerFile) continue;
        if (target !== null && ctx.files.has(target)) out.entries.push(fileEntry(target, 'production', `${file.path} line ${point.line}: ${where} esbuild EntryPoints bundles ${relativeTo(dir, target)} (${on})`, point.line));
        else out.diagnostics.push(warning('aws-sam/missing-entry-point', `${where} EntryPoints "${point.value}" is not a file under ${codeDir || '.'}/`, file.path, point.line));
      }
    }
    return out;
  },
};

export default awsSam;

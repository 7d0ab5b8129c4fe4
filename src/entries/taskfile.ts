/**
 * go-task Taskfiles (Taskfile.yml, Taskfile.dist.yml, taskfile.yaml): every task's `cmds` (a
 * string, `- cmd: …`, or the task written as one string or a list) is a tooling command run from
 * the task's `dir` (relative to the Taskfile), else the Taskfile's folder. `{{.NAME}}` is filled
 * from literal `vars:` (the Taskfile's and the task's), others become `${NAME}` (computed at run
 * time); a command with other template logic (`{{if}}`, pipes) is a warning naming the line. `- task: other` calls another task, whose commands are
 * read anyway; an included Taskfile is read as a file of its own.
 */
import { warning } from '../util/diagnostics.js';
import { parseYamlFile, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { dirname, joinRepo } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type DetectorOutput, type EntryDetector } from './types.js';

const literalVars = (y: YamlDoc, node: YamlNode, into: Map<string, string>): Map<string, string> => {
  const out = new Map(into);
  for (const [name, value] of y.entries(node)) {
    const text = y.str(value) ?? y.str(y.get(value, 'value'));
    if (text !== undefined && !text.includes('{{')) out.set(name, text);
  }
  return out;
};

/** `{{.NAME}}` from the literal vars; another one (`.CLI_ARGS`) becomes `${NAME}`, which the analyser knows is computed. */
const fill = (command: string, vars: Map<string, string>): string =>
  command.replace(/\{\{\s*\.([A-Za-z_]\w*)\s*\}\}/g, (_whole, name: string) => vars.get(name) ?? `\${${name}}`);

const readTask = (y: YamlDoc, file: string, name: string, task: YamlNode, vars: Map<string, string>, out: DetectorOutput): void => {
  const own = y.isMap(task) ? literalVars(y, y.get(task, 'vars'), vars) : vars;
  const dirValue = y.isMap(task) ? y.str(y.get(task, 'dir')) : undefined;
  const cwd = (dirValue && !dirValue.includes('{{') ? joinRepo(dirname(file), dirValue) : null) ?? dirname(file);
  // A task written as one command, or as a list of them, has no keys of its own.
  const cmds = y.isMap(task) ? y.get(task, 'cmds') ?? y.get(task, 'cmd') : task;
  const list = y.isSeq(cmds) ? y.items(cmds) : [cmds];
  for (const item of list) {
    const text = y.str(item) ?? (y.isMap(item) ? y.str(y.get(item, 'cmd')) : undefined);
    if (text === undefined || text.trim() === '') continue;
    const line = y.lineOf(item);
    const command = fill(text, own);
    if (command.includes('{{')) {
      out.diagnostics.push(warning('taskfile/templated', `task "${name}": the command is a template census does not fill (${command.trim().slice(0, 80)})`, file, line));
      continue;
    }
    addCommand(out, command, { cwd, kind: 'tooling', evidence: `Taskfile ${file} task "${name}"`, line });
  }
};

const taskfile: EntryDetector = {
  id: 'taskfile',
  title: 'go-task Taskfiles (tasks, cmds, dir, vars)',
  matches: (path, name) => /^[Tt]askfile(\.dist)?\.ya?ml$/.test(name),
  candidates: { names: ['Taskfile', 'taskfile'].flatMap((stem) => ['.yml', '.yaml', '.dist.yml', '.dist.yaml'].map((ext) => stem + ext)) },
  detect: (file) => {
    const out = emptyOutput();
    const { docs, diagnostics } = parseYamlFile(file.text, file.path);
    out.diagnostics.push(...diagnostics);
    for (const y of docs) {
      const vars = literalVars(y, y.get(y.root, 'vars'), new Map());
      for (const [name, task] of y.entries(y.get(y.root, 'tasks'))) readTask(y, file.path, name, task, vars, out);
    }
    return out;
  },
};

export default taskfile;

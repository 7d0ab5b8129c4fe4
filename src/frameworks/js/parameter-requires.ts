/**
 * A helper that loads whatever path it is handed: `function loadBackend(config, name) { const mod =
 * require(name); … }`, called as `loadBackend(config, './backends/graphite')` (statsd's default
 * backend) or with a local whose default is a literal (`const server = cfg.server ||
 * './servers/udp'; startServer(cfg, server)`). The require sees only a parameter, so no import edge
 * names the module; the calls in the same file do. Each relative literal a call passes at the
 * parameter's place (parameter-values.ts) is resolved from the file as Node resolves a require
 * there (`X`, `X.js`, …, `X/index.js`) and is a reference from the file, with the call's line. A
 * package name loads nothing of the repo; a value computed at run time (a name from the config
 * file, `config.backends[j]`) is not guessed: one warning per helper names the file and the line
 * of the first such call.
 */
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { argumentValues, callArguments, enclosingFunction } from './parameter-values.js';
import { codeFilesMarked, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { perScan } from '../per-scan.js';

/** `require(name)` / `import(name)` of a bare name. */
const LOAD_OF_NAME = /(?<![\w$.])(require|import)\(\s*([A-Za-z_$][\w$]*)\s*\)/g;

interface Found {
  loaded: LabelledReference[];
  diagnostics: Diagnostic[];
}

const found = perScan((ctx: FrameworkContext): Found => {
  const loaded: LabelledReference[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    const text = ctx.readText(file) ?? '';
    if (!/(?:require|import)\(\s*[A-Za-z_$]/.test(text)) continue;
    for (const m of text.matchAll(LOAD_OF_NAME)) {
      const at = m.index ?? 0;
      const fn = enclosingFunction(text, at);
      const position = fn === null ? -1 : fn.params.indexOf(m[2]);
      if (fn === null || position < 0) continue;
      const loadLine = lineAt(text, at);
      let unread: { line: number; text: string } | null = null;
      for (const call of callArguments(text, fn.name, position)) {
        // A call inside the helper itself hands on what it was handed.
        if (call.index >= fn.start && call.index < fn.end) continue;
        const values = argumentValues(call.text, text, call.index);
        const line = lineAt(text, call.index);
        if (values.unread.length > 0 && unread === null) unread = { line, text: values.unread[0] };
        for (const spec of values.literals) {
          if (!/^\.{1,2}\//.test(spec)) continue;
          const target = resolveToolPath(ctx, dirname(file), spec);
          if (target === null || target === file) continue;
          loaded.push({ from: file, target, line, label: `${file}:${line} hands '${spec}' to ${fn.name}(), which ${m[1]}s it (line ${loadLine})` });
        }
      }
      if (unread !== null)
        diagnostics.push(
          warning('parameter-requires/computed-argument', `${file}:${unread.line} hands ${unread.text.slice(0, 80)} to ${fn.name}(), which ${m[1]}s it (line ${loadLine}): a value computed at run time, not followed`, file, unread.line),
        );
    }
  }
  return { loaded, diagnostics };
});

const parameterRequires: FrameworkReader = {
  id: 'parameter-requires',
  title: 'modules a helper requires from its parameter, named by the literal arguments of its calls',
  ecosystem: 'javascript',
  ...labelledReferences(
    (ctx) => found(ctx).loaded,
    (ctx) => found(ctx).diagnostics,
  ),
};

export default parameterRequires;

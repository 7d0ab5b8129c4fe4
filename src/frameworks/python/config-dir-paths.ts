/**
 * Stop 59: a config file naming a file beside itself through a folder variable the repo's Python
 * code expands. tuned's profiles: `usr/lib/tuned/realtime/tuned.conf:61` `script = ${i:PROFILE_DIR}/script.sh`,
 * and tuned/profiles/loader.py:95 replaces `${i:PROFILE_DIR}` (`re.sub(r'(?<!\\)\$\{i:PROFILE_DIR\}',
 * profile_dir, string)`) with the folder the profile was read from before the script plug-in runs
 * the script (plugins/plugin_script.py's Popen): the 7 `script.sh` files are what the daemon runs.
 *
 * Read in `.conf`/`.ini`/`.cfg` files (not under test or doc folders): a `${VAR}/path` in a value,
 * VAR a name that says it is a folder (`DIR` in it), `path` a repo file beside the config. The
 * variable counts only when a Python file of the repo writes the token `${VAR}` itself (plain or
 * regex-escaped, `\$\{VAR\}`) in a string, escaped or on a line that substitutes (`re.sub(`,
 * `.replace(`): the code that expands it, not a message that names it. The edge goes from each such
 * file (up to 16: the first in path order may be a tool nothing runs) to the file named, with the
 * config's line and the code's; at most 64 distinct variables are looked up. A variable no code
 * expands (a packager's template, `${DESTDIR}/x`), a path that is not beside the config, or a VAR
 * without DIR in its name gives nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { dirname } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';

const CONFIG = /\.(?:conf|ini|cfg)$/;
/** Folders whose configs are samples, not what a program reads. */
const SKIPPED = /(?:^|\/)(?:tests?|docs?|examples?|samples?|fixtures?)\//;
/** `${VAR}/path` in a value: the variable and the path after it. */
const DIR_PATH = /\$\{([A-Za-z_][\w:.-]*)\}\/([\w.-]+(?:\/[\w.-]+)*)/g;
/** A call that substitutes a token in a text. */
const SUBSTITUTES = /\b(?:sub|subn|replace|compile|substitute|safe_substitute)\s*\(/;
/** At most this many configs are read for their variables. */
const MAX_CONFIGS = 2000;
/** At most this many distinct variables are looked up (each walks the repo's Python files). */
const MAX_VARIABLES = 64;
/** At most this many expanding files are kept for one variable. */
const MAX_EXPANDERS = 16;

interface Named {
  config: string;
  line: number;
  text: string;
  variable: string;
  target: string;
}

/** The file paths configs name through a `${…DIR…}` variable, beside themselves. */
const namedPaths = (ctx: FrameworkContext): Named[] => {
  const out: Named[] = [];
  let read = 0;
  for (const config of pathsNamedLike(ctx.files, { extensions: ['conf', 'ini', 'cfg'] }, 'sorted')) {
    if (!CONFIG.test(config) || SKIPPED.test(config)) continue;
    if (++read > MAX_CONFIGS) break;
    const text = ctx.readText(config);
    if (text === null || !text.includes('${')) continue;
    const lines = text.split('\n');
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l];
      if (/^\s*[#;]/.test(line)) continue;
      for (const m of line.matchAll(DIR_PATH)) {
        if (!/dir/i.test(m[1])) continue;
        const folder = dirname(config);
        const target = folder === '' ? m[2] : `${folder}/${m[2]}`;
        if (!ctx.files.has(target) || target === config) continue;
        out.push({ config, line: l + 1, text: line.trim(), variable: m[1], target });
      }
    }
  }
  return out;
};

/** The Python files (path order) writing `${variable}` in their text, plain or regex-escaped, each with its first such line. */
const expandersOf = (ctx: FrameworkContext, variable: string): { file: string; line: number }[] => {
  const out: { file: string; line: number }[] = [];
  // Each non-word character may stand regex-escaped in the code (`\$\{i:PROFILE_DIR\}`, a `\:` too).
  const name = [...variable].map((c) => (/\w/.test(c) ? c : `\\\\?${escapeRegExp(c) === c ? `\\${c}` : escapeRegExp(c)}`)).join('');
  const token = new RegExp(String.raw`\\?\$\\?\{${name}\\?\}`);
  for (const file of sortedPaths(ctx.files)) {
    if (out.length >= MAX_EXPANDERS) break;
    if (!file.endsWith('.py') || SKIPPED.test(file)) continue;
    const text = ctx.readText(file);
    if (text === null || !text.includes(variable.replace(/^.*:/, ''))) continue;
    const lines = text.split('\n');
    for (let l = 0; l < lines.length; l++) {
      // Code, not a comment or a docstring's example: the token stands in a quoted string on a line that is not a comment.
      if (/^\s*#/.test(lines[l]) || !/['"]/.test(lines[l])) continue;
      const m = token.exec(lines[l]);
      // An expansion, not a message naming the variable (tuned's plugins/base.py:223 `"Use ${i:PROFILE_DIR}."`):
      // the token regex-escaped, or on a line that substitutes (`re.sub(`, `.replace(`, `re.compile(`).
      if (m !== null && /['"][^'"]*$/.test(lines[l].slice(0, m.index)) && (m[0].startsWith('\\') || SUBSTITUTES.test(lines[l]))) {
        out.push({ file, line: l + 1 });
        break;
      }
    }
  }
  return out;
};

export const collectConfigDirPaths = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const expanders = new Map<string, { file: string; line: number }[]>();
  for (const n of namedPaths(ctx)) {
    if (!expanders.has(n.variable)) {
      if (expanders.size >= MAX_VARIABLES) continue;
      expanders.set(n.variable, expandersOf(ctx, n.variable));
    }
    // Every expanding file: the first in path order may be a tool nothing runs while the daemon's loader is live.
    for (const by of expanders.get(n.variable) ?? []) {
      const label = `named by ${n.config}:${n.line} (${n.text}) in the config's own folder through \${${n.variable}}, which ${by.file}:${by.line} expands: run or read by the program that loads that config`;
      out.references.push({ from: by.file, target: n.target, targetKind: 'file', line: by.line, label });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'config-dir-paths',
  title: 'Files a config names beside itself through a folder variable the code expands',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const python = pathsNamedLike(ctx.files, { extensions: ['py'] }).some((f) => f.endsWith('.py'));
    const config = python ? pathsNamedLike(ctx.files, { extensions: ['conf', 'ini', 'cfg'] }).find((f) => CONFIG.test(f) && !SKIPPED.test(f)) : undefined;
    return config !== undefined ? `${config} is a config beside Python code` : null;
  },
  collect: collectConfigDirPaths,
};

export default reader;

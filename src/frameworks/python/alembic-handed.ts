/**
 * Stop 51: an Alembic script_location a module-level function is handed. cloudkitty 17.0 keeps one
 * Config builder for its six environments (cloudkitty/common/db/alembic/migration.py):
 *
 *     def load_alembic_config(repo_path, ini_path=ALEMBIC_INI_PATH):
 *         config = alembic_config.Config(ini_path)
 *         config.set_main_option('script_location', repo_path)
 *
 * and each environment's own migration.py hands it the folder beside itself:
 *
 *     from cloudkitty.common.db.alembic import migration
 *     ALEMBIC_REPO = os.path.join(os.path.dirname(__file__), 'alembic')
 *     def upgrade(revision):
 *         config = migration.load_alembic_config(ALEMBIC_REPO)
 *         return migration.upgrade(config, revision)
 *
 * Read from tokens: in a file that imports alembic, `set_main_option('script_location', P)` with P a
 * parameter of the top-level def around it; then each call of that function (through a module its
 * caller imports by name, `from pkg.db.alembic import migration` then `migration.F(…)`, or the name
 * imported itself, under its alias too) whose argument for P (by position, or `P=`) is a path built from the caller's
 * `__file__` (inline, or a module-level name assigned one: sys-path's pathAssignments). The folder
 * it names, when it holds an env.py, is an environment its caller sets up (alembic.ts: an edge
 * from the caller, which runs its upgrade). A computed folder, a def that reassigns P first is not
 * told apart (its value is the caller's only when it is the parameter), a method, or a caller that
 * reaches the function through a name bound otherwise than by its import, names nothing.
 */
import { listedPaths } from '../../util/file-index.js';
import { joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';
import { fromName, moduleFile, packageImporters } from './python-files.js';
import { topLevelDefAround } from './loader-functions.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, isOp, nameText, unwrap } from '../../languages/python/ranges.js';
import { stringValue } from '../../languages/python/literals.js';
import { pathAssignments, pathValue, repoPathOf } from '../../languages/python/sys-path.js';

/** A function that sets script_location from one of its parameters. */
interface Setter {
  file: string;
  name: string;
  param: string;
  index: number;
  line: number;
}

export interface HandedLocation {
  /** The caller: the file that hands the folder. */
  path: string;
  line: number;
  dir: string;
  how: string;
}

const MAX_SET_CALLS = 2000;
/** Calls of one setter read per calling file. */
const MAX_CALLS = 200;
const PARAMS = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(([^)]*)\)/;

const setters = (ctx: FrameworkContext): Setter[] => {
  const out: Setter[] = [];
  for (const file of packageImporters(ctx, 'alembic', 'listed')) {
    const text = ctx.readText(file);
    if (text === null || !text.includes('set_main_option')) continue;
    const t = tokenize(text);
    for (let i = 0, read = 0; i + 2 < t.count && read < MAX_SET_CALLS; i++) {
      if (t.kind[i] !== Kind.Name || nameText(t, i) !== 'set_main_option' || !isOp(t, i + 1, Op.LParen)) continue;
      read++;
      const args = callArgs(t, i + 1, t.count);
      if (args === null || args.positional.length < 2) continue;
      const [k0, k1] = args.positional[0];
      const [v0, v1] = unwrap(t, args.positional[1][0], args.positional[1][1]);
      if (stringValue(t, k0, k1) !== 'script_location' || v1 - v0 !== 1 || t.kind[v0] !== Kind.Name) continue;
      const param = nameText(t, v0);
      const def = topLevelDefAround(text, t.start[i]);
      const head = def === null ? null : PARAMS.exec(text.slice(def.start, def.end));
      if (head === null) continue;
      const params = head[2].split(',').map((p) => p.replace(/[:=][\s\S]*$/, '').trim());
      const index = params.indexOf(param);
      if (index < 0 || params[0] === 'self' || params[0] === 'cls') continue;
      out.push({ file, name: head[1], param, index, line: t.line[i] });
    }
  }
  return out;
};

/** The names by which `file` reaches the setter: `mod.F` through a module name it imports, or `F` imported itself. */
const boundNames = (ctx: FrameworkContext, file: string, s: Setter): string[] => {
  const out: string[] = [];
  for (const imp of ctx.facts(file)?.imports ?? []) {
    for (const n of imp.names) {
      const local = n.alias ?? n.name;
      if (moduleFile(ctx, file, fromName(imp.specifier, n.name)) === s.file) out.push(`${local}.${s.name}`);
      else if (n.name === s.name && moduleFile(ctx, file, imp.specifier) === s.file) out.push(local);
    }
    if (imp.names.length === 0 && imp.alias !== undefined && moduleFile(ctx, file, imp.specifier) === s.file) out.push(`${imp.alias}.${s.name}`);
  }
  return out;
};

export const handedLocations = perScan((ctx: FrameworkContext): HandedLocation[] => {
  const found = setters(ctx);
  if (found.length === 0) return [];
  const out: HandedLocation[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py')) continue;
    const mine = found.filter((s) => s.file !== file);
    const text = mine.length === 0 ? null : ctx.readText(file);
    if (text === null || !text.includes('__file__')) continue;
    let t: ReturnType<typeof tokenize> | null = null;
    for (const s of mine) {
      // Its name is in the file either way: called, or imported under an alias (`import F as G`).
      if (!text.includes(s.name)) continue;
      const names = new Set(boundNames(ctx, file, s));
      if (names.size === 0) continue;
      // The names called: `F`, `G` for `F as G`, and `F` after a module's name.
      const called = new Set([...names].map((n) => n.slice(n.lastIndexOf('.') + 1)));
      t ??= tokenize(text);
      let assignments: ReturnType<typeof pathAssignments> | null = null;
      for (let i = 0, calls = 0; i + 1 < t.count && calls < MAX_CALLS; i++) {
        if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen)) continue;
        const name = nameText(t, i);
        if (!called.has(name)) continue;
        // The callee as written: `F` or `mod.F` (one receiver).
        const callee = i >= 2 && isOp(t, i - 1, Op.Dot) && t.kind[i - 2] === Kind.Name ? `${nameText(t, i - 2)}.${name}` : name;
        if (i >= 2 && isOp(t, i - 1, Op.Dot) && callee === name) continue;
        if (i >= 3 && isOp(t, i - 3, Op.Dot)) continue;
        if (!names.has(callee)) continue;
        calls++;
        const args = callArgs(t, i + 1, t.count);
        const arg = args?.keywords.get(s.param) ?? args?.positional[s.index];
        if (arg === undefined) continue;
        const [a0, a1] = unwrap(t, arg[0], arg[1]);
        const expr = text.slice(t.start[a0], t.end[a1 - 1]);
        let dir: string | null = null;
        if (a1 - a0 === 1 && t.kind[a0] === Kind.Name) {
          assignments ??= pathAssignments(text, file);
          const line = t.line[i];
          const last = assignments.filter((a) => a.name === expr && a.line < line).pop();
          dir = last === undefined ? null : repoPathOf(last.value);
        } else dir = repoPathOf(pathValue(expr, file, new Map()));
        if (dir === null || !ctx.files.has(joinRepo(dir, 'env.py') ?? '')) continue;
        const line = t.line[i];
        out.push({ path: file, line, dir, how: `script_location set by ${s.file}:${s.line} to the folder ${file}:${line} hands ${s.name}(${expr.replace(/\s+/g, ' ')})${name === s.name ? '' : `, imported as ${name}`}` });
      }
    }
  }
  return out;
});

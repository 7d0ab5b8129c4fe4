/**
 * Stop 51: code an oslo.config option's default names, loaded by the option's value. trove 18.0:
 *
 *     cfg.StrOpt('network_driver', default='trove.network.nova.NovaNetwork', …)   # common/cfg.py
 *     cls.network_driver = import_class(CONF.network_driver)                      # common/models.py
 *
 *     cfg.StrOpt('api_strategy',
 *                default='trove.common.strategies.cluster.experimental.'
 *                'redis.api.RedisAPIStrategy', …)                                  # one per datastore group
 *     clazz = CONF.get(manager).get('api_strategy')                              # common/strategies/
 *     api_strategy = import_class(clazz)                                         #   cluster/strategy.py
 *
 * Unless an operator sets the option, the loader imports the default; nothing else names the
 * module (trove's network drivers, cluster strategies, root controllers, admin clients and
 * sqlalchemy api were dead). Read from tokens: an option declared by a literal name with a
 * literal `default=` (adjacent pieces joined) that is a dotted path; a loader call (import_class,
 * import_object, import_module, import_string, __import__; import_object_ns by its second argument)
 * whose argument reads that option (`CONF.<opt>`, `CONF.<group>.<opt>`, `CONF.get(g).<opt>`,
 * `CONF.get(g).get('<opt>')`, `CONF[g].<opt>`, `self.conf.<opt>`, a bare `conf.<opt>` only where the
 * file binds `conf = cfg.CONF`) directly or through a name assigned so in the 12 lines above (in the
 * call's def when it is in one). Each default of that name that names a repo module, or a module's
 * attribute, is an edge from the loading file. A read with one literal group keeps the declarations
 * whose file registers their list in that group (`register_opts(cache_opts, group='cache')`); when
 * the registration or the group is not read, every declaration of the name counts (trove declares
 * one per datastore group). A loader whose name is built from the option and other parts
 * (`ns + '.' + name`), or a default that is not a literal names nothing here; an option handed to a
 * repo loader first is loader-wrappers' (Stop 54, through argumentOption).
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths } from '../../util/file-index.js';
import { lineStarts } from '../../util/lines.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, isOp, nameText, unwrap } from '../../languages/python/ranges.js';
import { BY_NAME_LOADS, callPattern } from '../../languages/python/loader-names.js';
import { argumentOption, BINDS_CONF, declaredDefaults, inGroup, MAX_TEXT, pushDefaults } from './config-options.js';
import { collectPecanRoots } from './config-pecan-root.js';

/** Loader calls read per file: a hostile file of thousands costs no more. */
const MAX_CALLS = 200;
const LOADER = callPattern([...BY_NAME_LOADS, 'import_object_ns']);
const LOADER_NAMES: ReadonlySet<string> = new Set([...BY_NAME_LOADS, 'import_object_ns']);

export const collectConfigDefaults = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const defaults = declaredDefaults(ctx);
  if (defaults.size === 0) return out;
  collectPecanRoots(ctx, defaults, out);
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py')) continue;
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT || !/\b(?:CONF|conf)\b/.test(text) || !LOADER.test(text)) continue;
    const t = tokenize(text);
    let starts: number[] | null = null;
    let lines: string[] | null = null;
    const seen = new Set<string>();
    let calls = 0;
    const bareConf = BINDS_CONF.test(text);
    for (let i = 0; i + 1 < t.count && calls < MAX_CALLS; i++) {
      if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen) || !LOADER_NAMES.has(nameText(t, i))) continue;
      calls++;
      // import_object_ns(name_space, import_str, …): the name imported is the second argument.
      const first = callArgs(t, i + 1, t.count)?.positional[nameText(t, i) === 'import_object_ns' ? 1 : 0];
      if (first === undefined) continue;
      const [s, e] = unwrap(t, first[0], first[1]);
      const arg = text.slice(t.start[s], t.end[e - 1]);
      const line = t.line[i];
      const opt = e - s === 1 && t.kind[s] === Kind.Name
        ? argumentOption(text, (starts ??= lineStarts(text)), (lines ??= text.split('\n')), line, arg, bareConf)
        : argumentOption(text, [], [], line, arg, bareConf);
      const via = opt?.via ?? '';
      const list = opt === null ? undefined : defaults.get(opt.opt);
      if (list === undefined) continue;
      pushDefaults(ctx, out, seen, file, line, opt!.opt, inGroup(list, opt!.group), `(${nameText(t, i)}(${arg.replace(/\s+/g, '')}))${via}`);
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'config-defaults',
  title: 'code an oslo.config option default names, loaded by the option',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const [name, list] = [...declaredDefaults(ctx)][0] ?? [];
    return name === undefined ? null : `${list![0].file}:${list![0].line} declares option ${name} with a dotted default`;
  },
  collect: collectConfigDefaults,
};

export default reader;

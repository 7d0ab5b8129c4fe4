/**
 * RequireJS (AMD) modules a server-rendered page loads: jupyterhub's templates/page.html:46 runs
 * `require.config({ baseUrl: '{{static_url("js")}}', paths: {...} })`, home.html (which extends
 * page.html) calls `require(["home"])`, and RequireJS fetches `<static>/js/home.js`, whose
 * `require(["jquery", "jhapi"])` fetches jhapi.js, whose `define(["jquery", "utils"], …)` fetches
 * utils.js. No file names those scripts by path, so all of them looked dead.
 *
 * A template (template-static's TEMPLATE) with a `require.config`/`requirejs.config` whose baseUrl
 * census settles — Tornado's `{{ static_url("js") }}`, Django's `{% static "js" %}` or a literal
 * (`/static/js`, `js`) — or that `{% extends %}` such a template, gives its inline scripts' literal
 * `require([...])`, `requirejs([...])` and `define([...])` ids (also `define("id", [...], f)`) a
 * base: the static name is looked up in the folders the template can see (template-static's
 * templateStaticRoots and staticTargets). Each id (or its `paths:` mapping) that is a file
 * `<base>/<id>.js` gets an edge from the page, and that module's own ids are read the same way,
 * transitively. Ids with a scheme, a `!` plugin, a `.js` ending (a URL to RequireJS), or a `..`
 * that leaves the static folder name nothing; so do vendor ids with no file, and ids a `define("id", …)`
 * of the same file defines (an r.js bundle holds its modules; RequireJS fetches none of them). `require("x")` with a
 * string (CommonJS) is not an AMD call; comments are blanked first.
 */
import { blankedText } from '../js/blanked-texts.js';
import { eachScriptTag, htmlComment, spansBlanked, type BlankedSpan } from '../js/script-tags.js';
import { commentsBlanked } from '../../languages/javascript/text-skips.js';
import { pathsNamedLike } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { staticTargets, templateStaticRoots, TEMPLATE } from './template-static.js';

const CONFIG = /(?<![\w$.])(?:require|requirejs)\.config\s*\(/g;
/** `baseUrl: '…'` up to its own closing quote (a Tornado form holds the other quote). */
const BASE_URL = /\bbaseUrl\s*:\s*(["'])((?:(?!\1)[^\n])*)\1/;
const TORNADO_NAME = /^\{\{-?\s*static_url\(\s*(["'])([^"'{}%]*)\1\s*[,)][^}]*\}\}$/;
const DJANGO_NAME = /^\{%-?\s*static\s+(["'])([^"'{}%]*)\1\s*-?%\}$/;
const PATHS = /\bpaths\s*:\s*\{([^{}]*)\}/;
const PATH_ENTRY = /(?:([A-Za-z_$][\w$-]*)|(["'])([^"'\n]+)\2)\s*:\s*(["'])([^"'\n]+)\4/g;
/** `require([`, `requirejs([`, `define([` or `define("id", [` — an array of ids, not CommonJS's `require("x")`; the array read up to 4000 characters so an unclosed `[` in a large file costs little. */
const AMD_CALL = /(?<![\w$.])(require|requirejs|define)\s*\(\s*(?:(["'])[^"'\n]*\2\s*,\s*)?\[([^\]]{0,4000})\]/g;
const ID = /(["'])([^"'\n]+)\1/g;
const EXTENDS = /\{%-?\s*extends\s+(["'])([^"'\n]+)\1/;
/** A template tag inside the config (`custom: '{{ base_url }}custom'`): masked so the paths block parses, and a value holding one names nothing. */
const TEMPLATE_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const MASK = '\u0001';
/** `define("id", …)`: a module the file itself defines (an r.js bundle), which RequireJS does not fetch. */
const NAMED_DEFINE = /(?<![\w$.])define\s*\(\s*(["'])([^"'\n]+)\1\s*,/g;
/** HTML and template comments: `<!-- -->`, `{# #}`. */
const MARKUP_COMMENTS: readonly BlankedSpan[] = [htmlComment(false), { open: '{#', close: '#}' }];
const MAX_EXTENDS = 8;

/** A settled RequireJS config: the static name of its baseUrl, its paths, and where it was said. */
interface AmdConfig {
  base: string;
  paths: Map<string, string>;
  spelled: string;
  where: string;
}

/** A static name with its `.` and `..` segments resolved (util/path's one rule, a leading `/` dropped); null when it leaves the static folder. */
const normalized = (name: string): string | null => joinRepo(name.replace(/^\/+/, ''));

/** The static name a baseUrl value stands for: the template tag's literal, or a literal path (`/static/js` → js); null when unsettled. */
const baseName = (value: string): string | null => {
  const trimmed = value.trim();
  const tag = TORNADO_NAME.exec(trimmed) ?? DJANGO_NAME.exec(trimmed);
  if (tag) return normalized(tag[2]);
  if (/[{}%:]/.test(trimmed) || trimmed === '') return null;
  return normalized(trimmed.replace(/^\/+/, '').replace(/^static\//, ''));
};

const spaced = (part: string): string => part.replace(/[^\n]/g, ' ');

/** The page's text with all but its inline scripts blanked (line breaks kept) and their comments blanked. */
const inlineScripts = (written: string): string => {
  // A script inside an HTML or template comment (`<!-- <script>…</script> -->`, `{# … #}`) never runs.
  const text = spansBlanked(written, MARKUP_COMMENTS);
  let out = '';
  let last = 0;
  // script-tags' one walk: each `<script …>` to its first `</script>` (also `</script >`, which a browser closes on).
  eachScriptTag(text, true, ({ bodyStart, bodyEnd }) => {
    out += spaced(text.slice(last, bodyStart)) + commentsBlanked(text.slice(bodyStart, bodyEnd));
    last = bodyEnd;
  });
  return out + spaced(text.slice(last));
};

/** The first config of a page whose baseUrl is settled. */
const configOf = (file: string, scripts: string, raw: string): AmdConfig | null => {
  for (const m of scripts.matchAll(CONFIG)) {
    const at = (m.index ?? 0) + m[0].length;
    const body = raw.slice(at, at + 4000);
    const url = BASE_URL.exec(body);
    if (!url) continue;
    const base = baseName(url[2]);
    if (base === null) continue;
    const paths = new Map<string, string>();
    const block = PATHS.exec(body.replace(TEMPLATE_TAG, (t) => MASK.repeat(t.length)));
    if (block) for (const e of block[1].matchAll(PATH_ENTRY)) paths.set(e[1] ?? e[3], e[5]);
    return { base, paths, spelled: `baseUrl ${url[1]}${url[2]}${url[1]}`, where: `${file}:${lineAt(raw, at + url.index)}` };
  }
  return null;
};

/** The static name (without `.js`) an id stands for under a config; null when it names nothing. */
const idName = (config: AmdConfig, id: string): string | null => {
  if (id.includes('!') || /^[a-z][\w+.-]*:/i.test(id) || id.startsWith('/') || id.endsWith('.js') || id.split('/').some((p) => p === '..' || p === '.')) return null;
  const first = id.split('/')[0];
  const mapped = config.paths.get(id) ?? config.paths.get(first);
  if (mapped !== undefined) {
    if (/^[a-z][\w+.-]*:/i.test(mapped) || mapped.startsWith('/') || mapped.includes(MASK)) return null;
    const rest = config.paths.has(id) ? '' : id.slice(first.length);
    return joinRepo(config.base, `${mapped}${rest}`);
  }
  return joinRepo(config.base, id);
};

interface AmdUse {
  id: string;
  fn: string;
  line: number;
}

/** The literal ids of the AMD calls in a (comment-blanked) text. */
const usesOf = (blanked: string): AmdUse[] => {
  const out: AmdUse[] = [];
  const defined = new Set([...blanked.matchAll(NAMED_DEFINE)].map((m) => m[2]));
  for (const m of blanked.matchAll(AMD_CALL)) {
    const line = lineAt(blanked, m.index ?? 0);
    for (const id of m[3].matchAll(ID)) if (!defined.has(id[2])) out.push({ id: id[2], fn: m[1], line });
  }
  return out;
};

/** The template a page extends, looked up beside it and below its `templates/` folder. */
const extendedTemplate = (files: ReadonlySet<string>, template: string, text: string): string | null => {
  const m = EXTENDS.exec(text);
  if (!m) return null;
  const at = template.lastIndexOf('templates/');
  const candidates = [`${dirname(template)}/${m[2]}`, `${template.slice(0, at + 'templates/'.length)}${m[2]}`];
  return candidates.find((c) => files.has(c)) ?? null;
};

const scan = perScan((ctx: FrameworkContext): { references: ReferenceInput[]; first: string | null } => {
  const templates = pathsNamedLike(ctx.files, { extensions: ['html', 'htm', 'jinja', 'jinja2', 'j2'] }, 'sorted').filter((f) => TEMPLATE.test(f) && !f.includes('node_modules/'));
  // Cheap gate: a template that configures RequireJS at all.
  const configs = new Map<string, AmdConfig>();
  const texts = new Map<string, string>();
  for (const t of templates) {
    const text = ctx.readText(t);
    if (text === null) continue;
    texts.set(t, text);
    if (!text.includes('require.config') && !text.includes('requirejs.config')) continue;
    const config = configOf(t, inlineScripts(text), text);
    if (config !== null) configs.set(t, config);
  }
  const references: ReferenceInput[] = [];
  if (configs.size === 0) return { references, first: null };
  const configFor = (template: string): AmdConfig | null => {
    let at: string | null = template;
    for (let depth = 0; at !== null && depth <= MAX_EXTENDS; depth++) {
      const own = configs.get(at);
      if (own) return own;
      const text = texts.get(at);
      at = text === undefined ? null : extendedTemplate(ctx.files, at, text);
    }
    return null;
  };
  let first: string | null = null;
  const seen = new Set<string>();
  for (const template of templates) {
    const text = texts.get(template);
    if (text === undefined || !/(?:require|requirejs|define)\s*\(\s*["'[]/.test(text)) continue;
    const config = configFor(template);
    if (config === null) continue;
    const roots = templateStaticRoots(ctx, template);
    const queue: { from: string; blanked: string }[] = [{ from: template, blanked: inlineScripts(text) }];
    while (queue.length > 0) {
      const { from, blanked } = queue.shift() as { from: string; blanked: string };
      for (const use of usesOf(blanked)) {
        const name = idName(config, use.id);
        if (name === null) continue;
        for (const { target } of staticTargets(ctx.files, roots, `${name}.js`, null, ctx.folderLinks)) {
          if (target === from) continue;
          const label = `named by ${use.fn}(["${use.id}"]) in ${from}:${use.line} (${config.spelled} at ${config.where})`;
          references.push({ from, target, targetKind: 'file', line: use.line, label });
          first ??= `${from}:${use.line} ${use.fn}(["${use.id}"])`;
          const key = `${config.where}\u0000${target}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const moduleText = ctx.readText(target);
          if (moduleText !== null) queue.push({ from: target, blanked: blankedText(ctx, target, moduleText) });
        }
      }
    }
  }
  return { references, first };
});

const reader: FrameworkReader = {
  id: 'amd-modules',
  title: 'RequireJS (AMD) modules a template loads through require.config baseUrl and require([...])/define([...])',
  ecosystem: 'python',
  enabledBy: (ctx) => scan(ctx).first,
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    out.references.push(...scan(ctx).references);
    return out;
  },
};

export default reader;

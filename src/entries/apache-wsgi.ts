/**
 * Apache mod_wsgi: `WSGIScriptAlias /url /path/app.wsgi` and `WSGIImportScript /path/app.wsgi`
 * in an Apache config name the Python script Apache loads in production (graphite-web's Debian
 * package: `usr/share/graphite-web/apache2-graphite.conf` → `usr/share/graphite-web/graphite.wsgi`).
 * Apache has no command line here: the script itself is the entry.
 *
 * The path is absolute. A config kept in a filesystem tree (`etc/apache2/…`, `usr/share/<pkg>/…`,
 * a container's `rootfs/etc/httpd/…`) places it below that tree's root, as systemd units do;
 * otherwise, or when the tree does not hold it, the script's folder maps back into the repo by the
 * deploy-folder rule (support/deploy-dir.ts: /srv/app/wsgi → a folder named `wsgi`, else the root),
 * or else it is the file of that name beside the config.
 * Configs under doc/docs/example(s)/sample(s) folders (and usr/share/doc) are documentation of a
 * setup, not a deployed one: they are not read.
 */
import { basename, dirname, joinRepo } from '../util/path.js';
import { mapDeployDir, isAbsoluteDeployPath } from './support/deploy-dir.js';
import { fileEntry } from './support/inputs.js';
import { splitLines } from '../util/lines.js';
import { inFilesystemTree } from '../util/filesystem-tree.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** `WSGIScriptAlias /url /path [options]`, `WSGIImportScript /path [options]`; the path may be quoted. */
const DIRECTIVE = /^\s*(WSGIScriptAlias|WSGIImportScript)\s+(.*)$/i;
/** The first word of a directive's arguments, quoted or bare. */
const WORD = /^(?:"([^"]*)"|'([^']*)'|(\S+))\s*/;
/** Documentation of a setup (an example config), not a deployed one. */
const DOC_FOLDER = /(?:^|\/)(?:docs?|examples?|samples?|share\/doc)\//i;
/** Apache 2.4 reads `*.conf` from sites-enabled/ and conf-enabled/ (Debian, Red Hat's conf.d/ alike). */
export const isApacheConfig = (path: string, name: string): boolean => name.endsWith('.conf') && !DOC_FOLDER.test(path);

/** `/url /path opts` → `/path` (WSGIScriptAlias), `/path opts` → `/path` (WSGIImportScript). */
const scriptPath = (directive: string, args: string): string | null => {
  let rest = args.trim();
  if (directive === 'wsgiscriptalias') {
    const url = WORD.exec(rest);
    if (!url) return null;
    rest = rest.slice(url[0].length);
  }
  const m = WORD.exec(rest);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};

/** The repo file an absolute script path stands for: below the config's filesystem tree when it holds it, else by the deploy-folder rule, else beside the config. */
export const placeScript = (configPath: string, absolute: string, files: ReadonlySet<string>): string | null => {
  const candidates: string[] = [];
  const inTree = inFilesystemTree(configPath, absolute);
  if (inTree !== null) candidates.push(inTree.path);
  const deployed = joinRepo(mapDeployDir(dirname(absolute), files).cwd, basename(absolute));
  if (deployed !== null) candidates.push(deployed);
  // A sample config shipped beside its script with a placeholder path (`/path/to/project/wsgi.py`).
  const beside = joinRepo(dirname(configPath), basename(absolute));
  if (beside !== null) candidates.push(beside);
  return candidates.find((c) => files.has(c)) ?? candidates[0] ?? null;
};

const apacheWsgi: EntryDetector = {
  id: 'apache-wsgi',
  title: 'Apache mod_wsgi scripts (WSGIScriptAlias, WSGIImportScript)',
  matches: isApacheConfig,
  candidates: { extensions: ['conf'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    if (!/WSGI(?:ScriptAlias|ImportScript)/i.test(file.text)) return out;
    const seen = new Set<string>();
    splitLines(file.text).forEach((raw, i) => {
      const m = DIRECTIVE.exec(raw);
      if (!m) return;
      const directive = m[1].toLowerCase();
      const path = scriptPath(directive, m[2]);
      // A folder of scripts, a regex substitution (WSGIScriptAliasMatch is not matched) or a variable: nothing to name.
      if (path === null || !isAbsoluteDeployPath(path) || path.endsWith('/')) return;
      const target = placeScript(file.path, path, ctx.files);
      if (target === null || seen.has(target)) return;
      seen.add(target);
      out.entries.push(fileEntry(target, 'production', `Apache mod_wsgi ${file.path} ${m[1]} ${path}`, i + 1));
    });
    return out;
  },
};

export default apacheWsgi;

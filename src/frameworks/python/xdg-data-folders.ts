/**
 * Stop 60: a plugin folder joined onto the XDG data folders. An app that follows the XDG base
 * directory spec looks for its data in each folder of `$XDG_DATA_DIRS` (default
 * `/usr/local/share:/usr/share`) joined with its own name, and a loader handed
 * `os.path.join(path, 'plugins')` with `path` one of them lists `/usr/share/<app>/plugins` — where a
 * Debian package installs the plugins (ddupdate's main.py: build_load_path reads XDG_DATA_DIRS at
 * :372 and joins each folder with 'ddupdate' at :374; load_plugins hands `os.path.join(path,
 * 'plugins')` to load_plugin_dir at :328, which globs `*.py` there and loads each by
 * spec_from_file_location). The head of the join is set at run time, so census cannot settle it; it
 * places the tail instead, in the filesystem tree the calling file lies in, when that same file reads
 * `XDG_DATA_DIRS` and joins a literal name onto its folders just below. Nothing else is guessed: no
 * XDG read in the file, no name joined, a file in no filesystem tree, or no such folder in the tree
 * gives nothing.
 */
import { filesystemTreeOf } from '../../util/filesystem-tree.js';
import { joinArguments, literalValue } from './call-text.js';

/** How many lines below the XDG_DATA_DIRS read the app's name may be joined on. */
const NAME_SPAN = 8;
/** The spec's default when `XDG_DATA_DIRS` is unset or empty. */
const SPEC_DEFAULT = ['/usr/local/share', '/usr/share'];

const XDG_READ = /(['"])XDG_DATA_DIRS\1/;
/** `os.path.join(p, 'ddupdate')`: a folder variable joined with one literal name. */
const NAME_JOIN = /\bjoin\(\s*[A-Za-z_]\w*\s*,\s*(['"])([\w.+-]+)\1\s*\)/;
/** A literal list of absolute folders separated by `:` (`'/usr/local/share:/usr/share'`), the default the code gives. */
const DEFAULT_DIRS = /(['"])(\/[\w.+\/-]*(?::\/[\w.+\/-]*)*)\1/;

export interface XdgDataFolder {
  /** The repo folder the join names ('usr/share/ddupdate/plugins'). */
  folder: string;
  /** The line reading XDG_DATA_DIRS and the one joining the app's name (1-based). */
  xdgLine: number;
  nameLine: number;
  name: string;
  /** The data folders read, as the code writes them (`/usr/local/share:/usr/share`). */
  dirs: string;
}

/** What the file reads: the XDG line, the app name joined below it and the default folders; null when it does not. */
const xdgReadOf = (text: string): { xdgLine: number; nameLine: number; name: string; dirs: string[] } | null => {
  if (!text.includes('XDG_DATA_DIRS')) return null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!XDG_READ.test(lines[i])) continue;
    const given = DEFAULT_DIRS.exec(lines[i].replace(XDG_READ, ''));
    const dirs = given === null ? SPEC_DEFAULT : given[2].split(':').filter((d) => d !== '');
    for (let k = i; k < lines.length && k <= i + NAME_SPAN; k++) {
      const joined = NAME_JOIN.exec(lines[k]);
      if (joined !== null) return { xdgLine: i + 1, nameLine: k + 1, name: joined[2], dirs };
    }
  }
  return null;
};

/**
 * The folders of the tree `argText` (`os.path.join(path, 'plugins')`: a computed head, then literal
 * segments) names when its head is one of the XDG data folders `file` reads; [] when it is not so.
 */
export const xdgDataFolders = (file: string, text: string, argText: string, hasFolder: (folder: string) => boolean): XdgDataFolder[] => {
  const tree = filesystemTreeOf(file);
  if (tree === null) return [];
  const args = joinArguments(argText.trim(), 0, true);
  if (args === null || args.length < 2 || literalValue(args[0]) !== null) return [];
  const tail = args.slice(1).map(literalValue);
  if (tail.some((s) => s === null || s === '' || s.startsWith('/') || s.includes('..') || s.includes('*'))) return [];
  const read = xdgReadOf(text);
  if (read === null) return [];
  const out: XdgDataFolder[] = [];
  for (const dir of read.dirs) {
    const folder = `${tree}${dir.replace(/^\/+|\/+$/g, '')}/${read.name}/${(tail as string[]).join('/')}`;
    if (hasFolder(folder)) out.push({ folder, xdgLine: read.xdgLine, nameLine: read.nameLine, name: read.name, dirs: read.dirs.join(':') });
  }
  return out;
};

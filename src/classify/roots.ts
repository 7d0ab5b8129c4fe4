/**
 * The roots of each verdict tier, with the sentence that starts each evidence chain: about the
 * root file, saying what starts it ("sidecar/main.py is run by systemd …").
 */
import type { Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import type { Verdict } from '../model/verdict.js';
import { isDocLanguage, languageRecord } from '../languages/registry.js';
import { byString } from '../util/compare.js';
import { basename } from '../util/path.js';
import { nameExtension } from '../discover/language.js';
import { withoutLanguageTag } from '../languages/web/index.js';
import { aboutFile, entrySentence } from '../util/sentences.js';

export interface Root {
  file: string;
  evidence: string;
  /** The file the evidence comes from (the entry's manifest, the mentioning doc, the file itself). */
  source: string;
  /**
   * True when the root claims only its own file: no chain goes on from it. A module augmentation a
   * tsconfig program applies (entries/tsconfig-augmentations.ts) is used by the compiler for the
   * types it declares; the files it imports are not run or loaded because of that.
   */
  ownFileOnly?: true;
  /** The entry stands for a launcher the tree lacks (Entry.standsIn, stand-ins.ts). */
  standsIn?: true;
  /** The detector of the entry that makes the file a root (stand-ins.ts asks it); none for a doc or a runnable marker. */
  detector?: string;
  /** Stop 58: what says the file is started (Entry.startedBy): among one file's roots of a rank, a declared command, then a command line, first. */
  startedBy?: Entry['startedBy'];
}

const RUNNABLE_WORDS: Record<string, string> = {
  'main-guard': 'it has an `if __name__ == "__main__"` guard',
  shebang: 'it has a shebang line',
  'cli-framework': 'it defines a command-line interface',
  'top-level-code': 'it runs code at the top level',
  'wsgi-application': 'it is named for WSGI and binds `application` at its top level, the callable a WSGI server (Apache mod_wsgi, uWSGI\'s wsgi-file) loads from the file it is pointed at',
};

const runnableEvidence = (file: FileRecord): string | null => {
  const spec = languageRecord(file.language);
  const markers = (file.runnable ?? []).filter((m) => m !== 'top-level-code' || spec?.topLevelCodeRuns === true);
  if (markers.length === 0) {
    if (file.executable && spec?.executableEvidence) return `${file.path} ${spec.executableEvidence}`;
    // A page in one language (`x.html.en`) is run by the path of the page it is a version of.
    const byPath = spec?.runByPath ? spec.runByPath[nameExtension(withoutLanguageTag(basename(file.path)))] : undefined;
    return byPath === undefined ? null : `${file.path} ${byPath}`;
  }
  const words = markers.map((m) => (m === 'main-guard' && spec?.mainGuardEvidence !== undefined ? spec.mainGuardEvidence : RUNNABLE_WORDS[m]));
  return `${file.path} is runnable on its own: ${words.join(', ')}${file.executable ? ' (executable)' : ''}`;
};

/**
 * Detectors whose entries only type a file (a module augmentation a tsconfig program applies,
 * entries/tsconfig-augmentations.ts): the compiler uses the file, nothing runs or loads it.
 */
const TYPING_DETECTORS = new Set(['tsconfig-augmentations']);

/**
 * Stop 55: detectors whose root is a program a service manager starts (a server, a daemon, a timer's
 * job), then one a user starts from their PATH, then the rest, and last installed metadata's names. Among chains of equal length the walk keeps the
 * first root's (reachability.ts), so these come first; the rest keep path order.
 */
const ROOT_RANK: ReadonlyMap<string, number> = new Map([
  ...['systemd', 'init-scripts', 'supervisord', 'runit', 's6-overlay', 'procfile', 'dbus-services', 'crontab'].map((d) => [d, 0] as const),
  ['installed-commands', 1],
  // Last: a name installed metadata gives a module for whoever imports it (cinder's [oslo.config.opts]
  // list_opts), which no program is known to load, after a root that loads the file (heat's
  // PasteDeploy filter, which the API's pipeline loads).
  ['installed-entry-points', 3],
  ['python-library', 3],
]);
const rankOf = (root: Root): number => ROOT_RANK.get(root.detector ?? '') ?? 2;

/**
 * The order ties between roots go by: the root's kind, its file's path, what says its file is
 * started (Stop 58, Entry.startedBy: a command name the package declares, `bin "hubot"`, before a
 * command line that runs the file, `script "start": bin/hubot`, before the rest: `script "start":
 * node app.js` before `main`, systemd's `ExecStart: /etc/init.d/keystone systemd-start` before the
 * bare SysV script), then the detector. Stop 55:
 * not the sentence, whose wording decided which of one file's roots won (a rewording moved glance's
 * api/__init__.py from its PasteDeploy app to an oslo.policy entry point); the sentence only orders
 * one detector's roots of one file (package.json's main before its convention entry, as before:
 * by line it would put the convention, which has none, first).
 */
const sortRoots = (roots: Root[]): Root[] =>
  roots.sort((a, b) => rankOf(a) - rankOf(b) || byString(a.file, b.file) || startOrder(a) - startOrder(b) || byString(a.detector ?? '', b.detector ?? '') || byString(a.evidence, b.evidence));

const startOrder = (root: Root): number => (root.startedBy === 'declared-command' ? 0 : root.startedBy === 'command-line' ? 1 : 2);

/** Roots per tier, in the order the tiers are tried. */
export const rootsByTier = (files: FileRecord[], edges: Edge[], entries: Entry[]): [Verdict, Root[]][] => {
  const entryRoots = (kind: Verdict, typing: boolean): Root[] => {
    const roots: Root[] = [];
    for (const e of entries) {
      if (e.kind !== kind || e.file === null || TYPING_DETECTORS.has(e.detector) !== typing) continue;
      const root: Root = { file: e.file, evidence: entrySentence(e as Entry & { file: string }), source: e.source, detector: e.detector };
      if (typing) root.ownFileOnly = true;
      if (e.standsIn === true) root.standsIn = true;
      if (e.startedBy !== undefined) root.startedBy = e.startedBy;
      roots.push(root);
    }
    return sortRoots(roots);
  };
  // A doc that imports code (an MDX page's ESM) documents what it imports, unless something loads the page first.
  const docFiles = new Set(files.filter((f) => isDocLanguage(f.language)).map((f) => f.path));
  const documented = sortRoots(
    edges
      .filter((e) => e.to !== null && (e.kind === 'doc-mention' || (docFiles.has(e.from) && e.to !== e.from)))
      .map((e) => ({ file: e.to!, evidence: e.label ?? aboutFile(e.to!, `referenced in ${e.from}:${e.line}`), source: e.from })),
  );
  const manual: Root[] = [];
  for (const f of files) {
    const evidence = runnableEvidence(f);
    if (evidence) manual.push({ file: f.path, evidence, source: f.path });
  }
  return [
    ['production', entryRoots('production', false)],
    ['tooling', entryRoots('tooling', false)],
    ['test', entryRoots('test', false)],
    // Roots that only type their file come after those that run or load files: a file those reach keeps that chain.
    // They claim only their own file (ownFileOnly): what the file imports is not used because the compiler types it.
    ['tooling', entryRoots('tooling', true)],
    ['documented', documented],
    ['manual', sortRoots(manual)],
  ];
};

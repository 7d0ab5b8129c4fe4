/**
 * Stop 65: a base class that walks the folder of its subclass's own package and imports every module
 * there. nova's loadables.py:50 `BaseLoader`:
 *
 *     def __init__(self, loadable_cls_type):
 *         mod = sys.modules[self.__class__.__module__]             # :52
 *         self.path = os.path.abspath(mod.__path__[0])             # :53
 *     def get_all_classes(self):
 *         for dirpath, _, filenames in os.walk(self.path):         # :83
 *             … importutils.import_module(module_name)              # :68, each .py found
 *
 * `mod.__path__` exists only for a package, so the walk runs for a subclass defined in a package's
 * `__init__.py` (scheduler/filters/__init__.py:53 `HostFilterHandler`, scheduler/weights/__init__.py:39
 * `HostWeightHandler`) and loads every module of that package: nova's scheduler filters and weighers,
 * which nothing imports by name.
 *
 * Read in one file: a method of class B stores in `self.A` the folder of the object's own module,
 * `M.__path__[0]` (or `list(M.__path__)[0]`, bare or wrapped in `os.path.abspath`/`realpath`/
 * `normpath`/`str`), with M `sys.modules[X.__module__]` written there or held by a local name the
 * method assigns it to, and X `self`, `cls`, `self.__class__` or `type(self)`; a method of B walks
 * that attribute, `os.walk(self.A)` (every folder below, recursive) or `os.listdir(self.A)` (the
 * folder itself); and some method of B loads a module by name (import_module, __import__, oslo's
 * importutils…). module-relative.ts finds B's subclasses and draws the edges.
 */
import { fileFlowsAndClasses, type ClassInfo } from './loader-roles.js';

/** A base class's walk of its subclass's package folder. */
export interface PackageWalk {
  file: string;
  className: string;
  /** The method that walks the folder, and its line. */
  method: string;
  line: number;
  /** The method that stores the folder in the attribute, and the line it does so. */
  setter: string;
  setLine: number;
  /** `os.walk`: every folder below too; `os.listdir`: the folder itself. */
  recursive: boolean;
}

/** What holds the object's module name: `self`, `cls`, `self.__class__`, `type(self)`. */
const HOLDER = String.raw`(?:self|cls|self\.__class__|type\(\s*self\s*\))\.__module__`;
/** The object's own module: `sys.modules[self.__class__.__module__]`. */
const OWN_MODULE = new RegExp(String.raw`^sys\.modules\[\s*${HOLDER}\s*\]$`);
/** `M.__path__[0]` or `list(M.__path__)[0]`: M's text. */
const FOLDER = /^(?:list\(\s*(.+?)\.__path__\s*\)|(.+?)\.__path__)\s*\[\s*0\s*\]$/;
/** A call that hands its path argument back as a path: `os.path.abspath(…)`; its argument. */
const SAME_PATH = /^(?:os\.path\.(?:abspath|realpath|normpath)|str)\(\s*(.*?)\s*\)$/;
/** The walks read: os.walk is recursive, os.listdir is not. */
const WALKS: ReadonlyMap<string, boolean> = new Map([['walk', true], ['listdir', false]]);

/** Whether `text`, stored in a method, is the folder of the object's own package (through `locals`, the method's local names). */
const isOwnPackageFolder = (text: string, line: number, locals: ReadonlyMap<string, { text: string; line: number; append: boolean }[]>): boolean => {
  const s = text.replace(/\s+/g, ' ').trim();
  const m = FOLDER.exec(SAME_PATH.exec(s)?.[1] ?? s);
  if (m === null) return false;
  const module = (m[1] ?? m[2]).trim();
  if (OWN_MODULE.test(module)) return true;
  if (!/^[A-Za-z_]\w*$/.test(module)) return false;
  // A local name: the last value the method gives it above the store.
  const values = (locals.get(module) ?? []).filter((v) => v.line <= line && !v.append);
  return values.length > 0 && OWN_MODULE.test(values[values.length - 1].text.replace(/\s+/g, ' ').trim());
};

/** The package walks one file's classes make, with its classes. */
export const packageWalksIn = (file: string, text: string): { walks: PackageWalk[]; classes: ClassInfo[] } => {
  const { fns, classes } = fileFlowsAndClasses(text, (w) => WALKS.has(w));
  const walks: PackageWalk[] = [];
  /** Per class: the attributes holding its subclass's package folder, with the method and line that store it. */
  const folders = new Map<string, Map<string, { method: string; line: number }>>();
  const loading = new Set<string>();
  /** Per class: the attributes some method stores anything else in (review s65-rv4: `self.path = '/etc/x'` before the walk). */
  const elsewhere = new Map<string, Set<string>>();
  for (const fn of fns) {
    if (fn.className === null || fn.params[0] !== 'self') continue;
    if (fn.loads) loading.add(fn.className);
    for (const call of fn.calls) {
      if (call.word !== '@set' || call.positional[0] === undefined) continue;
      if (!isOwnPackageFolder(call.positional[0].text, call.line, fn.assigned)) {
        (elsewhere.get(fn.className) ?? elsewhere.set(fn.className, new Set()).get(fn.className)!).add(call.callee);
        continue;
      }
      const of = folders.get(fn.className) ?? folders.set(fn.className, new Map()).get(fn.className)!;
      if (!of.has(call.callee)) of.set(call.callee, { method: fn.name, line: call.line });
    }
  }
  // The walk reads the attribute as it stands: one the class also sets to anything else may hold that instead.
  for (const [cls, attrs] of elsewhere) for (const attr of attrs) folders.get(cls)?.delete(attr);
  for (const fn of fns) {
    if (fn.className === null || fn.params[0] !== 'self' || !loading.has(fn.className)) continue;
    const held = folders.get(fn.className);
    if (held === undefined) continue;
    for (const call of fn.calls) {
      const recursive = WALKS.get(call.word);
      if (recursive === undefined || call.callee !== `os.${call.word}`) continue;
      const set = held.get(call.positional[0]?.text.trim() ?? '');
      if (set === undefined) continue;
      walks.push({ file, className: fn.className, method: fn.name, line: call.line, setter: set.method, setLine: set.line, recursive });
    }
  }
  return { walks, classes };
};

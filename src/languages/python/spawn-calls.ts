/**
 * The Python spawn functions census reads, by the module that offers them, and how each names what
 * it runs: the one table behind extraction's command lines (calls.ts, and the tokenizer's words for
 * them, tokens.ts) and the programs spawned-paths follows (frameworks/python/spawned-paths.ts).
 */

/** How a spawn function's arguments name what it runs. */
export type SpawnArgs =
  /** subprocess's: a command line or an argv list, first or as `args=`. */
  | 'argv'
  /** os.system/popen, asyncio.create_subprocess_shell: a shell command line, first. */
  | 'shell'
  /** os.exec*: the program, then the argv list (execv*) or the arguments (execl*). */
  | 'exec'
  /** asyncio.create_subprocess_exec(program, *args). */
  | 'program-args'
  /** os.spawn*(mode, program, …): the program follows the mode. */
  | 'after-mode'
  /** GLib's spawn_ calls: an argv list or a command line, first. */
  | 'glib';

export interface SpawnFunctions {
  /** The module that offers them (`gi.repository.GLib`). */
  module: string;
  functions: readonly string[];
  args: SpawnArgs;
  /**
   * Whether a call by the bare name counts with no import seen (spawned-paths: `Popen(`,
   * `spawn_sync(`, `create_subprocess_exec(`); the others count bare only through an import's names.
   */
  bare: boolean;
}

const GLIB_SPAWN = ['spawn_command_line_sync', 'spawn_command_line_async', 'spawn_async', 'spawn_async_with_pipes', 'spawn_sync'];
/** The os functions named `<stem>[lv]p?e?`: execl, execle, execlp, execlpe, execv, … */
const lvpe = (stem: string): string[] => ['l', 'v'].flatMap((lv) => ['', 'e', 'p', 'pe'].map((pe) => `${stem}${lv}${pe}`));

export const SPAWN_FUNCTIONS: readonly SpawnFunctions[] = [
  { module: 'subprocess', functions: ['run', 'call', 'check_call', 'check_output'], args: 'argv', bare: false },
  { module: 'subprocess', functions: ['Popen'], args: 'argv', bare: true },
  { module: 'os', functions: lvpe('exec'), args: 'exec', bare: false },
  { module: 'os', functions: lvpe('spawn'), args: 'after-mode', bare: false },
  { module: 'os', functions: ['system', 'popen'], args: 'shell', bare: false },
  { module: 'gi.repository.GLib', functions: GLIB_SPAWN, args: 'glib', bare: true },
  { module: 'asyncio', functions: ['create_subprocess_exec'], args: 'program-args', bare: true },
  { module: 'asyncio', functions: ['create_subprocess_shell'], args: 'shell', bare: true },
];

/** The argument shapes extraction reads a command line from (calls.ts commandOf); the others only spawned-paths follows. */
export const EXTRACTED_SPAWN_ARGS: ReadonlySet<SpawnArgs> = new Set<SpawnArgs>(['argv', 'shell', 'exec', 'program-args']);

const byName = new Map<string, SpawnArgs>(SPAWN_FUNCTIONS.flatMap((s) => s.functions.map((f): [string, SpawnArgs] => [`${s.module}.${f}`, s.args])));

/** How the spawn function a dotted name stands for (`subprocess.run`, `os.spawnv`) names its program; null for any other name. */
export const spawnArgsOf = (dotted: string): SpawnArgs | null => byName.get(dotted) ?? null;

/** The names of the spawn functions extraction reads a command line from (the tokenizer notes their calls). */
export const extractedSpawnNames = (): string[] => [...new Set(SPAWN_FUNCTIONS.filter((s) => EXTRACTED_SPAWN_ARGS.has(s.args)).flatMap((s) => s.functions))];

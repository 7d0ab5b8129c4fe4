/**
 * Whether a program computed at run time is, by its name as written, the interpreter of a script it
 * is handed: serverless-offline's PythonRunner.js:45 spawns `pythonExecutable` on its own invoke.py.
 * A computed program of any other name (`$EDITOR ./notes.py`, `spawn(compiler, ['-o', './out.js'])`)
 * may open, write or compile the file, and a file only opened or written is not run: its name must
 * say the script's language (or `interpreter`), or the command stays unread.
 */
const BY_EXTENSION: readonly [RegExp, RegExp][] = [
  [/\.py$/, /python|(?:^|[^a-z])py\d*(?:[^a-z]|$)/i],
  [/\.rb$/, /ruby/i],
  [/\.pl$/, /perl/i],
  [/\.php$/, /php/i],
  [/\.(?:sh|bash)$/, /bash|shell|(?:^|[^a-z])sh(?:[^a-z]|$)/i],
  // `process.argv[0]` is the node running the code (karma's lib/server.js:423 spawns it on detached.js).
  [/\.[cm]?js$/, /node|execpath|argv\s*\[\s*0\s*\]|argv0/i],
];

/** A script an interpreter takes as its first word that is no option: Python, Ruby, Perl, shell, PHP, JS. */
export const INTERPRETED_SCRIPT = /\.(?:py|rb|pl|sh|bash|php|[cm]?js)$/;

export const namesInterpreterOf = (program: string, script: string): boolean =>
  /interpreter/i.test(program) || BY_EXTENSION.some(([ext, name]) => ext.test(script) && name.test(program));

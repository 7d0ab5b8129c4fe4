/**
 * The Django management commands a command line runs: `python manage.py migrate`,
 * `django-admin collectstatic --settings=x`, `python -m django check`. Options before the
 * subcommand (`manage.py --settings=x migrate`) are skipped.
 */
const RUNNER = /(?:^|[\s/;&|'"`(])(?:manage\.py|django-admin(?:\.py)?|-m\s+django)((?:\s+--?[\w-]+(?:=\S+)?)*)\s+([a-z_][\w-]*)/g;

export const managementCommands = (command: string): string[] => {
  const out: string[] = [];
  for (const m of command.matchAll(RUNNER)) if (!out.includes(m[2])) out.push(m[2]);
  return out;
};

/** `call_command("name", ...)` in Python code, the name also as its keyword (`call_command(command_name="name")`). */
const CALL = /\bcall_command\(\s*(?:command_name\s*=\s*)?['"]([a-z_][\w-]*)['"]/g;

export const calledCommands = (text: string): { name: string; index: number }[] =>
  [...text.matchAll(CALL)].map((m) => ({ name: m[1], index: m.index ?? 0 }));

/** A Django runner word: manage.py, django-admin, `python -m django`. */
const RUNNER_WORD = /(?:^|[\s/;&|'"`(])(?:manage\.py|django-admin(?:\.py)?|-m\s+django)\s/;
const SETTINGS = /--settings[= ]([A-Za-z_][\w.]*)/;

/**
 * The settings module a command hands manage.py, django-admin or `python -m django` with
 * `--settings`, or null: another tool's `--settings` (a docs line running `sphinx-build`, a
 * script of the project's own) names no Django settings module. The option counts in the same
 * command as the runner, after it (not past a `;`, `&&` or `|`). Review of stop 61: each command
 * is searched once for its first runner and once after it (one pattern reaching from every runner
 * to the option was quadratic on a docs line of many `manage.py` words).
 */
export const runnerSettings = (command: string): string | null => {
  for (const part of command.split(/[;&|\n]/)) {
    const runner = RUNNER_WORD.exec(part);
    if (runner === null) continue;
    const option = SETTINGS.exec(part.slice(runner.index + runner[0].length - 1));
    if (option !== null) return option[1];
  }
  return null;
};

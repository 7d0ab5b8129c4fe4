/**
 * The shell side of `census trace`: bash reads $BASH_ENV before it runs a script non-interactively,
 * so a script run by bash (`bash bin/run.sh`, or a `#!/bin/bash` script) records its own path.
 * It defines nothing in the script's namespace and then sources the BASH_ENV it replaced.
 * Scripts run by other shells (dash as /bin/sh) and files a script `source`s are not recorded.
 */
export const BASH_ENV_HOOK = String.raw`# census trace hook: records the script this bash runs. Written by census; safe to delete.
if [ -n "${'$'}{CENSUS_TRACE_FILE-}" ]; then
  case "$0" in
    /*) printf '%s\t%s\n' "$$" "$0" >> "$CENSUS_TRACE_FILE" 2>/dev/null ;;
    *) if [ -f "$0" ]; then printf '%s\t%s/%s\n' "$$" "$PWD" "$0" >> "$CENSUS_TRACE_FILE" 2>/dev/null; fi ;;
  esac
fi
if [ -n "${'$'}{CENSUS_BASH_ENV_CHAIN-}" ]; then . "$CENSUS_BASH_ENV_CHAIN"; fi
`;

export const BASH_ENV_HOOK_FILE = 'census-trace-bash-env.sh';

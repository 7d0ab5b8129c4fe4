/** Known errors: shown to the user as one actionable line, exit code 2. Anything else is a bug. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A config file census was asked to use is invalid; the message names the file and key or line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const isKnownError = (e: unknown): e is UsageError | ConfigError =>
  e instanceof UsageError || e instanceof ConfigError;

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

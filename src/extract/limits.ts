/** The default --max-file-size, on its own so the CLI can name it without loading the pipeline (census why's fast path). */
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

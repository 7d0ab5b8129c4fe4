/** Where the CLI writes: injectable so tests can run main() in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that understands colour. */
  color: boolean;
  cwd: string;
  /** The terminal's width and height when stdout is one; absent for a pipe or a file. */
  columns?: number;
  rows?: number;
  /** Whether stderr is a terminal (progress is shown only there). */
  stderrIsTty?: boolean;
  /** Environment variables the CLI reads (CENSUS_PROGRESS); default none. */
  env?: Record<string, string | undefined>;
}

let pipeWatched = false;

/**
 * A reader that stops early (`census scan --format json | head`) closes the pipe; the next write
 * fails with EPIPE. That is the reader's choice, not an error: end at once, quietly, with 0.
 */
const endQuietlyOnClosedPipe = (): void => {
  if (pipeWatched) return;
  pipeWatched = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
};

export const processIo = (): CliIo => {
  endQuietlyOnClosedPipe();
  return ioOfProcess();
};

const ioOfProcess = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  // NO_COLOR (no-color.org) wins over a terminal; FORCE_COLOR (non-empty, not 0) asks for colour in a pipe.
  color: !process.env.NO_COLOR && ((process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '' && process.env.FORCE_COLOR !== '0') || Boolean(process.stdout.isTTY)),
  cwd: process.cwd(),
  ...(process.stdout.isTTY && process.stdout.columns > 0 ? { columns: process.stdout.columns } : {}),
  ...(process.stdout.isTTY && process.stdout.rows > 0 ? { rows: process.stdout.rows } : {}),
  stderrIsTty: Boolean(process.stderr.isTTY),
  env: process.env,
});

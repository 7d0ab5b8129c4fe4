/** Progress events from the pipeline; the CLI decides how (and whether) to show them. */
export interface StageEvent {
  stage: string;
  /** A short fact about what the stage did: "1,234 files", "5,678 edges". */
  detail: string;
  ms: number;
}

export type ProgressListener = (event: StageEvent) => void;

/** Runs a stage and reports it with its duration. */
export const timed = async <T>(listener: ProgressListener | undefined, stage: string, run: () => T | Promise<T>, describe: (result: T) => string): Promise<T> => {
  const start = performance.now();
  const result = await run();
  listener?.({ stage, detail: describe(result), ms: Math.round(performance.now() - start) });
  return result;
};

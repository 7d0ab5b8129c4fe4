/** Progress events from the pipeline; the CLI decides how (and whether) to show them. */
export interface StageEvent {
  stage: string;
  /** A short fact about what the stage did: "1,234 files", "5,678 edges". */
  detail: string;
  ms: number;
  /** CPU time of the whole process (all threads) during the stage: on a shared machine it moves far less than `ms`. */
  cpuMs: number;
}

export type ProgressListener = (event: StageEvent) => void;

/** Runs a stage and reports it with its duration. */
export const timed = async <T>(listener: ProgressListener | undefined, stage: string, run: () => T | Promise<T>, describe: (result: T) => string): Promise<T> => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  listener?.({ stage, detail: describe(result), ms: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000) });
  return result;
};

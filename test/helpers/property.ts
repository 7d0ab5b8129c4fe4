/**
 * Runs a fast-check property the same way in every property test, so that a failure seen once can
 * be replayed: the seed comes from CENSUS_PROPERTY_SEED when it is set (else the test's own fixed
 * seed, else a fresh one), and a failure names the seed and counterexample path to replay it with.
 */
import fc from 'fast-check';

const seedFromEnv = (): number | undefined => {
  const raw = process.env.CENSUS_PROPERTY_SEED;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`CENSUS_PROPERTY_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
};

export const assertProperty = <Ts>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}): void => {
  const fromEnv = seedFromEnv();
  const seed = fromEnv ?? params.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000));
  // A path only means something with the seed it came from.
  const path = fromEnv !== undefined ? process.env.CENSUS_PROPERTY_PATH || undefined : undefined;
  const details = fc.check(property, { ...params, seed, ...(path ? { path } : {}) });
  if (!details.failed) return;
  const replay = `CENSUS_PROPERTY_SEED=${details.seed}${details.counterexamplePath ? ` CENSUS_PROPERTY_PATH=${details.counterexamplePath}` : ''}`;
  throw new Error(`property failed with seed ${details.seed}; replay it with ${replay}\n${fc.defaultReportMessage(details)}`);
};

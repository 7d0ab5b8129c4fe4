/**
 * Bins that `yarn <name>` / `pnpm <name>` usually mean when no package.json script has that name:
 * test runners and TypeScript runners with launcher records of their own.
 */
export const KNOWN_BINS: ReadonlySet<string> = new Set([
  'jest', 'vitest', 'mocha', 'playwright', 'tsx', 'vite-node', 'ts-node', 'ts-node-dev', 'node', 'nodemon', 'concurrently', 'npm-run-all', 'run-s', 'run-p',
  'cross-env', 'dotenv', 'env-cmd',
]);

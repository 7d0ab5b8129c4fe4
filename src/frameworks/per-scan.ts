/**
 * A value a reader computes once per scan and shares (every package.json parsed, every folder
 * loader found): the scan's FrameworkContext is the key, held weakly, so nothing outlives the
 * scan and two scans in one process (the MCP server, tests) never see each other's.
 */
import type { FrameworkContext } from './types.js';

export const perScan = <T>(compute: (ctx: FrameworkContext) => T): ((ctx: FrameworkContext) => T) => {
  const memo = new WeakMap<FrameworkContext, T>();
  return (ctx) => {
    if (memo.has(ctx)) return memo.get(ctx) as T;
    const value = compute(ctx);
    memo.set(ctx, value);
    return value;
  };
};

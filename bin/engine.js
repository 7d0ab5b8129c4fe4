// V8's settings for a census process, set before any of census's code runs (bin/census.js, and the
// bench's child process so that it measures what a user's process does).
//
// A cold scan is a one-shot batch job: thousands of files go once through a few hundred functions.
// On payload (7,062 JS/TS files) a quarter of the process CPU was TurboFan compiling those
// functions, most of it the code each compile inlines into them, while the optimized code ran for
// under a tenth. Without inlining each compile is small: V8's compiler threads fell from about 2.8
// to 1.7 s on payload and 1.3 to 0.9 s on saleor, the main thread did not slow, and larger trees
// (saleor ×4, 18,764 files) and `census dupes` ran no slower (docs/architecture.md, "Where the
// time goes"). `census mcp` is a long-lived server whose functions run for hours: it keeps V8's
// defaults. The flag is read when a compile starts; set here, no compile has started yet.
//
// The same job tiers up later: V8 marks a function for TurboFan once it has run a budget of
// bytecode a few times. At its default budget (67,584 bytes) a cold payload scan made 687 TurboFan
// compiles, saleor's 434, many of functions the scan passes through for a few milliseconds; at twice
// the budget 533 and 314, and the functions the scan lives in (lexers, tokenizers, the resolver's
// loops) are still compiled, a little later. Four times the budget cut more compiles (322 and 216)
// but moved their cost to the main thread's interpreter (docs/architecture.md, "Where the time
// goes", stop 41). The budget is read as each function's counter is reset, so it holds from here on.
import v8 from 'node:v8';

export const ONE_SHOT_V8_FLAGS = '--no-turbo-inlining --interrupt-budget=135168';

/**
 * Which flags `command` runs under: V8's defaults for the long-lived `census mcp`, else the one-shot
 * flags, named by the flags themselves. It keys the code cache (bin/code-cache.js): V8 refuses a cache
 * made under other flags, so two builds of one census.cjs under different flags (a change to this
 * file alone) must not share a cache file, or each run would refuse and rewrite the other's.
 */
export const engineVariantFor = (command) => (command === 'mcp' ? 'default' : `one-shot ${ONE_SHOT_V8_FLAGS}`);

/** Sets the one-shot flags unless `command` is a long-lived one. */
export const tuneEngineFor = (command) => {
  if (engineVariantFor(command) !== 'default') v8.setFlagsFromString(ONE_SHOT_V8_FLAGS);
};

/**
 * The size (bytes of files to extract) from which a scan treats a tree as large: extraction runs on
 * worker threads alone, the main thread waiting (extract/pool.ts), and V8's heap growth is bounded
 * (util/heap-growth.ts). Below it, on two cores, extraction stays on the main thread: one thread
 * costs less CPU than two on trees of that size (docs/architecture.md, "Where the time goes").
 */
export const LARGE_TREE_BYTES = 128_000_000;

export const isLargeTree = (bytes: number): boolean => bytes >= LARGE_TREE_BYTES;

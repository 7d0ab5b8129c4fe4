/**
 * JavaScript and TypeScript. Only the extractors are exported here: workers load this module,
 * and the resolver (with its native module) is needed on the main thread only (./resolve.js).
 */
export { javascriptExtractor, typescriptExtractor } from './extract.js';

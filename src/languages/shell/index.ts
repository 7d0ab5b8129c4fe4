export { shellExtractor } from './extract.js';
export { shellCommandContext } from './context.js';

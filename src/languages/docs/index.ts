export { markdownExtractor, rstExtractor, textExtractor } from './extract.js';

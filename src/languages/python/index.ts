export { pythonExtractor } from './extract.js';

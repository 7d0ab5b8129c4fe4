/** Dashboard server: serves the lake's weekly numbers. */
import { createServer } from 'node:http';
import { routes } from './routes.js';

createServer((req, res) => routes(req, res)).listen(8080);

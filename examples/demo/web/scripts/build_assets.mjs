// Copy static assets into dist/ for the image.
import { cpSync } from 'node:fs';

cpSync('static', 'dist/static', { recursive: true });

/**
 * Exec-form argument lists (Dockerfile `CMD ["python", "app.py"]`, Kubernetes command/args,
 * compose lists) joined back into one shell command line, quoted so that the command analyser
 * reads exactly these words again.
 */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export const quoteWord = (word: string): string => (SAFE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

export const joinWords = (words: string[]): string => words.map(quoteWord).join(' ');

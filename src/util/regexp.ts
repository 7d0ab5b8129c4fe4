/** A string as a regular-expression source that matches it literally (outside a character class). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

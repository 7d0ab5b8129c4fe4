/** Formatting helpers for dashboard pages. */
export const formatWeek = (path: string): string => `week page for ${path}`;

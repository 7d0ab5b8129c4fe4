/** The first dashboard, replaced by server.ts. */
export const renderLegacy = (): string => '<h1>legacy</h1>';

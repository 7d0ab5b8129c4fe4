/** HTTP routes of the dashboard. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatWeek } from '@lib/format';

export const routes = (req: IncomingMessage, res: ServerResponse): void => {
  res.end(formatWeek(req.url ?? '/'));
};

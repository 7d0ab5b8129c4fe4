/** What every view of the page gets: the model, the route, and a way to change the route. */
import type { Model } from './model.js';
import type { RouteState } from './route.js';

export interface App {
  model: Model;
  state: RouteState;
  /** Moves to a new route: a history entry, or an in-place replace (typing in a search box). */
  go(change: Partial<RouteState>, replace?: boolean): void;
  /** A link to the current route with `change` applied. */
  link(change: Partial<RouteState>): string;
  viewRoot: HTMLElement;
  detailRoot: HTMLElement;
  /** Per-view memory between renders (a laid-out graph, the table's "show all"). */
  cache: Record<string, unknown>;
}

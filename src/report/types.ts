/** The one signature every reporter has: model data in, text out, nothing else read. */
import type { Audit } from '../model/audit.js';

/**
 * How to render, the same for every view and format. A new presentation knob (terminal width,
 * a summary-only mode) is one optional field here, read by the renderers that care.
 */
export interface RenderOptions {
  /** Use ANSI colours (TTY and no NO_COLOR). */
  color: boolean;
  /** Terminal format: fit every line into this many columns (wrap, else cut); absent: no limit. */
  width?: number;
  /** Terminal summary of scan: at most this many lines of file lists (--limit); absent: 40. */
  listLines?: number;
  /** --quiet: census check prints nothing on a pass and only the failing findings otherwise. */
  quiet?: boolean;
  /** md: the summary only (counts, top findings, links), small enough for a GitHub issue (--summary). */
  summary?: boolean;
}

/** A renderer of one view in one format: a pure function of the view's data. Big documents may come in pieces. */
export type Renderer<D> = (data: D, options: RenderOptions) => string | Iterable<string>;

/** A renderer of the whole Audit that returns one string (the scan view's terminal, md, html). */
export type Reporter = (audit: Audit, options: RenderOptions) => string;

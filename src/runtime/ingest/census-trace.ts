/** The trace `census trace` writes: repo-relative paths and its own label. */
import { UsageError } from '../../util/errors.js';
import { TRACE_FORMAT, TRACE_VERSION } from '../trace-file.js';
import { isObject, type EvidenceFormat } from './types.js';

export const censusTraceFormat: EvidenceFormat = {
  id: 'census-trace',
  description: 'census trace files (census trace -- <command>)',
  matches: (input) => isObject(input.json) && input.json.format === TRACE_FORMAT,
  read: (input) => {
    const trace = input.json as Record<string, unknown>;
    if (typeof trace.version !== 'number' || trace.version > TRACE_VERSION) {
      throw new UsageError(`${input.name}: census trace version ${String(trace.version)} is newer than this census reads (${TRACE_VERSION}); upgrade census`);
    }
    if (!Array.isArray(trace.loaded)) throw new UsageError(`${input.name}: census trace without a "loaded" list`);
    return {
      paths: trace.loaded.filter((p): p is string => typeof p === 'string'),
      label: typeof trace.label === 'string' ? trace.label : undefined,
    };
  },
};

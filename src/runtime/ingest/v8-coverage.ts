/**
 * Node's NODE_V8_COVERAGE output: a folder of `coverage-<pid>-....json` files (or one of them),
 * each listing every script the process compiled in `result[].url`. Present means loaded.
 */
import { isObject, type EvidenceFormat } from './types.js';

const isV8Coverage = (json: unknown): json is { result: unknown[] } => isObject(json) && Array.isArray(json.result);

const urlsOf = (json: { result: unknown[] }): string[] =>
  json.result.map((r) => (isObject(r) && typeof r.url === 'string' ? r.url : '')).filter((u) => u.startsWith('file:') || u.startsWith('/'));

export const v8CoverageFormat: EvidenceFormat = {
  id: 'v8-coverage',
  description: 'Node V8 coverage folders (NODE_V8_COVERAGE=dir) or one of their files',
  matches: (input) => (input.kind === 'dir' ? (input.jsonFiles ?? []).some((f) => isV8Coverage(f.json)) : isV8Coverage(input.json)),
  read: (input) => {
    const documents = input.kind === 'dir' ? (input.jsonFiles ?? []).map((f) => f.json) : [input.json];
    return { paths: documents.filter(isV8Coverage).flatMap(urlsOf) };
  },
};

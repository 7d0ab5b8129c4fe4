/**
 * Validates SARIF against the SARIF 2.1.0 JSON schema vendored in test/fixtures/guardrails (taken
 * from the npm package @microsoft/jest-sarif; see the LICENSE note beside it). The schema is
 * draft-04: Ajv 8 reads it once `id` becomes `$id`; its one pattern that is not valid under the
 * `u` flag needs unicodeRegExp off; its three formats are checked here.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { fixturePath } from '../helpers/fixtures.js';

const raw = JSON.parse(readFileSync(fixturePath('guardrails', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
const { $schema: _draft, id, ...rest } = raw;

const isUri = (s: string): boolean => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};

const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri', isUri);
ajv.addFormat('uri-reference', (s: string) => !/[\s\\]/.test(s) && (isUri(s) || isUri(`file:///${s}`)));
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
const validate = ajv.compile({ $id: String(id), ...rest });

/** Schema errors as readable lines (empty when valid). */
export const sarifErrors = (log: unknown): string[] =>
  validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

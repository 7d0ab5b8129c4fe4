/** Validates an Audit against docs/audit.schema.json, the published contract. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { REPO_ROOT } from './fixtures.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs/audit.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Returns the schema errors as readable lines (empty when valid). */
export const schemaErrors = (audit: unknown): string[] =>
  validate(audit) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

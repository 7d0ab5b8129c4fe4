/** Validates a Plan against docs/plan.schema.json with ajv (the reference) and census's own checker. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { firstSchemaProblem, type JsonSchema } from '../../src/util/json-schema.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

export const planSchema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs/plan.schema.json'), 'utf8')) as JsonSchema;
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(planSchema);

/** The schema problems of a plan, from both checkers, as readable lines (empty when valid). */
export const planSchemaErrors = (plan: unknown): string[] => {
  const fromAjv = validate(plan) ? [] : (validate.errors ?? []).map((e) => `ajv: ${e.instancePath || '/'} ${e.message ?? ''}`);
  const own = firstSchemaProblem(planSchema, plan);
  return [...fromAjv, ...(own === null ? [] : [`census: ${own}`])];
};

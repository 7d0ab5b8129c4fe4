/**
 * `census report` on a damaged or forged Audit: refused with the first problem named, exit 2, no
 * stack trace. The small schema checker census ships is held to ajv (the reference validator) on
 * a real Audit and on mutations of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { firstSchemaProblem, type JsonSchema } from '../../src/util/json-schema.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { schemaErrors } from '../helpers/schema.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { runCli } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs/audit.schema.json'), 'utf8')) as JsonSchema;

const demoAudit = async (): Promise<Record<string, unknown>> => JSON.parse(JSON.stringify((await scanDir(join(REPO_ROOT, 'examples/demo'), { duplicates: {} })).audit));

/** Every path to a value inside a JSON document, as keys. */
const pathsOf = (value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] => {
  out.push(prefix);
  if (Array.isArray(value)) value.slice(0, 3).forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
};

test('a real Audit passes both checkers; mutated ones fail or pass both alike', async () => {
  const audit = await demoAudit();
  assert.deepEqual(schemaErrors(audit), []);
  assert.equal(firstSchemaProblem(schema, audit), null);
  const paths = pathsOf(audit).filter((p) => p.length > 0);
  const replacement = fc.constantFrom<unknown>(null, 'text', -1, 1.5, 7, true, [], {}, ['x'], { extra: 1 });
  fc.assert(
    fc.property(fc.nat(paths.length - 1), replacement, fc.boolean(), (index, value, remove) => {
      const copy = structuredClone(audit);
      const path = paths[index];
      let parent: Record<string | number, unknown> = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const last = path[path.length - 1];
      if (remove && !Array.isArray(parent)) delete parent[last];
      else parent[last] = value;
      assert.equal(firstSchemaProblem(schema, copy) === null, schemaErrors(copy).length === 0, `at ${path.join('.')}`);
    }),
    { numRuns: 400 }, // fast-check's failure message names the seed and path to replay
  );
});

test('census report refuses a damaged Audit with the first problem and exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-report-'));
  try {
    const audit = await demoAudit();
    (audit.files as Record<string, unknown>[])[2].lines = 'many';
    writeFileSync(join(dir, 'audit.json'), JSON.stringify(audit));
    const r = runCli(['report', join(dir, 'audit.json'), '--format', 'md']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /is not a valid census Audit: files\[2\]\.lines: must be integer, not string/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

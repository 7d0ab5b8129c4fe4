/**
 * A small JSON Schema checker for the keywords census's own published schemas use (type,
 * properties, required, additionalProperties, items, enum, const, oneOf/anyOf, $ref into $defs,
 * minimum/maximum, minItems/maxItems, pattern, propertyNames). `census report` runs a saved Audit
 * through it before rendering, so a damaged or forged file is refused with the first problem named
 * (`files[3].lines: must be integer`) instead of a stack trace from deep inside a reporter.
 * Tests check the same documents with ajv, the reference validator.
 */

export type JsonSchema = { [keyword: string]: unknown };

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;

const typeMatches = (actual: string, wanted: string): boolean => actual === wanted || (wanted === 'number' && actual === 'integer');

const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first way `value` breaks `schema`, as `path: reason`, or null when it conforms. */
export const firstSchemaProblem = (schema: JsonSchema, value: unknown, root: JsonSchema = schema, path = ''): string | null => {
  const where = path === '' ? '(the document)' : path;
  if (typeof schema.$ref === 'string') {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(schema.$ref);
    const target = m ? (root[m[1]] as Record<string, unknown> | undefined)?.[m[2]] : undefined;
    if (!isSchema(target)) return `${where}: the schema's $ref ${schema.$ref} is not supported`;
    return firstSchemaProblem(target, value, root, path);
  }
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const wanted = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!wanted.some((w) => typeMatches(actual, w))) return `${where}: must be ${wanted.join(' or ')}, not ${actual}`;
  }
  if (schema.const !== undefined && JSON.stringify(value) !== JSON.stringify(schema.const)) return `${where}: must be ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return `${where}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = schema[keyword];
    if (!Array.isArray(options)) continue;
    const matching = options.filter((o) => isSchema(o) && firstSchemaProblem(o, value, root, path) === null).length;
    if (keyword === 'oneOf' ? matching !== 1 : matching === 0) {
      const first = options.map((o) => (isSchema(o) ? firstSchemaProblem(o, value, root, path) : null)).find((p) => p !== null);
      return first ?? `${where}: matches more than one of the allowed shapes`;
    }
  }
  if (actual === 'integer' || actual === 'number') {
    const n = value as number;
    if (typeof schema.minimum === 'number' && n < schema.minimum) return `${where}: must be at least ${schema.minimum}`;
    if (typeof schema.maximum === 'number' && n > schema.maximum) return `${where}: must be at most ${schema.maximum}`;
  }
  if (actual === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value as string)) {
    return `${where}: must match ${schema.pattern}`;
  }
  if (actual === 'array') {
    const items = value as unknown[];
    if (typeof schema.minItems === 'number' && items.length < schema.minItems) return `${where}: needs at least ${schema.minItems} items`;
    if (typeof schema.maxItems === 'number' && items.length > schema.maxItems) return `${where}: takes at most ${schema.maxItems} items`;
    if (isSchema(schema.items)) {
      for (let i = 0; i < items.length; i++) {
        const problem = firstSchemaProblem(schema.items, items[i], root, at(path, i));
        if (problem) return problem;
      }
    }
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const properties = isSchema(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
    for (const key of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
      if (!(key in object)) return `${at(path, key)}: is required`;
    }
    for (const [key, child] of Object.entries(object)) {
      if (isSchema(schema.propertyNames)) {
        const problem = firstSchemaProblem(schema.propertyNames, key, root, `${at(path, key)} (the key)`);
        if (problem) return problem;
      }
      const own = properties[key];
      if (own !== undefined) {
        const problem = firstSchemaProblem(own, child, root, at(path, key));
        if (problem) return problem;
      } else if (schema.additionalProperties === false) {
        return `${at(path, key)}: is not a field of this document`;
      } else if (isSchema(schema.additionalProperties)) {
        const problem = firstSchemaProblem(schema.additionalProperties, child, root, at(path, key));
        if (problem) return problem;
      }
    }
  }
  return null;
};

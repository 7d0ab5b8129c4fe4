/** `census report <audit.json>`: renders a saved Audit in any format, without scanning again. */
import type { Audit } from '../../model/audit.js';
import { SCHEMA_VERSION } from '../../model/audit.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import { UsageError } from '../../util/errors.js';
import { readPackageFile, readStdinOrNull, readTextOrNull } from '../../util/fs.js';
import type { JsonSchema } from '../../util/json-schema.js';
import { resolveAbsolute } from '../../util/path.js';
import { EXIT_OK, type Command } from '../command.js';

/** Reads a saved Audit, refusing anything that is not one census can render. */
const readAudit = async (file: string, cwd: string): Promise<Audit> => {
  // `-` is standard input: census scan --format json | census report - --format md
  const text = file === '-' ? readStdinOrNull() : readTextOrNull(resolveAbsolute(cwd, file));
  if (text === null) throw new UsageError(file === '-' ? 'cannot read standard input' : `cannot read ${file}`);
  if (file === '-' && text.trim() === '') throw new UsageError('standard input is empty; pipe an Audit in: census scan --format json | census report - --format md');
  let audit: Audit;
  try {
    audit = JSON.parse(text) as Audit;
  } catch (e) {
    throw new UsageError(`${file} is not JSON: ${(e as Error).message}`);
  }
  if (audit?.tool?.name !== 'census' || !Array.isArray(audit.files)) throw new UsageError(`${file} is not a census Audit (census scan --format json writes one)`);
  if (audit.schemaVersion !== SCHEMA_VERSION) throw new UsageError(`${file} has schemaVersion ${audit.schemaVersion}; this census reads ${SCHEMA_VERSION}`);
  // A damaged or forged Audit is refused with its first problem, not rendered into a stack trace.
  const schema = readPackageFile('docs/audit.schema.json');
  if (schema === null) throw new Error('docs/audit.schema.json is missing from the census package');
  const { firstSchemaProblem } = await import('../../util/json-schema.js');
  const problem = firstSchemaProblem(JSON.parse(schema) as JsonSchema, audit);
  if (problem !== null) throw new UsageError(`${file} is not a valid census Audit: ${problem}`);
  return audit;
};

export const reportCommand: Command = {
  name: 'report',
  summary: 're-render a saved Audit JSON in another format, without scanning again',
  usage: `census report <audit.json | -> ${formatUsage('audit')} [--output FILE] [--limit N] [--summary]`,
  options: ['format', 'output', 'limit', 'summary'],
  view: 'audit',
  run: async (args, io) => {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length > 0) throw new UsageError('usage: census report <audit.json> [--format FORMAT]');
    const format = formatFrom(args, 'audit', 'report');
    const audit = await readAudit(file, io.cwd);
    await emitView('audit', format, audit, args, io);
    return EXIT_OK;
  },
};

/**
 * A repo the size and shape of the user's first source document (../shared/seeds/000_*): 71
 * Python scripts of a legal-document pipeline, 11 of them loaded by the production batch run
 * through scripts/production_processor.py, the rest utilities, one-offs and old versions, with the
 * long names, deep folders and long command lines that make terminal output too wide. Generated
 * in a scratch folder, so tests can write baselines and history into it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { scratchDir } from './scratch.js';

const LOADED = ['config', 'intake_service', 'status_manager', 'audit_logger', 'cache', 'db', 'batch_tasks', 'logging_config'];
const VALIDATORS = ['ocr_validator', 'entity_validator', 'pipeline_validator'];
const CATEGORIES = ['legacy_document_processing', 'manual_verification_and_reconciliation', 'one_off_data_migrations_for_court_filings', 'experimental_entity_resolution'];

/** `count` files named like the seed's (long, descriptive) under a category folder. */
const utilityNames = (category: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `scripts/utilities/${category}/check_${category}_step_${String(i).padStart(2, '0')}_with_a_long_descriptive_name.py`);

export const makeLegalDocRepo = (): string => {
  const dir = scratchDir('census-legal-doc-');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('requirements.txt', 'celery==5.3.6\nredis==5.0.1\nsqlalchemy==2.0.25\n');
  write('README.md', `# Legal document pipeline\n\nRun the nightly batch with scripts/production_processor.py; ${'the intake, OCR, entity extraction and validation stages run in order and every stage writes its status to the database, '.repeat(3)}\n`);
  write('scripts/__init__.py', '');
  write('scripts/validation/__init__.py', '');
  for (const name of LOADED) write(`scripts/${name}.py`, `import logging\n\nLOG = logging.getLogger(${JSON.stringify(name)})\n`);
  for (const name of VALIDATORS) write(`scripts/validation/${name}.py`, 'from scripts import config\n');
  write('scripts/production_processor.py', [
    ...LOADED.map((n) => `from scripts import ${n}`),
    ...VALIDATORS.map((n) => `from scripts.validation import ${n}`),
    'import torch_document_layout_analysis_with_a_very_long_module_name_that_is_not_installed_anywhere',
    '',
    'if __name__ == "__main__":',
    '    batch_tasks.LOG.info("start")',
    '',
  ].join('\n'));
  let n = 0;
  for (const category of CATEGORIES) {
    for (const path of utilityNames(category, 14)) {
      // Every fourth one is a script someone runs by hand; the rest are dead.
      write(path, n++ % 4 === 0 ? 'import sys\n\nif __name__ == "__main__":\n    sys.exit(0)\n' : 'import os\n\nVALUE = os.sep\n');
    }
  }
  write('deploy/crontab', [
    `15 2 * * * /opt/legal-docs/venv/bin/python scripts/production_processor.py --batch nightly --priority-queues high,normal,low --log-file /var/log/legal-docs/nightly-batch.log >> /var/log/legal-docs/cron.log 2>&1`,
    `30 3 * * 0 /opt/legal-docs/venv/bin/python scripts/weekly_reconciliation_of_court_filings_that_was_moved_elsewhere.py --all-jurisdictions`,
    '',
  ].join('\n'));
  return dir;
};

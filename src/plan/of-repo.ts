/**
 * The plan of a scanned repository, as census plan and census_plan (MCP) both make it: dead files
 * are also looked for in every file's text (a mention keeps them in review), read within the
 * scan's --max-file-size.
 */
import type { Audit } from '../model/audit.js';
import type { Plan } from '../model/plan.js';
import { repoTextReader } from '../util/fs.js';
import { buildPlan } from './index.js';
import type { PlanOptions } from './options.js';

/** `folder`: only its items are listed ('' = the whole repo); the whole Audit is the evidence. */
export const planOfRepo = (audit: Audit, rootAbs: string, options: PlanOptions, folder = ''): Plan => {
  const readText = repoTextReader(rootAbs, { maxBytes: audit.options.maxFileSize, onTooLarge: () => {} });
  return buildPlan(audit, options, { readText, ...(folder !== '' ? { folder } : {}) });
};

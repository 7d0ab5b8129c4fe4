/**
 * CI jobs that deploy or publish are production roots; the rest (test, lint, build) are tooling.
 * A job deploys when its workflow/job/stage name says so, when a step uses a deploy or publish
 * action, when a command publishes (`npm publish`, `twine upload`, `docker push`, …), or when it
 * targets a production environment.
 */
import type { EntryKind } from '../../model/verdict.js';

const DEPLOY_WORD = /(^|[^a-z])(deploy|release|publish)/i;
const PUBLISH_COMMAND = /\b(npm|yarn|pnpm)\s+publish\b|\btwine\s+upload\b|\bdocker\s+push\b|\bpoetry\s+publish\b|\bgh\s+release\b|\bcargo\s+publish\b|\bkubectl\s+apply\b|\bhelm\s+(upgrade|install)\b/;
const DEPLOY_ACTION = /(deploy|release|publish|build-push)/i;
const PRODUCTION_ENVIRONMENT = /^prod(uction)?\b/i;

export interface CiJobFacts {
  names: (string | undefined)[];
  uses: string[];
  commands: string[];
  environment?: string;
}

export const ciJobKind = (job: CiJobFacts): EntryKind =>
  job.names.some((n) => n !== undefined && DEPLOY_WORD.test(n)) ||
  job.uses.some((u) => DEPLOY_ACTION.test(u)) ||
  job.commands.some((c) => PUBLISH_COMMAND.test(c) || DEPLOY_WORD.test(c)) ||
  (job.environment !== undefined && PRODUCTION_ENVIRONMENT.test(job.environment))
    ? 'production'
    : 'tooling';

/**
 * Reads a plan document (hand-edited, so any shape may arrive) into a Plan, or says every way it is
 * not one: not JSON, another planVersion, an unknown action, a missing `to`, a path that is absolute,
 * climbs out with `..` or names `.git`; then anything else docs/plan.schema.json forbids (a
 * misspelt field, a wrong type), named by its place. Nothing here looks at the repository.
 */
import { PLAN_ACTIONS, PLAN_VERSION, type Plan, type PlanAction, type PlanItem } from '../model/plan.js';
import { readPackageFile } from '../util/fs.js';
import { firstSchemaProblem, type JsonSchema } from '../util/json-schema.js';

let planSchema: JsonSchema | undefined;
const schema = (): JsonSchema => {
  if (planSchema === undefined) {
    const text = readPackageFile('docs/plan.schema.json');
    if (text === null) throw new Error('docs/plan.schema.json is missing from the census package');
    planSchema = JSON.parse(text) as JsonSchema;
  }
  return planSchema;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `path` is not a plain repo-relative path, or null when it is one. */
export const unsafePathReason = (path: string): string | null => {
  if (path === '') return 'is empty';
  if (path.includes('\0')) return 'holds a NUL byte';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) return 'is absolute; plan paths are relative to the repo root';
  if (path.includes('\\')) return 'holds a backslash; plan paths use /';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'climbs out of the repo with ..';
  if (segments.some((s) => s === '' || s === '.')) return 'is not a normalised path (empty or . segment)';
  if (segments.some((s) => s.toLowerCase() === '.git')) return 'is inside .git';
  return null;
};

/** The actions apply carries out; keep and review are never touched. */
export const ACTING: ReadonlySet<PlanAction> = new Set(['merge', 'archive', 'delete', 'move']);

export type LoadedPlan = { plan: Plan } | { problems: string[] };

export const loadPlan = (text: string, name: string): LoadedPlan => {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { problems: [`${name} is not valid JSON: ${(e as Error).message}`] };
  }
  if (!isObject(doc)) return { problems: [`${name} is not a plan: the document must be a JSON object`] };
  if (doc.planVersion !== PLAN_VERSION) {
    return { problems: [`${name} has planVersion ${JSON.stringify(doc.planVersion)}; this census reads planVersion ${PLAN_VERSION} (make a new plan with census plan)`] };
  }
  if (!Array.isArray(doc.items)) return { problems: [`${name}: items must be a list`] };
  const problems: string[] = [];
  const archiveDir = doc.archiveDir === undefined ? 'archive' : doc.archiveDir;
  if (typeof archiveDir !== 'string') problems.push(`${name}: archiveDir must be a string`);
  else {
    const why = unsafePathReason(archiveDir.replace(/\/+$/, ''));
    if (why) problems.push(`${name}: archiveDir "${archiveDir}" ${why}`);
  }
  const items: PlanItem[] = [];
  const seen = new Set<string>();
  doc.items.forEach((raw, i) => {
    const where = `items[${i}]`;
    if (!isObject(raw)) return void problems.push(`${where} is not an object`);
    const path = raw.path;
    if (typeof path !== 'string') return void problems.push(`${where}: path must be a string`);
    const label = `${where} (${path})`;
    const action = raw.action;
    if (typeof action !== 'string' || !(PLAN_ACTIONS as readonly string[]).includes(action)) {
      return void problems.push(`${label}: unknown action ${JSON.stringify(action)}; use one of ${PLAN_ACTIONS.join(', ')}`);
    }
    const item = { ...raw, path, action } as PlanItem;
    items.push(item);
    if (!ACTING.has(item.action)) return;
    const why = unsafePathReason(path);
    if (why) problems.push(`${label}: the path ${why}`);
    if (seen.has(path)) problems.push(`${label}: the file has more than one item that changes it`);
    seen.add(path);
    if (typeof raw.hash !== 'string' || !/^[0-9a-f]{16}$/.test(raw.hash)) problems.push(`${label}: hash must be the 16 hex digits census records for the file`);
    if (raw.to !== undefined && typeof raw.to !== 'string') problems.push(`${label}: to must be a string`);
    if (item.action !== 'delete' && typeof raw.to !== 'string') {
      problems.push(`${label}: ${item.action} needs \`to\` (${item.action === 'merge' ? 'the keeper' : item.action === 'archive' ? 'its place under the archive folder' : 'the destination'})`);
    }
    if (typeof raw.to === 'string') {
      const toWhy = unsafePathReason(raw.to);
      if (toWhy) problems.push(`${label}: to "${raw.to}" ${toWhy}`);
      else if (raw.to === path) problems.push(`${label}: to is the file itself`);
    }
  });
  if (problems.length > 0) return { problems };
  // The clear sentences above come first; the schema catches the rest of what a hand edit can break.
  const problem = firstSchemaProblem(schema(), doc);
  if (problem !== null) return { problems: [`${name} is not a valid census plan: ${problem}`] };
  return { plan: { ...(doc as unknown as Plan), archiveDir: (archiveDir as string).replace(/\/+$/, ''), items } };
};

/**
 * `census check --format sarif`: SARIF 2.1.0 for code scanning. One rule per finding category;
 * one result per current finding, marked `baselineState` new or unchanged, located at the import
 * or command line (line 1 for a whole file), with the finding key as a partial fingerprint so an
 * alert follows the finding when lines move. An incomplete analysis is a tool notification.
 */
import { FINDING_CATEGORIES, type CheckResult, type Finding, type FindingCategory } from '../../model/findings.js';
import { repoPath, type CheckView } from './check-view.js';

type Level = 'error' | 'warning' | 'note';

interface RuleText {
  name: string;
  level: Level;
  description: string;
}

const RULES: Record<FindingCategory, RuleText> = {
  dead: { name: 'DeadFile', level: 'warning', description: 'A source file that no entry point, import, command or documentation reaches.' },
  'broken-internal': { name: 'BrokenInternalImport', level: 'error', description: 'An import of a repo module that does not exist, or is not on the importer\'s import path.' },
  'missing-name': { name: 'MissingImportedName', level: 'error', description: 'An import of a name that the repo module does not define, assign, import or export.' },
  'stdlib-removed': { name: 'RemovedStdlibModule', level: 'error', description: 'An import of a standard-library module the target Python no longer has.' },
  'exec-not-found': { name: 'CommandRunsMissingFile', level: 'error', description: 'A command line (unit, Dockerfile, CI step, script, subprocess) runs a repo file that does not exist.' },
  'missing-from-environment': { name: 'DependencyNotInstalled', level: 'warning', description: 'A third-party package that a manifest declares but the analysed environment does not have.' },
  undeclared: { name: 'UndeclaredDependency', level: 'warning', description: 'A third-party package that no manifest declares (or a dev dependency production code imports).' },
  optional: { name: 'OptionalImport', level: 'note', description: 'A failing import inside try/except ImportError or try/catch: the code handles its absence.' },
  'type-only': { name: 'TypeOnlyImport', level: 'note', description: 'A failing import used only for type checking; it never runs.' },
  'duplicate-exact': { name: 'ExactCopy', level: 'warning', description: 'Files with the same name and the same content in different folders.' },
  'duplicate-renamed': { name: 'RenamedCopy', level: 'warning', description: 'Files with the same content under different names.' },
  'duplicate-same-name': { name: 'DivergedCopy', level: 'warning', description: 'Files with the same name whose content diverged.' },
  'duplicate-near': { name: 'NearDuplicate', level: 'warning', description: 'Files whose code is mostly the same.' },
  'duplicate-block': { name: 'SharedBlock', level: 'warning', description: 'A long block of code shared between files.' },
  'duplicate-overlap': { name: 'CrossLanguageOverlap', level: 'note', description: 'Files in different languages that may do the same job (a hint, not a certainty).' },
};

const tagOf = (c: FindingCategory): string =>
  c.startsWith('duplicate-') ? 'duplicates' : c === 'dead' ? 'dead-code' : c === 'exec-not-found' ? 'wiring' : 'imports';

const uriOf = (path: string, view: CheckView): string => repoPath(path, view).split('/').map(encodeURIComponent).join('/');

const location = (file: string, line: number, view: CheckView) => ({
  physicalLocation: { artifactLocation: { uri: uriOf(file, view), uriBaseId: '%SRCROOT%' }, region: { startLine: Math.max(1, line) } },
});

const toResult = (f: Finding, state: 'new' | 'unchanged', view: CheckView) => ({
  ruleId: f.category,
  ruleIndex: FINDING_CATEGORIES.indexOf(f.category),
  level: RULES[f.category].level,
  message: { text: f.message },
  locations: [location(f.file, f.line, view)],
  ...(f.related && f.related.length > 0 ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r, 1, view) })) } : {}),
  partialFingerprints: { 'censusFindingKey/v1': f.key },
  baselineState: state,
});

export const renderCheckSarif = (view: CheckView): string => {
  const { result, version } = view;
  const notifications = [
    ...result.incomplete.files.map((file) => ({
      level: 'warning' as const,
      message: { text: `${file} could not be read or parsed fully; its findings may be missing` },
      locations: [location(file, 1, view)],
    })),
    ...result.incomplete.crashes.map((d) => ({
      level: 'error' as const,
      message: { text: `${d.message} [${d.id}]` },
      ...(d.location ? { locations: [location(d.location.file, d.location.line ?? 1, view)] } : {}),
    })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'census',
            version,
            rules: FINDING_CATEGORIES.map((id) => ({
              id,
              name: RULES[id].name,
              shortDescription: { text: RULES[id].description },
              defaultConfiguration: { level: RULES[id].level },
              properties: { tags: ['census', tagOf(id)] },
            })),
          },
        },
        invocations: [{ executionSuccessful: result.status !== 'incomplete', ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        results: [...result.new.map((f) => toResult(f, 'new', view)), ...result.unchanged.map((f) => toResult(f, 'unchanged', view))],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

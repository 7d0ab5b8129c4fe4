/**
 * Changesets reads .changeset/config.json; its `changelog` and `commit` options may name local
 * modules (`["./changelog.js", { repo }]`, relative to .changeset/), which it requires when
 * versioning. Those are tooling roots.
 */
import { toolPathsReader } from './tool-paths.js';

export default toolPathsReader(
  { id: 'changesets', tool: 'Changesets', names: /^config\.json$/, folder: '.changeset', keys: ['changelog', 'commit'] },
  'Changesets (local changelog and commit modules of .changeset/config.json)',
);

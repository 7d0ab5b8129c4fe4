/** Which project a file belongs to, and the one-project repo whose locator answers without walking folders (issue 19). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneProject, projectLocator } from '../../src/classify/projects.js';
import type { FileRecord } from '../../src/model/file.js';

const file = (path: string): FileRecord => ({ path, language: 'python', bytes: 1, lines: 1, codeLines: 1, hash: '0', executable: false });

/** The walk the one-project locator stands for: the folder of the nearest manifest at or above the file's folder. */
const nearestManifest = (paths: readonly string[], path: string): string => {
  const roots = new Set(paths.filter((p) => /(^|\/)(package\.json|pyproject\.toml)$/.test(p)).map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')));
  for (let dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''; ; dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
    if (dir === '' || roots.has(dir)) return dir;
  }
};

test('projectLocator: a repo whose only manifests are at its root (or none) is one project, and every file is the repo\'s', () => {
  for (const paths of [
    ['pyproject.toml', 'package.json', 'app/models.py', 'app/sub/views.py', 'x.py'],
    ['app/models.py', 'app/sub/views.py'],
    // A name that only ends like a manifest is not one.
    ['pyproject.toml', 'app/mypackage.json', 'app/not-pyproject.toml', 'app/sub/views.py'],
  ]) {
    const locate = projectLocator(paths.map(file));
    assert.equal(oneProject(locate), true, paths.join(' '));
    for (const p of paths) assert.equal(locate(p), nearestManifest(paths, p), p);
  }
});

test('projectLocator: a manifest below the root makes projects, each file in its nearest one', () => {
  const paths = ['pyproject.toml', 'app/models.py', 'examples/demo/package.json', 'examples/demo/src/index.js', 'examples/other.js'];
  const locate = projectLocator(paths.map(file));
  assert.equal(oneProject(locate), false);
  for (const p of paths) assert.equal(locate(p), nearestManifest(paths, p), p);
  assert.equal(locate('examples/demo/src/index.js'), 'examples/demo');
});

/**
 * Review s66-rv2: stop 66's launch readers on one 200 KB line. Each case once ran an `$`-anchored or
 * lazy regex at every start of the line (quadratic: minutes, or hours); each scan must now finish
 * under the hang guard, and the real shape beside it must still be read.
 *   - subclass-prefixes: `    packages = x<200 KB of spaces>y` in a subclass body (`(.+?)\s*(?:#.*)?$`).
 *   - config-bin-dirs: `a.a.a…b os.path.join(config.BIN_DIR, 'runner')` (the module strip before the join).
 *   - handed-paths: handedTo on `aaaa… f(os.path.join(here, 'x.py'))` (package-data hands it lines of
 *     300 chars at most today, so this one is latent: the function is exported and guards itself).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanDir } from '../helpers/scan-fixture.js';
import { writeTree, type Tree } from './pathological-cases.js';
import { handedTo } from '../../src/frameworks/python/handed-paths.js';

/** A hang guard, not a budget. */
const HANG_GUARD = { timeout: 120_000 };
const LONG = 200_000;

const scan = async (tree: Tree): Promise<Map<string, string>> => {
  const repo = mkdtempSync(join(tmpdir(), 'census-s66-long-'));
  try {
    writeTree(repo, tree);
    const { audit } = await scanDir(repo);
    return new Map(audit.files.map((f) => [f.path, f.verdict ?? ""]));
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
};

const LOADER = `from importlib import import_module


class LanguageImporter:
    packages = ('dl.languages.', '')

    def import_from_packages(self, name):
        for package in self.packages:
            try:
                return import_module(package+name)
            except ImportError:
                continue

    def __call__(self, code):
        for tag in code.split(','):
            tag = tag.replace('-', '_')
            module = self.import_from_packages(tag)
            if module is not None:
                return module


get_language = LanguageImporter()
`;

test('subclass-prefixes: a subclass attribute line of 200 KB of spaces ends the scan, and the real subclass still opens its package', HANG_GUARD, async () => {
  const verdicts = await scan({
    'dl/__init__.py': '',
    'dl/languages/__init__.py': LOADER,
    'dl/languages/en.py': 'X = 1\n',
    'dl/rst/__init__.py': '',
    'dl/rst/languages/__init__.py': "from dl.languages import LanguageImporter\n\n\nclass Rst(LanguageImporter):\n    packages = ('dl.rst.languages.', '')  # its own\n\n\nget_language = Rst()\n",
    'dl/rst/languages/de.py': 'X = 1\n',
    'dl/long.py': `from dl.languages import LanguageImporter\n\n\nclass Long(LanguageImporter):\n    packages = x${' '.repeat(LONG)}y\n`,
    'main.py': 'from dl.languages import get_language\nfrom dl.rst.languages import get_language as rst\n\nif __name__ == "__main__":\n    print(get_language("de"), rst("de"))\n',
  });
  // Reached from main.py's guard through the subclass's packages (manual, as in python-loader-wrappers-loop-prefixes).
  assert.equal(verdicts.get('dl/rst/languages/de.py'), 'manual');
});

test('config-bin-dirs: a 200 KB dotted run before a bin_dir join ends the scan, and the real launch is still read', HANG_GUARD, async () => {
  const lib = 'usr/lib/python3/dist-packages/mm';
  const verdicts = await scan({
    'usr/share/mm/mm.cfg.sample': '[paths.debian]\nbin_dir: /usr/lib/mm/bin\n',
    'usr/lib/mm/bin/runner': '#!/usr/bin/python3\nimport sys\nprint(sys.argv)\n',
    'usr/lib/mm/bin/other': '#!/usr/bin/python3\nimport sys\nprint(sys.argv)\n',
    'usr/bin/mm': '#!/usr/bin/python3\nfrom mm.master import main\nmain()\n',
    [`${lib}/__init__.py`]: '',
    [`${lib}/config.py`]: 'class Config:\n    BIN_DIR = None\n\n\nconfig = Config()\n',
    [`${lib}/master.py`]: `import os\nimport sys\n\nfrom mm.config import config\n\n\ndef main():\n    exe = os.path.join(config.BIN_DIR, 'runner')\n    os.execl(*[sys.executable, sys.executable, exe])\n\n\nX = ${'a.'.repeat(LONG / 2)}b or os.path.join(config.BIN_DIR, 'other')\n`,
  });
  assert.equal(verdicts.get('usr/lib/mm/bin/runner'), 'production');
});

test('handed-paths: handedTo on a 200 KB line ends, and names the callee of a short one', HANG_GUARD, () => {
  const line = `${'a'.repeat(LONG)} f(os.path.join(here, 'x.py'))`;
  assert.equal(handedTo(line, line.indexOf("'x.py'")), 'f');
  const short = "    return makeExecutable(os.path.join(here, 'x.py'))";
  assert.equal(handedTo(short, short.indexOf("'x.py'")), 'makeExecutable');
});

/**
 * extract/kept-texts.ts: the JS/TS, JSON and YAML texts extraction keeps for the framework readers and the manifest store. A kept text is
 * what `fs.readFileSync(path, 'utf8')` answers for the file (a text decoded with a note, or from
 * bytes with a byte order mark, which decoding drops, is never kept), and the policy keeps what
 * readers read (a text holding a pre-tested word, a small one), not a large unmarked one or
 * another language's. Where the policy stops: a text one character over the size without a mark.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanFile, type ScanRequest } from '../../src/extract/scan-file.js';
import { keptTexts } from '../../src/extract/kept-texts.js';
import type { Language } from '../../src/model/file.js';
import { scratchDir } from '../helpers/scratch.js';

const UNMARKED_MAX = 4096;

test('kept texts: marked or small JS/TS texts and JSON and YAML ones, each as a plain UTF-8 read answers it', () => {
  const root = scratchDir('census-kept-texts-');
  const filler = (n: number): string => `export const x = 1;\n${'// plain words\n'.repeat(Math.ceil(n / 15))}`.slice(0, n);
  const files: Record<string, { text: string | Buffer; language: Language; kept: boolean }> = {
    'marked.ts': { text: `import { join } from 'node:path';\nexport const dir = join(__dirname, 'views');\n${filler(20_000)}`, language: 'typescript', kept: true },
    'small.ts': { text: `export const collection = { slug: 'users' };\n`, language: 'typescript', kept: true },
    'at-limit.js': { text: filler(UNMARKED_MAX), language: 'javascript', kept: true },
    'over-limit.js': { text: filler(UNMARKED_MAX + 1), language: 'javascript', kept: false },
    'unicode.ts': { text: `export const s = '日本語 — ok';\n`, language: 'typescript', kept: true },
    'bom.ts': { text: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export const b = 1;\n')]), language: 'typescript', kept: false },
    'latin1.js': { text: Buffer.from([0x76, 0x61, 0x72, 0x20, 0x73, 0x3d, 0x27, 0xe9, 0x27, 0x3b, 0x0a]), language: 'javascript', kept: false },
    'script.py': { text: `import os\nprint(os.path.dirname(__file__))\n`, language: 'python', kept: false },
    // Manifests and configs, at any size (stop 55); with a byte order mark, not
    'package.json': { text: `{ "name": "a", "main": "./index.js", "description": "${'x'.repeat(UNMARKED_MAX)}" }\n`, language: 'json', kept: true },
    'pnpm-workspace.yaml': { text: `packages:\n  - 'packages/*'\n`, language: 'yaml', kept: true },
    'bom.json': { text: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}\n')]), language: 'json', kept: false },
    'Cargo.toml': { text: `[package]\nname = "a"\n`, language: 'toml', kept: false },
  };
  const texts = keptTexts();
  for (const [path, f] of Object.entries(files)) {
    const abs = join(root, path);
    writeFileSync(abs, f.text);
    const bytes = readFileSync(abs).length;
    const req: ScanRequest = { path, abs, bytes, executable: false, symlink: false, language: f.language };
    scanFile(req, { maxFileSize: 1_000_000 }, undefined, texts.keep);
  }
  for (const [path, f] of Object.entries(files)) {
    const kept = texts.get(path);
    assert.equal(kept !== undefined, f.kept, `${path} kept`);
    if (kept !== undefined) assert.equal(kept, readFileSync(join(root, path), 'utf8'), `${path}: as a plain read`);
  }
  texts.release();
  assert.equal(texts.get('small.ts'), undefined, 'nothing after release');
});

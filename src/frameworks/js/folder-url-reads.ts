/**
 * Stop 66: a module that names a folder of its package by a folder URL off its own place and reads
 * the files below it by paths it computes. @redocly/cli's lib/index.js (an esbuild bundle) finds its
 * ejectable generators with `fileURLToPath(new URL("./eject-assets/", import.meta.url))` inside a
 * function that returns the folder, lists `join(dir, "generators", name)` with `readdirSync` and
 * reads each listed `.ts` file (`readFileSync(join(dir, "generators", name, file))`) to write it
 * into the user's project: `redocly eject-generator go` copies `lib/eject-assets/generators/go/*`.
 * No path names one of those files, and the names the module binds (`fileURLToPath as Ts`,
 * `join as U`, `readdirSync as gr`) are the bundler's, so no reader of a join or a listing follows
 * the folder from the URL to the reads: census called 66 generator sources dead.
 *
 * Read from the text: a `new URL('<./ or ../ path>', import.meta.url)` naming a folder of the repo
 * below the module's folder's parent chain (not the module's own folder or a folder above it: that
 * would name the module's siblings), in a module that both lists folders (`readdir`, `readdirSync`,
 * `opendir`) and reads or copies files (`readFile*`, `createReadStream`, `cp`, `cpSync`, `copyFile*`)
 * — called so by any name its import gives them. Every code file below the folder (test files left
 * out) is a reference from the module, with the URL's line: a file read as data lives by its reader,
 * as folder-constants.ts says of a constant's literal paths. A folder URL in a module that only
 * lists, only reads, or does neither, adds nothing; a test file's folder URLs add nothing, nor does
 * a URL or an fs name in a comment.
 */
import { dirname, joinRepo } from '../../util/path.js';
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { lineCounter } from '../../util/lines.js';
import { blankedText } from './blanked-texts.js';
import { perScan } from '../per-scan.js';
import type { FrameworkReader } from '../types.js';
import { codeFilesMarked, labelledReferences, type LabelledReference } from './support.js';

/** A URL off the module's own place, its path relative (`./eject-assets/`, `../templates`). */
const FOLDER_URL = /new\s+URL\(\s*(["'`])(\.{1,2}\/[^"'`$\\\n]*)\1\s*,\s*import\.meta\.url\s*\)/g;
/** Node's fs listing functions, imported or called on the module: any name the import binds them to. */
const LISTS = /\b(?:readdirSync|readdir|opendirSync|opendir)\b/;
/** fs functions that read a file's bytes or copy it. */
const READS = /\b(?:readFileSync|readFile|createReadStream|cpSync|cp|copyFileSync|copyFile)\b/;
const CODE = /\.[cm]?[jt]sx?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)__tests__\//;

const reads = perScan((ctx): LabelledReference[] => {
  const out: LabelledReference[] = [];
  for (const file of codeFilesMarked(ctx, ['readdir'])) {
    if (TEST_FILE.test(file) || file.includes('node_modules/')) continue;
    const text = ctx.readText(file) ?? '';
    if (!text.includes('import.meta.url') || !LISTS.test(text) || !READS.test(text)) continue;
    // Read in the comment-blanked text (same offsets): a URL or an fs name in a comment is no code.
    const code = blankedText(ctx, file, text);
    if (!LISTS.test(code) || !READS.test(code)) continue;
    const own = dirname(file);
    const lineOf = lineCounter(text);
    for (const m of code.matchAll(FOLDER_URL)) {
      const folder = joinRepo(own, m[2].replace(/\/+$/, ''));
      if (folder === null || folder === '' || folder === own || own.startsWith(`${folder}/`) || !isFolder(ctx.files, folder)) continue;
      const line = lineOf(m.index ?? 0);
      for (const target of pathsWithPrefix(ctx.files, `${folder}/`)) {
        if (!CODE.test(target) || TEST_FILE.test(target) || target.includes('node_modules/')) continue;
        out.push({
          from: file,
          target,
          line,
          label: `${file}:${line}, which names the folder ${folder}/ by a URL off its own place (new URL(${m[1]}${m[2]}${m[1]}, import.meta.url)) and lists and reads files by computed paths: read as data`,
        });
      }
    }
  }
  return out;
});

const folderUrlReads: FrameworkReader = {
  id: 'folder-url-reads',
  title: "files below a folder a module names by a URL off its own place and lists and reads (an ejectable template folder)",
  ecosystem: 'javascript',
  ...labelledReferences(reads),
};

export default folderUrlReads;

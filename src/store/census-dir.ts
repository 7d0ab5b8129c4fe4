/**
 * The one gate for writes into the audited repository: everything census keeps there lives under
 * `.census/`, and a repository can commit symlinks. A `.census` that is a symlink, a folder below
 * it that is one, or a file census is about to write or open that is one would redirect the write
 * anywhere the user can write (their shell profile, an SSH key). So census refuses: any symlink on
 * the way is a ConfigError naming it, files are created exclusively under random temp names (an
 * exclusive create never follows a link) and renamed into place (a rename replaces the name, never
 * a link's target).
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../util/errors.js';
import { dirnameAbsolute, joinAbsolute } from '../util/path.js';

export const CENSUS_DIR = '.census';

/**
 * Written when census creates `.census/`, so its history and traces never show up as changes (and
 * never make a recorded run "dirty"); the baseline is meant to be committed, so it is not ignored.
 */
const CENSUS_GITIGNORE = '# Written by census. The history, the traces and this file stay out of git; commit baseline.json.\n*\n!baseline.json\n';

const lstatOrNull = (abs: string): fs.Stats | null => {
  try {
    return fs.lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError(`${abs}: cannot inspect it (${(e as Error).message})`);
  }
};

const refuseLink = (shown: string): never => {
  throw new ConfigError(`${shown} is a symlink; census does not write through links in .census/ (they could point anywhere). Remove it, and keep .census/ out of the repository's committed files`);
};

/**
 * Makes sure every folder of `rel` (a path under `.census/`, e.g. `.census/traces/nightly.json`)
 * is a real folder inside the root, creating missing ones, and that the file itself, when it
 * exists, is not a symlink. Returns the file's absolute path.
 */
export const prepareCensusPath = (rootAbs: string, rel: string, options: { create: boolean } = { create: true }): string => {
  const parts = rel.split('/');
  if (parts[0] !== CENSUS_DIR || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new ConfigError(`${rel}: census keeps its files under ${CENSUS_DIR}/ only`);
  }
  let abs = rootAbs;
  for (let i = 0; i < parts.length - 1; i++) {
    abs = joinAbsolute(abs, parts[i]);
    const shown = parts.slice(0, i + 1).join('/');
    const stat = lstatOrNull(abs);
    if (stat === null) {
      if (!options.create) break;
      try {
        fs.mkdirSync(abs);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new ConfigError(`${shown}: cannot create it (${(e as Error).message})`);
      }
      if (lstatOrNull(abs)?.isDirectory() !== true) refuseLink(shown);
      if (i === 0) writeFileExclusive(joinAbsolute(abs, '.gitignore'), CENSUS_GITIGNORE);
      continue;
    }
    if (stat.isSymbolicLink()) refuseLink(shown);
    if (!stat.isDirectory()) throw new ConfigError(`${shown} is not a folder; census keeps its files in it`);
  }
  const file = joinAbsolute(rootAbs, rel);
  if (lstatOrNull(file)?.isSymbolicLink()) refuseLink(rel);
  return file;
};

/** Write a file under `.census/` atomically, never through a symlink. */
export const writeCensusFile = (rootAbs: string, rel: string, text: string | Iterable<string | Uint8Array>): void => {
  const abs = prepareCensusPath(rootAbs, rel);
  writeFileExclusive(abs, text);
};

const writePiece = (fd: number, piece: string | Uint8Array): void => {
  if (typeof piece === 'string') {
    fs.writeSync(fd, piece);
    return;
  }
  for (let done = 0; done < piece.length; ) done += fs.writeSync(fd, piece, done, piece.length - done);
};

/**
 * Write `abs` by creating a temp file beside it exclusively (random name, `wx`: fails on any
 * existing name, link or not) and renaming it over `abs`, so a reader never sees half a file.
 */
export const writeFileExclusive = (abs: string, text: string | Iterable<string | Uint8Array>): void => {
  const temp = joinAbsolute(dirnameAbsolute(abs), `.${randomBytes(8).toString('hex')}.census-tmp`);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
  } catch (e) {
    throw new ConfigError(`${abs}: cannot write it (${(e as Error).message})`);
  }
  try {
    if (typeof text === 'string') fs.writeSync(fd, text);
    else for (const piece of text) writePiece(fd, piece);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw new ConfigError(`${abs}: cannot write it (${(e as Error).message})`);
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, abs);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new ConfigError(`${abs}: cannot write it (${(e as Error).message})`);
  }
};

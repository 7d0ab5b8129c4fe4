/**
 * Seals tell a cache file census wrote on this machine from one that arrived with the repository.
 * A checksum cannot: whoever commits `.census/cache/` can compute it. So after renaming a file
 * into place census records the file's inode, modification time (nanoseconds) and size in a
 * `<name>.seal` beside it; a clone, checkout or unpacked archive creates the file anew with an
 * inode and time nobody could predict when committing, and its seal no longer matches: the file
 * is ignored and rewritten. A file whose seal does not match costs one cold run, nothing more.
 */
import fs from 'node:fs';
import { prepareCensusPath, writeCensusFile } from '../store/census-dir.js';

const SEAL_MAX_BYTES = 256;

const sealOfStats = (st: fs.BigIntStats): string => `census-seal ${st.ino} ${st.mtimeNs} ${st.size}\n`;

/** Record the seal of `.census/…/rel`, just written. Throws what census-dir throws. */
export const writeSeal = (rootAbs: string, rel: string): void => {
  const abs = prepareCensusPath(rootAbs, rel);
  writeCensusFile(rootAbs, `${rel}.seal`, sealOfStats(fs.lstatSync(abs, { bigint: true })));
};

/** True when the open file `fd` (of `.census/…/rel`) is the one census sealed. */
export const hasSeal = (rootAbs: string, rel: string, fd: number): boolean => {
  let seal: string;
  try {
    const abs = prepareCensusPath(rootAbs, `${rel}.seal`, { create: false });
    const sealFd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      const buf = Buffer.alloc(SEAL_MAX_BYTES);
      const n = fs.readSync(sealFd, buf, 0, SEAL_MAX_BYTES, 0);
      seal = buf.subarray(0, n).toString('latin1');
    } finally {
      fs.closeSync(sealFd);
    }
  } catch {
    return false;
  }
  return seal === sealOfStats(fs.fstatSync(fd, { bigint: true }));
};

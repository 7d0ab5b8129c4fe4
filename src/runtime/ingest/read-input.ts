/** Read an evidence file or folder once, in the shapes the format readers look at. */
import { UsageError } from '../../util/errors.js';
import { isDirectory, readBytes, readDirNames, readTextOrNull } from '../../util/fs.js';
import { joinAbsolute } from '../../util/path.js';
import type { EvidenceInput } from './types.js';

const BINARY_SNIFF_BYTES = 8000;

/** Every JSON format census reads is an object; a `[` may just start a log line. */
const looksJsonObject = (text: string): boolean => /^\s*\{/.test(text);

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false; message: string } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
};

const readFolder = (name: string, absPath: string): EvidenceInput => {
  const jsonFiles: { name: string; json: unknown }[] = [];
  for (const entry of readDirNames(absPath)) {
    if (!entry.endsWith('.json')) continue;
    const text = readTextOrNull(joinAbsolute(absPath, entry));
    const parsed = text === null ? null : parseJson(text);
    if (parsed?.ok) jsonFiles.push({ name: entry, json: parsed.value });
  }
  return { name, absPath, kind: 'dir', bytes: null, text: null, jsonFiles };
};

export const readEvidenceInput = (name: string, absPath: string): EvidenceInput => {
  if (isDirectory(absPath)) return readFolder(name, absPath);
  const read = readBytes(absPath);
  if ('error' in read) throw new UsageError(`cannot read runtime evidence ${name}: ${read.error === 'file disappeared during the scan' ? 'no such file' : read.error}`);
  const bytes = read.bytes;
  const binary = bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
  const text = binary ? null : bytes.toString('utf8').replace(/^\uFEFF/, '');
  const input: EvidenceInput = { name, absPath, kind: 'file', bytes, text };
  if (text !== null && looksJsonObject(text)) {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new UsageError(`runtime evidence ${name} looks like JSON but does not parse: ${parsed.message}`);
    input.json = parsed.value;
  } else if (text !== null && /^\s*\[/.test(text)) {
    const parsed = parseJson(text);
    if (parsed.ok) input.json = parsed.value;
  }
  return input;
};

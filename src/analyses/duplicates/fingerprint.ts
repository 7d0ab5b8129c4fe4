/**
 * A file's duplicate-detection fingerprint by its language (fingerprint-text.ts makes it from the
 * tokenizer mode the language's record names), and the line map lookups over it.
 */
import type { Language } from '../../model/file.js';
import { languageRecord } from '../../languages/registry.js';
import type { TokenMode } from '../../languages/types.js';
import { DEFAULT_FINGERPRINT_OPTIONS, fingerprintText, type FileFingerprint, type FingerprintOptions } from './fingerprint-text.js';

export { DEFAULT_FINGERPRINT_OPTIONS, lineOfToken, normalizedContentHash, type FileFingerprint, type FingerprintOptions } from './fingerprint-text.js';

/** The tokenizer mode of a language's record (JS for a language that names none). */
export const tokenModeOf = (language: Language): TokenMode => languageRecord(language)?.tokens ?? 'js';

/** `code` is the text's code alone when the file mixes code and markup (its record's codeView); the content hash stays the whole file's. */
export const fingerprintFile = (path: string, text: string, language: Language, options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS, code: string = text): FileFingerprint =>
  fingerprintText(path, text, tokenModeOf(language), options, code);

/** Only source files are compared (those whose record names a token mode): duplicated docs and configs are not what this analysis is for. */
export const isFingerprinted = (language: Language): boolean => languageRecord(language)?.tokens !== undefined;

/**
 * Whether a module may hold something pytest or unittest collects (entries/support/pytest-discovery.ts
 * asks it of every file whose name pytest would collect). Generous on purpose: a test function or
 * method, a `Test*` class or one whose bases name a test case, a `test*` name bound by assignment, a
 * star import (tests re-exported), pytest-bdd `scenarios(...)`, `load_tests`.
 *
 * The question is about the file's text as a detector reads it (Node's UTF-8, a BOM kept, invalid
 * bytes replaced), so extraction answers it only when its decoded text is exactly that: valid
 * UTF-8 without a BOM (extract/scan-file.ts's `asRead`). It answers for test-like names only
 * (`test*.py`, `*test.py`): running the pattern over every Python file would cost more than the
 * reads it saves. A file without the answer is read again by the detector.
 */
const MAY_HOLD_TESTS = /^[ \t]*(?:(?:async[ \t]+)?def[ \t]+test|class[ \t]+(?:Test|\w+[ \t]*\([^)]*(?:Test|Case)))|^[ \t]*test\w*[ \t]*(?::[^=\n]*)?=|\bimport[ \t]+\*|\bscenarios?\(|\bload_tests\b/m;

export const holdsTests = (text: string): boolean => MAY_HOLD_TESTS.test(text);

/** A file name pytest's default patterns or unittest's `test*.py` may collect. */
export const isTestLikeName = (name: string): boolean => name.endsWith('.py') && (name.startsWith('test') || name.endsWith('test.py'));

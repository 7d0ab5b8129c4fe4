/**
 * The strings of a file's facts that extract/shared-strings.ts does not share, made strings of
 * their own. A string the extractor cuts from the text (a literal's value, a summary line, a
 * function name) is a V8 slice that keeps the file's whole text alive for as long as the facts
 * live (the whole scan), and the text is copied out of the young generation with it. On saleor,
 * extracted on the main thread, 498 test files' texts (14 MB) were held by dottedStrings' values
 * alone, and 24 MB of text in all by these fields: the facts of its 4,338 .py files held 33 MB
 * after a full collection (a heap snapshot's slices by retainer, stop 61). Same values: no
 * extractor version change. A worker's facts arrive as copies already; this costs a copy of the
 * few long strings there. The fields: every string of FileFacts the Python extractor fills but
 * imports' specifiers and names, references and definitions (shared there), and diagnostics.
 */
import type { FileFacts } from '../../model/facts.js';
import { ownString } from '../../util/own-string.js';

export const ownFactStrings = (facts: FileFacts): void => {
  for (const fact of facts.imports) {
    if (fact.within !== undefined) fact.within = ownString(fact.within);
    // `except ModuleNotFoundError:` (19 characters: a slice) in one file of three that import optionally
    if (fact.handles !== undefined) for (let i = 0; i < fact.handles.length; i++) fact.handles[i] = ownString(fact.handles[i]);
  }
  for (const c of facts.commands) {
    c.command = ownString(c.command);
    if (c.cwd !== undefined) c.cwd = ownString(c.cwd);
  }
  if (facts.importRoots) for (const r of facts.importRoots) r.dir = ownString(r.dir);
  if (facts.summary !== undefined) facts.summary = ownString(facts.summary);
  if (facts.typePaths) for (const p of facts.typePaths) p.value = ownString(p.value);
  if (facts.settingSwaps) {
    for (const s of facts.settingSwaps) {
      s.call = ownString(s.call);
      s.setting = ownString(s.setting);
      s.value = ownString(s.value);
    }
  }
  if (facts.scriptNames) for (const s of facts.scriptNames) s.name = ownString(s.name);
  if (facts.moduleArgs) for (const m of facts.moduleArgs) m.name = ownString(m.name);
  if (facts.dottedStrings) {
    for (const d of facts.dottedStrings) {
      d.value = ownString(d.value);
      d.via = ownString(d.via);
    }
  }
};

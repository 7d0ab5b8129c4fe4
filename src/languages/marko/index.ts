/**
 * Marko templates (.marko): the code Marko compiles from a template (root `import`/`export`/
 * `static` statements, `server import`/`client import`, the `class { }` block, `$` scriptlets and
 * attribute-less `<script>` bodies; template.ts finds them) is read as one TypeScript module, so
 * its imports are edges. A tag imported by name (`import X from "<fruit-label>"`) and the tags a
 * template uses are the Marko reader's (src/frameworks/js/marko.ts), which knows where Marko
 * looks for them.
 */
import { embeddedScriptLanguage, type FoundScripts } from '../javascript/embedded.js';
import { COMPONENT_EXTENSIONS } from '../js-family.js';
import { scanMarkoTemplate } from './template.js';

export const findMarkoScripts = (text: string): FoundScripts => {
  const template = scanMarkoTemplate(text);
  return {
    blocks: template.code.map((c) => ({ start: c.start, end: c.end, lang: 'ts' as const, code: c.code })),
    sources: [],
    problems: template.problems,
  };
};

export const markoLanguage = embeddedScriptLanguage({ id: 'marko', extensions: COMPONENT_EXTENSIONS.marko, findScripts: findMarkoScripts });

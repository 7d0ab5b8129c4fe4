/**
 * TSRX components (.tsrx): TypeScript with JSX in which a function's body may be a template
 * (`function Greeting(props) @{ … <h1>{label}</h1> }`), compiled to JavaScript by a @tsrx compiler
 * (@tsrx/react and its siblings, through their bundler plugins). oxc cannot parse the template
 * bodies, so each is read as an empty block (template.ts finds them) and the rest of the file, which
 * is plain TypeScript/JSX, as one module by the JS/TS extractor: its `import`/`export` statements
 * (ES imports stand only at the top level) come out exactly, at their lines. What a body calls
 * (a dynamic `import()` inside a component) is not read. Line counts and fingerprints see the
 * whole file, templates included: it is all code, as a .tsx file's JSX is. An extension-less
 * `./greeting` reaches greeting.tsrx where a @tsrx package is declared (the resolver's added
 * extensions, resolution/compiler-extensions.ts).
 */
import { embeddedScriptLanguage, type FoundScripts } from '../javascript/embedded.js';
import { COMPONENT_EXTENSIONS } from '../js-family.js';
import type { LanguageRecord } from '../types.js';
import { scanTsrx } from './template.js';

const blank = (segment: string): string => segment.replace(/[^\r\n]/g, ' ');

/** The whole file as one TSX block, each component body `@{ … }` read as `{ }` with its line breaks kept. */
export const findTsrxScripts = (text: string): FoundScripts => {
  const scan = scanTsrx(text);
  let code = '';
  let at = 0;
  for (const body of scan.bodies) {
    const open = text.indexOf('{', body.start);
    // A body never closed runs to the end of the file (a warning says so): it is closed here, so what stands above it is still read.
    const closed = text[body.end - 1] === '}' && body.end - 1 > open;
    code += `${text.slice(at, body.start)}${blank(text.slice(body.start, open))}{${blank(text.slice(open + 1, closed ? body.end - 1 : body.end))}}`;
    at = body.end;
  }
  code += text.slice(at);
  return { blocks: [{ start: 0, end: text.length, lang: 'tsx', code }], sources: [], problems: scan.problems };
};

// A component's template is code: lines and duplicates are counted on the file as written, so no code view.
const { codeView: _templatesAreCode, ...embedded } = embeddedScriptLanguage({ id: 'tsrx', extensions: COMPONENT_EXTENSIONS.tsrx, findScripts: findTsrxScripts });

export const tsrxLanguage: LanguageRecord = embedded;

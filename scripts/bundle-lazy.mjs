// The bundle's outermost arrow functions, rewritten as function expressions (scripts/bundle.mjs
// runs this on every file it writes), and the linked source map moved to match.
//
// Why: V8 (Node 20) parses an arrow function at a module's top level in full when it loads the
// module, the body's syntax tree built and thrown away, and again when the function first runs; a
// function expression there is pre-parsed (scanned for its scopes only) and parsed once, when it
// first runs. V8's lazy path for an arrow holds only where no scope lies between it and the
// script's own (a classic script's top level); a module's scope always does. census is written in
// `const f = (…) => {…}` style, so nearly the whole 1.4 MB main chunk was parsed twice: compiling
// it as a module took 126-187 ms and 5,500 page faults, as a classic script (the same text, the
// imports blanked) 72-78 ms and 2,450; with its outermost arrows rewritten, 57-71 ms and 1,540.
//
// An arrow is rewritten only where the two mean the same: its body (nested arrows included, nested
// functions not, which bind their own) never reads `this`, `arguments`, `super`, `new.target` or
// `import.meta`; only outermost arrows (in no function, arrow or class), as anything inside a
// function expression is pre-parsed with it. `(a) => {…}` becomes `function(a) {…}`, `x => e`
// `function(x){return e}`, `async (a) => …` `async function(a) …`. No parentheses are added
// around the function: V8 compiles a parenthesised function at once (it guesses it is called
// right away), which is the cost this avoids. The name a function gets from its binding or key
// is the one the arrow got; a function has a `prototype` and can be called with `new`, which no
// census code does to its own functions.

/** One change of the text: at `at`, `remove` characters replaced by `insert`. */
const edit = (at, remove, insert) => ({ at, remove, insert });

/** Whether the arrow's body reads a binding an arrow takes from where it is written (see above). */
const readsOuterBinding = (arrow) => {
  let found = false;
  const walk = (node) => {
    if (found || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') return;
    if (node.type === 'ThisExpression' || node.type === 'Super' || node.type === 'MetaProperty' || (node.type === 'Identifier' && node.name === 'arguments')) {
      found = true;
      return;
    }
    for (const key in node) if (key !== 'parent' && typeof node[key] === 'object') walk(node[key]);
  };
  walk(arrow.params);
  walk(arrow.body);
  return found;
};

/** The edits that make one arrow a function expression. */
const arrowEdits = (text, arrow) => {
  const edits = [];
  let at = arrow.start;
  if (arrow.async) {
    // `async(a)=>` or `async x=>`: the word stays, `function` follows it
    at += 'async'.length;
    while (/\s/.test(text[at])) at++;
  }
  const parenthesised = text[at] === '(';
  // `return(a)=>…` minified: the word needs a space before it after a name or keyword
  const keyword = arrow.async || /[\w$]/.test(text[arrow.start - 1] ?? '') ? ' function' : 'function';
  if (parenthesised) edits.push(edit(arrow.async ? arrow.start + 'async'.length : at, 0, keyword));
  else {
    // one bare parameter, `x=>`
    const param = arrow.params[0];
    edits.push(edit(arrow.async ? arrow.start + 'async'.length : at, 0, `${keyword}(`));
    edits.push(edit(param.end, 0, ')'));
  }
  const head = text.slice(arrow.start, arrow.body.start);
  const arrowAt = arrow.start + head.lastIndexOf('=>');
  edits.push(edit(arrowAt, 2, ''));
  if (arrow.expression) {
    edits.push(edit(arrow.body.start, 0, '{return '));
    edits.push(edit(arrow.end, 0, '}'));
  }
  return edits;
};

/** The edits for every outermost arrow of the program that can be rewritten, in text order. */
const lazyEdits = (text, program) => {
  const edits = [];
  const visit = (node) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const type = node.type;
    if (type === 'FunctionExpression' || type === 'FunctionDeclaration' || type === 'ClassDeclaration' || type === 'ClassExpression') return;
    if (type === 'ArrowFunctionExpression') {
      if (!readsOuterBinding(node)) {
        edits.push(...arrowEdits(text, node));
        return;
      }
    }
    for (const key in node) if (key !== 'parent' && typeof node[key] === 'object') visit(node[key]);
  };
  visit(program.body);
  return edits.sort((a, b) => a.at - b.at);
};

const applyEdits = (text, edits) => {
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += text.slice(from, e.at) + e.insert;
    from = e.at + e.remove;
  }
  return out + text.slice(from);
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** A source map's `mappings`, decoded: per generated line, its segments as arrays of absolute numbers. */
const decodeMappings = (mappings) => {
  const lines = [];
  const state = [0, 0, 0, 0, 0];
  for (const lineText of mappings.split(';')) {
    const segments = [];
    state[0] = 0;
    if (lineText !== '') {
      for (const segText of lineText.split(',')) {
        const seg = [];
        let value = 0;
        let shift = 0;
        for (const c of segText) {
          const digit = B64_VALUE.get(c);
          value += (digit & 31) * 2 ** shift;
          if (digit & 32) shift += 5;
          else {
            const delta = value % 2 === 1 ? -Math.floor(value / 2) : value / 2;
            const field = seg.length;
            state[field] += delta;
            seg.push(state[field]);
            value = 0;
            shift = 0;
          }
        }
        segments.push(seg);
      }
    }
    lines.push(segments);
  }
  return lines;
};

const vlq = (n) => {
  let v = n < 0 ? -n * 2 + 1 : n * 2;
  let out = '';
  do {
    let digit = v % 32;
    v = Math.floor(v / 32);
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
};

const encodeMappings = (lines) => {
  const state = [0, 0, 0, 0, 0];
  return lines.map((segments) => {
    state[0] = 0;
    return segments.map((seg) => seg.map((value, field) => {
      const delta = value - state[field];
      state[field] = value;
      return vlq(delta);
    }).join('')).join(',');
  }).join(';');
};

/**
 * The map's generated columns moved by the edits: a column after an edit moves by what the edit
 * added or took; a segment at an insertion point stays there (it now starts the inserted text,
 * which belongs to the same source code); one inside removed text goes to where that text was.
 */
const shiftMappings = (mappings, text, edits) => {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const byLine = new Map();
  for (const e of edits) {
    const line = lineOf(e.at);
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push({ col: e.at - lineStarts[line], remove: e.remove, delta: e.insert.length - e.remove });
  }
  const lines = decodeMappings(mappings);
  for (const [line, lineEdits] of byLine) {
    for (const seg of lines[line] ?? []) {
      const col = seg[0];
      let shift = 0;
      let inside = -1;
      for (const e of lineEdits) {
        if (e.col >= col) break;
        if (col < e.col + e.remove) {
          inside = e.col + shift;
          break;
        }
        shift += e.delta;
      }
      seg[0] = inside >= 0 ? inside : col + shift;
    }
  }
  return encodeMappings(lines);
};

/**
 * The file's text with its outermost arrows made function expressions, and its source map's
 * `mappings` moved to the new text (null when nothing changed).
 */
export const lazyArrows = (text, mappings, parseSync) => {
  const { program, errors } = parseSync('bundle.js', text, { sourceType: 'module' });
  if (errors.length > 0) throw new Error(`bundle: cannot parse a bundle file: ${errors[0].message}`);
  const edits = lazyEdits(text, program);
  if (edits.length === 0) return null;
  return { text: applyEdits(text, edits), mappings: shiftMappings(mappings, text, edits), arrows: edits.filter((e) => e.insert.endsWith('function') || e.insert.endsWith('function(')).length };
};

export const forTests = { decodeMappings, encodeMappings, shiftMappings, lazyEdits, applyEdits };

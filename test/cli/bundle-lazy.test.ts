/**
 * scripts/bundle-lazy.mjs rewrites the bundle's outermost arrows as function expressions (V8
 * parses those once, not twice) and moves the source map to match. Held here: a rewritten module
 * computes what the original does, an arrow that reads `this`, `arguments`, `super`, `new.target`
 * or `import.meta` stays an arrow, no parenthesis is added around a function (V8 would compile it
 * at load), and every mapped column still points at the same code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSync } from 'oxc-parser';
import { REPO_ROOT } from '../helpers/fixtures.js';

interface Edit {
  at: number;
  remove: number;
  insert: string;
}
interface LazyModule {
  lazyArrows: (text: string, mappings: string, parse: typeof parseSync) => { text: string; mappings: string; arrows: number } | null;
  forTests: {
    decodeMappings: (mappings: string) => number[][][];
    encodeMappings: (lines: number[][][]) => string;
    lazyEdits: (text: string, program: unknown) => Edit[];
  };
}

const lazy = async (): Promise<LazyModule> => (await import(pathToFileURL(join(REPO_ROOT, 'scripts/bundle-lazy.mjs')).href)) as LazyModule;

/** Runs a module's text and returns its default export. */
const run = async (text: string): Promise<unknown> => ((await import(`data:text/javascript,${encodeURIComponent(text)}`)) as { default: unknown }).default;

const SAMPLE = [
  'var add=(a,b)=>a+b,sq=x=>x*x,obj=()=>({k:1}),seq=(a)=>(a,a+1),none=()=>{};',
  'var later=async x=>x+1,later2=async(a,b)=>{return a*b},later3=async()=>7;',
  'var deflt=(a,b=(()=>2)())=>a+b,rest=(...xs)=>xs.length,destr=({a},[b])=>a+b;',
  'var reader={id:"r",collect:(ctx)=>ctx.files.map(f=>f+1),"a-b":(x)=>x};',
  'var made=[1,2,3].map(x=>x*2),cond=true?(x)=>x:(y)=>y;',
  'var thisArrow=()=>typeof this,argsFn=function(){return (()=>arguments.length)()};',
  'var inner=()=>{function f(){return this===undefined}return f()};',
  'var tmpl=(s)=>`<${s}>`,re=(s)=>/a=>b/.test(s),str=(s)=>s+"=>";',
  'export default [add(1,2),sq(3),obj().k,seq(1),none(),await later(1),await later2(2,3),await later3(),deflt(1),rest(1,2),destr({a:1},[2]),',
  'reader.collect({files:[1]})[0],reader["a-b"](5),reader.collect.name,made.join(),cond(4),thisArrow(),argsFn(1,2),inner(),tmpl("x"),re("a=>b"),str("q"),add.name,sq.length,deflt.length];',
].join('\n');

test('the rewritten module computes what the original does; arrows that read this/arguments stay arrows', async () => {
  const { lazyArrows } = await lazy();
  const out = lazyArrows(SAMPLE, '', parseSync);
  assert.ok(out !== null);
  assert.deepEqual(await run(out.text), await run(SAMPLE));
  assert.ok(out.text.includes('thisArrow=()=>typeof this'), out.text);
  assert.ok(out.text.includes('(()=>arguments.length)'), out.text);
  for (const made of ['add=function(a,b){return a+b}', 'sq=function(x){return x*x}', 'obj=function(){return ({k:1})}', 'later2=async function(a,b){return a*b}', 'collect:function(ctx){return ctx.files.map(f=>f+1)}']) {
    assert.ok(out.text.includes(made), `${made} in ${out.text}`);
  }
  // no function is put in parentheses: V8 compiles a parenthesised function as the module loads
  assert.ok(!/(?:^|[^\w$)\]])\(\s*(?:async\s+)?function/.test(out.text), out.text);
});

test('after a word (`export default(a)=>…` minified) the function keyword gets its space', async () => {
  const { lazyArrows } = await lazy();
  const out = lazyArrows('var k=2;export default(a)=>a+k;', '', parseSync);
  assert.ok(out !== null);
  assert.ok(out.text.includes('export default function(a){return a+k}'), out.text);
  assert.equal((await run(out.text) as (a: number) => number)(1), 3);
});

test('a map column moves with the code it names; one at an inserted word stays on it', async () => {
  const { lazyArrows, forTests } = await lazy();
  const text = 'var a=1,f=(x)=>x+a,g=y=>{return y},b=f(2)+g(3);\nvar h=async z=>z;';
  // a segment at the start of every token of interest, each naming a source column of its own
  const cols = [0, 4, 6, 8, 10, 13, 15, 17, 19, 21, 22, 24, 36, 38];
  const line2 = [0, 4, 6, 12, 14, 15];
  const lines = [cols.map((c, i) => [c, 0, 0, i]), line2.map((c, i) => [c, 0, 1, i])];
  const out = lazyArrows(text, forTests.encodeMappings(lines), parseSync);
  assert.ok(out !== null);
  const before = text.split('\n');
  const after = out.text.split('\n');
  const moved = forTests.decodeMappings(out.mappings);
  for (let l = 0; l < 2; l++) {
    for (let s = 0; s < lines[l].length; s++) {
      const [oldCol, , , source] = lines[l][s];
      const [newCol, , , sameSource] = moved[l][s];
      assert.equal(sameSource, source);
      const was = before[l].slice(oldCol, oldCol + 1);
      const now = after[l].slice(newCol);
      // where a word was inserted (function, a bracket, `{return `) the segment starts it; `=>` is gone
      assert.ok(now.startsWith(was) || /^(?:\s?function|[(){}]|\{return )/.test(now), `line ${l}: ${JSON.stringify(was)} at ${oldCol} -> ${JSON.stringify(now.slice(0, 12))} at ${newCol}`);
    }
  }
  assert.equal(forTests.encodeMappings(forTests.decodeMappings('AAAA,SAAS;;AACA,gBAAgB,CAAC')), 'AAAA,SAAS;;AACA,gBAAgB,CAAC');
});

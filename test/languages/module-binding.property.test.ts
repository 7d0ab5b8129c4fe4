/**
 * moduleAliasedAsSource looks for the bindings it may rename before it maps every binding of the
 * text, and asks for a quoted module name before anything (stop 53): on random texts built from
 * binding forms, comments and uses, it answers what stop 52's order of work answered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { moduleAliasedAsSource, moduleAliases } from '../../src/languages/javascript/module-binding.js';
import { commentsBlanked } from '../../src/languages/javascript/text-skips.js';
import { escapeRegExp } from '../../src/util/regexp.js';

/** Stop 52's order: blank, map every binding, then walk the listed ones. */
const stop52 = (text: string, names: Readonly<Record<string, string>>): { text: string; aliases: ReadonlyMap<string, string> } => {
  const renamed = new Map<string, string>();
  if (!Object.keys(names).some((module) => text.includes(module))) return { text, aliases: renamed };
  let out = text;
  const code = commentsBlanked(text);
  const modulesOf = new Map<string, Set<string>>();
  for (const a of moduleAliases(code, () => true)) modulesOf.set(a.local, (modulesOf.get(a.local) ?? new Set()).add(a.module));
  for (const { local, module, member, via } of moduleAliases(code, (m) => names[m] !== undefined)) {
    const name = names[module];
    if (via === 'interop' || (modulesOf.get(local)?.size ?? 0) > 1) continue;
    if (local === name || renamed.has(local) || renamed.size >= 4) continue;
    renamed.set(local, member === null ? name : `${name}.${member}`);
    const use = member === null ? String.raw`(?=[ \t]*\.[ \t]*[A-Za-z_$])` : String.raw`(?=[ \t]*\()`;
    out = out.replace(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(local)}${use}`, 'g'), renamed.get(local) ?? name);
  }
  return { text: out, aliases: renamed };
};

const NAMES = { path: 'path', 'node:path': 'path' };
const LOCAL = ['path', 'pth', 'p', 'pjoin', 'join'];
const MODULE = ["'path'", '"path"', "'node:path'", "'./path'", "'url'", 'path'];
const piece = fc.oneof(
  fc.tuple(fc.constantFrom('const ', 'let ', ', ', 'import ', 'import * as '), fc.constantFrom(...LOCAL), fc.constantFrom(' = require(', ' = await import(', ' from ', ' = __importDefault(require('), fc.constantFrom(...MODULE), fc.constantFrom(')', '))', ').join', ';')).map((p) => p.join('')),
  fc.tuple(fc.constantFrom('const { ', 'import { ', 'import d, { '), fc.constantFrom('join: pjoin', 'join as pjoin', 'join', 'resolve: p, join: pth'), fc.constantFrom(' } = require(', ' } from '), fc.constantFrom(...MODULE), fc.constantFrom(')', ';')).map((p) => p.join('')),
  fc.constantFrom('\n', ' ', '// ', '/* ', ' */', "'", '`', 'pth.join(a)', 'pjoin(b)', 'p.resolve(c)', 'path.join(d)', 'const pth = require("./other")'),
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

test('moduleAliasedAsSource answers what stop 52 answered', () => {
  assertProperty(
    fc.property(text, (t) => {
      const now = moduleAliasedAsSource(t, NAMES);
      const before = stop52(t, NAMES);
      assert.equal(now.text, before.text, JSON.stringify(t));
      assert.deepEqual([...now.aliases], [...before.aliases], JSON.stringify(t));
    }),
    { numRuns: 4000 },
  );
});

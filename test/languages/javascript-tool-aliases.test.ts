/**
 * Bundler and test-runner aliases through the whole scan: the aliased files are reached with the
 * alias named in the edge's evidence, and every alias census cannot follow is a warning naming
 * the config and its line (fixture test/fixtures/javascript/tool-aliases; resolution itself is
 * pinned by its expected.json in javascript-resolve.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const scanned = scanDir(fixturePath('javascript', 'tool-aliases'));

test('tool aliases: aliased files are reached, and the edge says which alias of which config', async () => {
  const { audit } = await scanned;
  const label = (from: string, specifier: string) => audit.edges.find((e) => e.from === from && e.specifier === specifier)?.label;
  assert.equal(label('src/main.ts', '@/greet'), 'src/greet.ts is imported by src/main.ts:1 (as greet), "@/greet" mapped by the Vite resolve.alias "@" (vite.config.ts:9)');
  assert.match(label('packages/widgets/test/knob.test.ts', '#w/knob') ?? '', /the Jest moduleNameMapper "\^#w\/\(\.\*\)\$" \(packages\/widgets\/package\.json:6\)$/);
  assert.match(label('src/main.ts', 'Shared/share') ?? '', /the webpack resolve\.alias "Shared" \(webpack\.config\.js:8\)$/);
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.match(label('kit2/src/routes/+page.ts', '$lib/s') ?? '', /the SvelteKit files\.lib "\$lib" of the sveltekit\(\) vite plugin \(kit2\/vite\.config\.ts:4\)$/);
  assert.match(label('qapp/src/router/routes.js', '@/layouts/Main.js') ?? '', /mapped by the Quasar built-in alias "@" \(src\) \(qapp\/quasar\.config\.js:1\)$/);
  assert.match(label('qapp/src/router/routes.js', 'components/Card.js') ?? '', /mapped by the Quasar built-in alias "components" \(src\/components\)/);
  const cli = audit.edges.find((e) => e.from === 'qapp/quasar.config.js' && e.specifier === '#q-app/wrappers');
  assert.equal(cli?.package, '@quasar/app-vite', 'Quasar\'s #q-app is the CLI package, not a broken internal import');
  for (const path of ['src/greet.ts', 'src/other.ts', 'src/components/Button.tsx', 'src/utilities/index.ts', 'shared/share.js', 'lib/helper.js', 'kit/src/lib/a.ts', 'kit/src/utils/u.ts', 'kit2/shared/s.ts']) {
    assert.notEqual(verdict(path), 'dead', `${path} is reached through an alias`);
  }
});

// Vue CLI's `@` is @vue/cli-service's own (lib/config/base.js), in no config file: @vue/cli-ui's components import '@/mixins/X'.
test('tool aliases: a package that builds with @vue/cli-service has its built-in "@" → src, and one that does not has none', async () => {
  const { audit } = await scanned;
  const edge = (from: string) => audit.edges.find((e) => e.from === from && e.specifier === '@/util/fmt');
  assert.equal(edge('vueapp/src/main.js')?.to, 'vueapp/src/util/fmt.js');
  assert.match(edge('vueapp/src/main.js')?.label ?? '', /mapped by the Vue CLI built-in alias "@" \(the project's src\) \(vueapp\/package\.json:6\)$/);
  assert.equal(edge('vuenot/src/main.js')?.to ?? null, null, 'no @vue/cli-service: "@" is no alias');
  // Review: a vue.config.js that sets '@' itself (to client/) replaces the built-in; census does not read it, so src/ is not named.
  assert.notEqual(edge('vueown/client/main.js')?.to, 'vueown/src/util/fmt.js', 'vue.config.js sets "@": not the built-in src');
});

test('tool aliases: an alias that names nothing, is computed, or is a hostile regex is a warning with file and line', async () => {
  const { audit } = await scanned;
  const warnings = audit.warnings.filter((w) => w.id === 'resolve/alias').map((w) => `${w.location?.file}:${w.location?.line} ${w.message}`);
  assert.deepEqual(warnings, [
    'jest.config.js:5 Jest moduleNameMapper "^@missing/(.*)$" maps to nowhere/$1, which is no file or folder of the repo',
    'jest.config.js:6 Jest moduleNameMapper "^(a+)+$" is not used: a quantified group',
    'kit/svelte.config.js:6 SvelteKit kit.alias "missing/*" maps to kit/nowhere, which is no file or folder of the repo',
    'vite.config.ts:11 Vite resolve.alias "@gone" maps to gone, which is no file or folder of the repo',
    'vite.config.ts:12 Vite resolve.alias "@computed" is not read statically (path.join(root, \'src\')): imports through it are not followed',
  ]);
});

test('tool aliases: an import through an alias whose target is missing is broken-internal, not an undeclared package', async () => {
  const { audit } = await scanned;
  const findings = (audit.imports?.findings ?? []).filter((f) => f.file === 'src/main.ts').map((f) => `${f.specifier} ${f.bucket}`);
  assert.ok(findings.includes('@gone/x broken-internal'), findings.join('\n'));
  assert.ok(findings.includes('@missing/lost broken-internal'), findings.join('\n'));
  assert.ok(!findings.some((f) => /^(@\/greet|~\/other|Shared\/share) /.test(f)), findings.join('\n'));
});

test('tool aliases: each readable branch of a conditional target is a candidate, each unreadable one a warning with its line', async () => {
  // Fixture test/fixtures/javascript/alias-branches: `exists(x) ? x : stub`, `env || './src/theme'`, `env ?? path.resolve(…)`.
  const { audit } = await scanDir(fixturePath('javascript', 'alias-branches'));
  const label = (specifier: string) => audit.edges.find((e) => e.from === 'src/main.ts' && e.specifier === specifier)?.label;
  assert.match(label('@hooks') ?? '', /^stubs\/no-hooks\.ts is imported by src\/main\.ts:1 .*the Vite resolve\.alias "@hooks" \(vite\.config\.ts:8\)$/);
  assert.match(label('@theme/colors') ?? '', /^src\/theme\/colors\.ts .*the Vite resolve\.alias "@theme" \(vite\.config\.ts:14\)$/);
  assert.match(label('Shared/share') ?? '', /^shared\/share\.js .*the webpack resolve\.alias "Shared" \(webpack\.config\.js:4\)$/);
  for (const path of ['stubs/no-hooks.ts', 'src/theme/colors.ts', 'shared/share.js']) assert.notEqual(audit.files.find((f) => f.path === path)?.verdict, 'dead', path);
  const warnings = audit.warnings.filter((w) => w.id === 'resolve/alias').map((w) => `${w.location?.file}:${w.location?.line} ${w.message}`);
  assert.deepEqual(warnings, [
    "vite.config.ts:5 Vite resolve.alias \"@hooks\" is not read statically when it is path.resolve(__dirname, process.env.SUITE ?? 'default', '...: imports through it follow its other values only",
    'vite.config.ts:14 Vite resolve.alias "@theme" is not read statically when it is process.env.THEME_DIR: imports through it follow its other values only',
    'webpack.config.js:4 webpack resolve.alias "Shared" is not read statically when it is process.env.SHARED_DIR: imports through it follow its other values only',
  ]);
});

test('tool aliases: a target joined from computed parts names every repo file its literal parts allow, beside the branch the rule picks', async () => {
  // Fixture test/fixtures/javascript/alias-computed: `exists(x) ? x : stub`, x = path.resolve(__dirname, 'suites', env, 'functions.ts').
  const { audit } = await scanDir(fixturePath('javascript', 'alias-computed'));
  const labels = audit.edges.filter((e) => e.from === 'app/main.ts' && e.specifier === '@suite-functions').map((e) => e.label);
  assert.deepEqual(labels.sort(), [
    'stubs/no-functions.ts is imported by app/main.ts:1, "@suite-functions" mapped by the Vite resolve.alias "@suite-functions" (vite.config.ts:11)',
    'suites/admin/functions.ts is imported by app/main.ts:1, "@suite-functions" mapped by the Vite resolve.alias "@suite-functions" (vite.config.ts:11), computed at run time, read as suites/*/functions.ts (vite.config.ts:6)',
    'suites/auth/functions.ts is imported by app/main.ts:1, "@suite-functions" mapped by the Vite resolve.alias "@suite-functions" (vite.config.ts:11), computed at run time, read as suites/*/functions.ts (vite.config.ts:6)',
  ]);
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  for (const path of ['stubs/no-functions.ts', 'suites/auth/functions.ts', 'suites/auth/login.ts', 'suites/admin/functions.ts']) assert.notEqual(verdict(path), 'dead', path);
  assert.equal(verdict('suites/auth/unused.ts'), 'dead', 'a file the pattern does not name stays dead');
  const warnings = audit.warnings.filter((w) => w.id === 'resolve/alias').map((w) => `${w.location?.file}:${w.location?.line} ${w.message}`);
  assert.deepEqual(warnings, [
    "vite.config.ts:6 Vite resolve.alias \"@suite-functions\" is computed when it is path.resolve(__dirname, 'suites', suite, 'functions.ts'): read as suites/*/functions.ts, which names suites/admin/functions.ts, suites/auth/functions.ts",
  ]);
});

test('tool aliases: webpack aliases a config writes by statements, alias[key] = … and webpack-chain alias.set(key, …)', async () => {
  // Fixture test/fixtures/javascript/alias-writes: `config.resolve.alias['@lib'] = path.resolve(…)`, `.alias.Vendor = …`,
  // a computed key (left out), '@over' in the literal replaced by a write, '@both' written again under an `if`, and chain/'s `config.resolve.alias.set('@parts', …).set('~missing', …)`.
  const { audit } = await scanDir(fixturePath('javascript', 'alias-writes'));
  const label = (from: string, specifier: string) => audit.edges.find((e) => e.from === from && e.specifier === specifier)?.label;
  assert.match(label('src/main.js', '@lib/helper') ?? '', /^lib\/helper\.js .*the webpack resolve\.alias "@lib" \(webpack\.config\.js:8\)$/);
  assert.match(label('src/main.js', 'Vendor/shim') ?? '', /^vendor\/shim\.js .*the webpack resolve\.alias "Vendor" \(webpack\.config\.js:9\)$/);
  assert.match(label('chain/src/main.js', '@parts/part') ?? '', /^chain\/src\/parts\/part\.js .*the webpack resolve\.alias "@parts" \(chain\/webpack\.config\.js:7\)$/);
  for (const path of ['lib/helper.js', 'vendor/shim.js', 'chain/src/parts/part.js']) assert.equal(audit.files.find((f) => f.path === path)?.verdict, 'production', path);
  // A top-level write replaces the literal's alias; a guarded one (under an `if`) adds its target after the earlier
  // write's, read like a ternary's branches: the first that names a file is followed, so the default build's stays.
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('new/over.js'), 'production');
  assert.equal(verdict('old/over.js'), 'dead', 'the literal alias the statement overrides is not followed');
  assert.match(label('src/main.js', '@over/over') ?? '', /^new\/over\.js .*the webpack resolve\.alias "@over" \(webpack\.config\.js:11\)$/);
  assert.match(label('src/main.js', '@both/both') ?? '', /^both\/default\/both\.js .*the webpack resolve\.alias "@both" \(webpack\.config\.js:12\)$/);
  const warnings = audit.warnings.filter((w) => w.id === 'resolve/alias').map((w) => `${w.location?.file}:${w.location?.line} ${w.message}`);
  assert.deepEqual(warnings, ['chain/webpack.config.js:8 webpack resolve.alias "~missing" maps to chain/nowhere, which is no file or folder of the repo']);
});

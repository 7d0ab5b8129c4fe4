/** Every bad plan, and every repo apply must not touch, is refused with the problem named and nothing changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';
import { git, gitFixture, picture, writePlan, type ItemSpec } from './repo.js';
import { scratchDir } from '../helpers/scratch.js';

const refused = (dir: string, plan: string, expected: RegExp, extra: string[] = []): void => {
  const before = picture(dir);
  const r = runCli(['apply', plan, dir, '--format', 'json', '--quiet', ...extra]);
  assert.equal(r.code, 2, `${expected}: ${r.stdout}${r.stderr}`);
  const report = JSON.parse(r.stdout);
  assert.equal(report.status, 'refused');
  assert.match(report.problems.join('\n'), expected);
  assert.deepEqual(report.actions, []);
  assert.equal(picture(dir), before, `${expected}: nothing touched`);
};

test('bad plan documents are refused before anything is touched', () => {
  const dir = gitFixture('ops-repo');
  const file = join(dir, '..', 'bad.json');
  writeFileSync(file, '{ "planVersion": 1, "items": [ ');
  refused(dir, file, /bad\.json is not valid JSON/);
  writePlan(dir, [['scripts/legacy/unused_helper.py', 'delete']], { planVersion: 2 }, file);
  refused(dir, file, /planVersion 2; this census reads planVersion 1/);
  const cases: [ItemSpec[], RegExp][] = [
    [[['scripts/legacy/unused_helper.py', 'nuke']], /unknown action "nuke"; use one of keep, review, merge, archive, delete, move/],
    [[['../outside.py', 'delete']], /climbs out of the repo with \.\./],
    [[['/etc/passwd', 'delete']], /is absolute/],
    [[['backend/data/store.py', 'move', '../elsewhere/store.py']], /to "\.\.\/elsewhere\/store\.py" climbs out of the repo/],
    [[['backend/data/store.py', 'move', '/tmp/store.py']], /to "\/tmp\/store\.py" is absolute/],
    [[['backend/data/store.py', 'move', '.git/hooks/post-checkout']], /is inside \.git/],
    [[['backend/ml/training/features.py', 'merge']], /merge needs `to` \(the keeper\)/],
    [[['web/src/lib/old.js', 'archive']], /archive needs `to` \(its place under the archive folder\)/],
    [[['backend/ml/training/features.py', 'merge', 'backend/ml/missing.py']], /the keeper backend\/ml\/missing\.py does not exist/],
    [[['scripts/no_such_script.py', 'delete']], /scripts\/no_such_script\.py \(delete\): no such file/],
    [[['backend/data/store.py', 'move', 'backend/ml/features.py']], /the destination backend\/ml\/features\.py already exists/],
    [[['backend/data/store.py', 'delete'], ['backend/data/store.py', 'archive', 'archive/backend/data/store.py']], /more than one item/],
    [[['backend/ml/training/features.py', 'merge', 'backend/ml/features.py'], ['backend/ml/features.py', 'delete']], /the keeper backend\/ml\/features\.py is itself planned to delete/],
  ];
  for (const [items, expected] of cases) refused(dir, writePlan(dir, items, {}, file), expected);
});

test('a file changed since the plan, a path through a symlink, a reference apply cannot rewrite: refused', () => {
  const dir = gitFixture('ops-repo');
  const plan = writePlan(dir, [['scripts/old/export_data_v1.py', 'archive', 'archive/scripts/old/export_data_v1.py']]);
  appendFileSync(join(dir, 'scripts/old/export_data_v1.py'), '# edited after the plan\n');
  git(dir, ['commit', '--quiet', '-am', 'edit']);
  refused(dir, plan, /scripts\/old\/export_data_v1\.py \(archive\): the file changed since the plan was made \(hash [0-9a-f]{16}, plan says [0-9a-f]{16}\)/);

  symlinkSync('backend', join(dir, 'linked'));
  git(dir, ['add', 'linked']);
  git(dir, ['commit', '--quiet', '-m', 'link']);
  refused(dir, writePlan(dir, [['linked/data/store.py', 'delete']]), /the path goes through the symlink linked/);
  refused(dir, writePlan(dir, [['backend/data/store.py', 'move', 'linked/data/store2.py']]), /the destination linked\/data\/store2\.py goes through the symlink linked/);

  // One statement imports the merged module and a sibling: only one of them moves, so the statement would have to be split.
  writeFileSync(join(dir, 'backend/ml/both.py'), 'from backend.ml.training import features, train\n');
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '-m', 'both']);
  refused(dir, writePlan(dir, [['backend/ml/training/features.py', 'merge', 'backend/ml/features.py']]), /cannot rewrite backend\/ml\/both\.py:1 .*imports several names from backend\.ml\.training; only features moves to backend\.ml: split the import by hand first/);
});

test('apply refuses a dirty working tree unless --force, and a folder outside git', () => {
  const dir = gitFixture('ops-repo');
  appendFileSync(join(dir, 'backend/data/store.py'), '# work in progress\n');
  const plan = writePlan(dir, [['web/src/lib/old.js', 'archive', 'archive/web/src/lib/old.js']]);
  refused(dir, plan, /the working tree has uncommitted changes \(1 file: backend\/data\/store\.py\)/);
  const forced = runCli(['apply', plan, dir, '--force', '--format', 'json', '--quiet']);
  assert.equal(forced.code, 0, forced.stdout + forced.stderr);
  assert.equal(JSON.parse(forced.stdout).status, 'applied');
  assert.match(git(dir, ['status', '--porcelain']), /^ M backend\/data\/store\.py$/m, 'the user\'s own change stays unstaged');

  const plain = join(scratchDir('census-apply-nogit-'), 'ops-repo');
  cpSync(fixturePath('apply', 'ops-repo'), plain, { recursive: true });
  const r = runCli(['apply', writePlan(plain, [['web/src/lib/old.js', 'archive', 'archive/web/src/lib/old.js']]), plain, '--format', 'json', '--quiet']);
  assert.equal(r.code, 2);
  assert.match(JSON.parse(r.stdout).problems[0], /is not inside a git work tree/);
});

test('a referencing file that is a symlink is refused; an untracked one is edited but not staged', () => {
  const dir = gitFixture('ops-repo');
  symlinkSync('report.py', join(dir, 'backend/ml/report_link.py'));
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '-m', 'link']);
  refused(dir, writePlan(dir, [['backend/ml/training/features.py', 'merge', 'backend/ml/features.py']]), /backend\/ml\/report_link\.py needs its references rewritten \(line 2, 3\) but is a symlink/);

  const clean = gitFixture('ops-repo');
  writeFileSync(join(clean, 'local_tool.py'), 'from backend.scripts.export_data import main\n');
  const r = runCli(['apply', writePlan(clean, [['backend/scripts/export_data.py', 'move', 'backend/data/export_data.py']]), clean, '--format', 'json', '--quiet']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.ok(JSON.parse(r.stdout).notes.includes('local_tool.py is not tracked by git: its reference was rewritten in place but not staged'));
  assert.equal(readFileSync(join(clean, 'local_tool.py'), 'utf8'), 'from backend.data.export_data import main\n');
  assert.match(git(clean, ['status', '--porcelain']), /^\?\? local_tool\.py$/m);
});

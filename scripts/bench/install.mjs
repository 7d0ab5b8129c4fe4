// Installing what the corpora are made from: Debian packages with apt-get, pinned npm packages
// with npm ci. Each step is skipped when its result is already there.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { BenchError, probe, run } from './shell.mjs';

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };
const APT_NET = ['-o', 'Acquire::Retries=1', '-o', 'Acquire::http::Timeout=30', '-o', 'Acquire::https::Timeout=30'];
const APT_HINT = 'Are Debian package mirrors reachable from this machine?';

const isInstalled = (pkg) => probe('dpkg-query', ['-W', '-f=${Status}', pkg])?.includes('install ok installed') ?? false;

const hasCandidate = (pkg) => {
  const policy = probe('apt-cache', ['policy', pkg]) ?? '';
  const candidate = /Candidate:\s*(\S+)/.exec(policy)?.[1];
  return candidate !== undefined && candidate !== '(none)';
};

/** apt-get install the packages that are not installed yet; `log` tells the user what happens. */
export const ensureAptPackages = (packages, log) => {
  const missing = packages.filter((p) => !isInstalled(p));
  if (missing.length === 0) return;
  if (probe('apt-get', ['--version']) === null) {
    throw new BenchError(`the bench needs the Debian packages ${missing.join(', ')} and this machine has no apt-get; install them by hand.`);
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new BenchError(`the bench needs the Debian packages ${missing.join(', ')}: run as root, or first: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  if (!missing.every(hasCandidate)) {
    log(`apt-get update (apt-cache knows no ${missing.filter((p) => !hasCandidate(p)).join(', ')})`);
    run('apt-get', [...APT_NET, 'update'], { timeoutMs: 300_000, env: APT_ENV, hint: APT_HINT });
  }
  const unknown = missing.filter((p) => !hasCandidate(p));
  if (unknown.length > 0) throw new BenchError(`apt-get has no package named ${unknown.join(', ')} even after apt-get update.`);
  log(`apt-get install ${missing.join(' ')}`);
  run('apt-get', [...APT_NET, 'install', '-y', '--no-install-recommends', ...missing], { timeoutMs: 900_000, env: APT_ENV, hint: APT_HINT });
};

/** Version of an installed Debian package, for the report. */
export const aptVersion = (pkg) => probe('dpkg-query', ['-W', '-f=${Version}', pkg])?.trim() ?? 'unknown';

const hashOf = (...files) => {
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
};

/**
 * Installs a pinned package set (a folder with package.json + package-lock.json) into `prefix`,
 * with install scripts off. Skipped when `prefix` already holds that exact lock. `npm install`
 * with the lock in place, not `npm ci`: npm 11's ci rejects locks that omit other platforms'
 * optional packages (msgpackr-extract-darwin-*), which npm itself writes that way.
 */
export const ensureNpmPackages = (specDir, prefix, log) => {
  const manifest = join(specDir, 'package.json');
  const lock = join(specDir, 'package-lock.json');
  const stamp = join(prefix, '.installed-lock');
  const want = hashOf(manifest, lock);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want && existsSync(join(prefix, 'node_modules'))) return;
  mkdirSync(prefix, { recursive: true });
  copyFileSync(manifest, join(prefix, 'package.json'));
  copyFileSync(lock, join(prefix, 'package-lock.json'));
  const unreachable = 'The npm registry did not answer `npm ping`: the TypeScript corpus cannot be installed (check the network or the npm registry setting).';
  run('npm', ['ping', '--fetch-timeout=20000', '--fetch-retries=0', '--loglevel=error'], { timeoutMs: 60_000, hint: unreachable });
  log(`npm install --prefix ${prefix} (pinned by ${lock})`);
  run(
    'npm',
    ['install', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--fetch-timeout=60000', '--fetch-retries=1'],
    { timeoutMs: 900_000, hint: 'Is the npm registry reachable from this machine (npm ping)?' },
  );
  writeFileSync(stamp, `${want}\n`);
};

#!/usr/bin/env node
// Takes the README's screenshot of the HTML report: scans examples/demo with the built CLI, opens
// the page in headless Chromium (scripts/ensure-chromium.sh installs it when missing) and saves
// docs/html-report.png. Run `npm run build` first.
//   node scripts/screenshot-report.mjs [--fragment '#file=sidecar/model_client.py'] [--out docs/html-report.png]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    fragment: { type: 'string', default: '#file=sidecar/model_client.py' },
    out: { type: 'string', default: 'docs/html-report.png' },
    width: { type: 'string', default: '1400' },
    height: { type: 'string', default: '680' },
  },
});

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed:\n${result.stderr || result.error?.message}`);
    process.exit(1);
  }
};

const work = mkdtempSync(join(tmpdir(), 'census-shot-'));
try {
  const page = join(work, 'demo.html');
  run(process.execPath, ['bin/census.js', 'scan', 'examples/demo', '--format', 'html', '--output', page]);
  run('bash', ['scripts/ensure-chromium.sh']);
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: Number(values.width), height: Number(values.height) },
  });
  const tab = await context.newPage();
  await tab.goto(`${pathToFileURL(page).href}${values.fragment}`);
  await tab.waitForSelector('body[data-ready="true"]');
  const out = resolve(root, values.out);
  await tab.screenshot({ path: out });
  await context.close();
  console.log(`wrote ${values.out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

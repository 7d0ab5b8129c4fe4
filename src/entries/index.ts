/**
 * Every entry detector, one import per file, sorted by file name. To add one, run
 * `node scripts/new-detector.mjs <name>`: it copies _template.ts, a fixture and a test, and adds
 * the line here.
 */
import agentHooks from './agent-hooks.js';
import apacheWsgi from './apache-wsgi.js';
import appJson from './app-json.js';
import awsCdk from './aws-cdk.js';
import awsSam from './aws-sam.js';
import compose from './compose.js';
import crontab from './crontab.js';
import dbusServices from './dbus-services.js';
import devcontainer from './devcontainer.js';
import dockerfile from './dockerfile.js';
import etcConfigCommands from './etc-config-commands.js';
import flyToml from './fly-toml.js';
import githubActions from './github-actions.js';
import gitlabCi from './gitlab-ci.js';
import initScripts from './init-scripts.js';
import installedCommands from './installed-commands.js';
import invokeTasks from './invoke-tasks.js';
import justfile from './justfile.js';
import knipConfig from './knip-config.js';
import kubernetes from './kubernetes.js';
import lefthook from './lefthook.js';
import libpeasPlugins from './libpeas-plugins.js';
import makefile from './makefile.js';
import miseTasks from './mise-tasks.js';
import moonTasks from './moon-tasks.js';
import noxfile from './noxfile.js';
import packageJson from './package-json.js';
import pm2Ecosystem from './pm2-ecosystem.js';
import poeTasks from './poe-tasks.js';
import procfile from './procfile.js';
import pyproject from './pyproject.js';
import railway from './railway.js';
import renderYaml from './render-yaml.js';
import runit from './runit.js';
import s2i from './s2i.js';
import s6Overlay from './s6-overlay.js';
import semgrepRules from './semgrep-rules.js';
import serverless from './serverless.js';
import setupCfg from './setup-cfg.js';
import setupPy from './setup-py.js';
import supervisord from './supervisord.js';
import systemHooks from './system-hooks.js';
import systemd from './systemd.js';
import taskfile from './taskfile.js';
import tests from './tests.js';
import toolConfigs from './tool-configs.js';
import toxIni from './tox-ini.js';
import tsconfigAugmentations from './tsconfig-augmentations.js';
import tsconfigProgram from './tsconfig-program.js';
import uwsgiIni from './uwsgi-ini.js';
import wrangler from './wrangler.js';
import yarnrc from './yarnrc.js';
import type { EntryDetector } from './types.js';

export const DETECTORS: EntryDetector[] = [
  agentHooks,
  apacheWsgi,
  appJson,
  awsCdk,
  awsSam,
  compose,
  crontab,
  dbusServices,
  devcontainer,
  dockerfile,
  etcConfigCommands,
  flyToml,
  githubActions,
  gitlabCi,
  initScripts,
  installedCommands,
  invokeTasks,
  justfile,
  knipConfig,
  kubernetes,
  lefthook,
  libpeasPlugins,
  makefile,
  miseTasks,
  moonTasks,
  noxfile,
  packageJson,
  pm2Ecosystem,
  poeTasks,
  procfile,
  pyproject,
  railway,
  renderYaml,
  runit,
  s2i,
  s6Overlay,
  semgrepRules,
  serverless,
  setupCfg,
  setupPy,
  supervisord,
  systemHooks,
  systemd,
  taskfile,
  tests,
  toolConfigs,
  toxIni,
  tsconfigAugmentations,
  tsconfigProgram,
  uwsgiIni,
  wrangler,
  yarnrc,
];

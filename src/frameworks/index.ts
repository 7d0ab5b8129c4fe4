/**
 * Every framework reader, one import per file, sorted by id. To add one: a file under
 * src/frameworks/<ecosystem>/, a line here, a fixture repo under test/fixtures/frameworks/ and a
 * test under test/frameworks/.
 */
import adapterManager from './js/adapter-manager.js';
import anchoredPaths from './js/anchored-paths.js';
import parameterFolderJoins from './js/parameter-folder-joins.js';
import callerGlobs from './js/caller-globs.js';
import computedJoinLoads from './js/computed-join-loads.js';
import broccoliOwnFiles from './js/broccoli-own-files.js';
import computedJoinCopies from './js/computed-join-copies.js';
import folderUrlReads from './js/folder-url-reads.js';
import aliasFolders from './js/alias-folders.js';
import arrayRequires from './js/array-requires.js';
import registryRequires from './js/registry-requires.js';
import angular from './js/angular.js';
import schematicCollections from './js/schematic-collections.js';
import apostrophe from './js/apostrophe.js';
import astro from './js/astro.js';
import browserify from './js/browserify.js';
import bunTest from './js/bun-test.js';
import changesets from './js/changesets.js';
import commitlint from './js/commitlint.js';
import copiedFolderPaths from './js/copied-folder-paths.js';
import convex from './js/convex.js';
import cucumber from './js/cucumber.js';
import cypress from './js/cypress.js';
import dependencyCruiser from './js/dependency-cruiser.js';
import dirLoaders from './js/dir-loaders.js';
import flue from './js/flue.js';
import folderJoinRequires from './js/folder-join-requires.js';
import folderConstants from './js/folder-constants.js';
import packageRootConstants from './js/package-root-constants.js';
import folderPackages from './js/folder-packages.js';
import folderRequires from './js/folder-requires.js';
import walkedFolderTables from './js/walked-folder-tables.js';
import docusaurus from './js/docusaurus.js';
import docusaurusPluginPaths from './js/docusaurus-plugin-paths.js';
import hexo from './js/hexo.js';
import htmlPages from './js/html-pages.js';
import hubot from './js/hubot.js';
import moduleSearchPaths from './js/module-search-paths.js';
import egg from './js/egg.js';
import tiddlywiki from './js/tiddlywiki.js';
import drizzle from './js/drizzle.js';
import electron from './js/electron.js';
import eleventy from './js/eleventy.js';
import emberBlueprints from './js/ember-blueprints.js';
import commanderSubcommands from './js/commander-subcommands.js';
import esbuild from './js/esbuild.js';
import etherpadCoreServing from './js/etherpad-core-serving.js';
import etherpadPlugins from './js/etherpad-plugins.js';
import eslint from './js/eslint.js';
import eslintRuleDirs from './js/eslint-rule-dirs.js';
import webpackRequestStrings from './js/webpack-request-strings.js';
import eve from './js/eve.js';
import plop from './js/plop.js';
import turboGen from './js/turbo-gen.js';
import expo from './js/expo.js';
import husky from './js/husky.js';
import jasmine from './js/jasmine.js';
import jest from './js/jest.js';
import karma from './js/karma.js';
import knex from './js/knex.js';
import borp from './js/borp.js';
import knexMigrator from './js/knex-migrator.js';
import processRootConfigs from './js/process-root-configs.js';
import migrateLoad from './js/migrate-load.js';
import medusaPolicies from './js/medusa-policies.js';
import ladle from './js/ladle.js';
import relay from './js/relay.js';
import lintStaged from './js/lint-staged.js';
import marko from './js/marko.js';
import metro from './js/metro.js';
import mocha from './js/mocha.js';
import tapRunners from './js/tap-runners.js';
import next from './js/next.js';
import n8nNodes from './js/n8n-nodes.js';
import oclif from './js/oclif.js';
import yargsCommandDir from './js/yargs-command-dir.js';
import nitro from './js/nitro.js';
import nodeRed from './js/node-red.js';
import nodeunit from './js/nodeunit.js';
import nuxt from './js/nuxt.js';
import nuxtKitPaths from './js/nuxt-kit-paths.js';
import oxygen from './js/oxygen.js';
import parameterRequires from './js/parameter-requires.js';
import resolverCallbacks from './js/resolver-callbacks.js';
import httpWebRoots from './python/http-web-roots.js';
import loaderModules from './js/loader-modules.js';
import mkdocsThemeDirs from './python/mkdocs-theme-dirs.js';
import pathWrappers from './js/path-wrappers.js';
import envPassedPaths from './js/env-passed-paths.js';
import envFolders from './js/env-folders.js';
import scriptFileArgs from './js/script-file-args.js';
import parcel from './js/parcel.js';
import payload from './js/payload.js';
import playwright from './js/playwright.js';
import postcss from './js/postcss.js';
import preconstruct from './js/preconstruct.js';
import prisma from './js/prisma.js';
import qwik from './js/qwik.js';
import quasar from './js/quasar.js';
import reactCosmos from './js/react-cosmos.js';
import redwood from './js/redwood.js';
import releaseIt from './js/release-it.js';
import remix from './js/remix.js';
import rolldown from './js/rolldown.js';
import rollup from './js/rollup.js';
import rsbuild from './js/rsbuild.js';
import rspack from './js/rspack.js';
import sails from './js/sails.js';
import setupTests from './js/setup-tests.js';
import rstest from './js/rstest.js';
import sizeLimit from './js/size-limit.js';
import staticDirs from './js/static-dirs.js';
import servedFiles from './js/served-files.js';
import servedPublicLiterals from './js/served-public-literals.js';
import starlight from './js/starlight.js';
import threadsWorkers from './js/threads-workers.js';
import storybook from './js/storybook.js';
import strapiV3 from './js/strapi-v3.js';
import stryker from './js/stryker.js';
import stylelint from './js/stylelint.js';
import sveltePackage from './js/svelte-package.js';
import sveltekit from './js/sveltekit.js';
import tailwind from './js/tailwind.js';
import tanstackRouter from './js/tanstack-router.js';
import tanstackRouteTrees from './js/tanstack-route-trees.js';
import testData from './js/test-data.js';
import tsdown from './js/tsdown.js';
import tscInPlace from './js/tsc-in-place.js';
import tsup from './js/tsup.js';
import tstyche from './js/tstyche.js';
import tsd from './js/tsd.js';
import vike from './js/vike.js';
import vite from './js/vite.js';
import viteFileRoutes from './js/vite-file-routes.js';
import umi from './js/umi.js';
import unpluginAutoImport from './js/unplugin-auto-import.js';
import unpluginVueComponents from './js/unplugin-vue-components.js';
import vitePluginPwa from './js/vite-plugin-pwa.js';
import vitepress from './js/vitepress.js';
import vuepress from './js/vuepress.js';
import vueCli from './js/vue-cli.js';
import vitest from './js/vitest.js';
import webdriverio from './js/webdriverio.js';
import webpack from './js/webpack.js';
import workerpoolScripts from './js/workerpool-scripts.js';
import bundlerApiConfigs from './js/bundler-api-configs.js';
import alembic from './python/alembic.js';
import ansible from './python/ansible.js';
import ansiblePluginPaths from './python/ansible-plugin-paths.js';
import attributeImports from './python/attribute-imports.js';
import celery from './python/celery.js';
import declarationTwins from './js/declaration-twins.js';
import typeReferences from './js/type-references.js';
import namedDeclarations from './js/named-declarations.js';
import manifestFields from './js/manifest-fields.js';
import manifestFiles from './js/manifest-files.js';
import importConditions from './js/import-conditions.js';
import django from './python/django.js';
import djangoTestSettings from './python/django-test-settings.js';
import doctestImports from './python/doctest-imports.js';
import codeTemplates from './python/code-templates.js';
import testDottedStrings from './python/test-dotted-strings.js';
import entryPointScripts from './python/entry-point-scripts.js';
import flaskStatic from './python/flask-static.js';
import templateStatic from './python/template-static.js';
import renderedTemplates from './python/rendered-templates.js';
import schemeScriptUrls from './python/scheme-script-urls.js';
import amdModules from './python/amd-modules.js';
import staticAttributes from './python/static-attributes.js';
import tornadoStatic from './python/tornado-static.js';
import installedEntryPoints from './python/installed-entry-points.js';
import grunt from './js/grunt.js';
import gatsby from './js/gatsby.js';
import generatedRequires from './js/generated-requires.js';
import gulp from './js/gulp.js';
import orval from './js/orval.js';
import oxlint from './js/oxlint.js';
import graphqlCodegen from './js/graphql-codegen.js';
import graphqlLazyTypes from './python/graphql-lazy.js';
import pythonFolderLoaders from './python/folder-loaders.js';
import pythonStarAllListings from './python/star-all-listings.js';
import rqJobs from './python/rq-jobs.js';
import envDefaultImports from './python/env-default-imports.js';
import packageConfigs from './python/package-configs.js';
import packageData from './python/package-data.js';
import heatTemplates from './python/heat-templates.js';
import resourceAnchors from './python/resource-anchors.js';
import resourceWrappers from './python/resource-wrappers.js';
import chosenPackageImports from './python/chosen-package-imports.js';
import pythonLoaderWrappers from './python/loader-wrappers.js';
import packageScripts from './python/package-scripts.js';
import pluginManifests from './python/plugin-manifests.js';
import manifestFolderPlugins from './python/manifest-folder-plugins.js';
import dataDottedNames from './python/data-dotted-names.js';
import moduleNameFiles from './python/module-name-files.js';
import pasteDeploy from './python/paste-deploy.js';
import pecan from './python/pecan.js';
import pluginRegistrations from './python/plugin-registrations.js';
import protocolAttributes from './python/protocol-attributes.js';
import moduleRelativeImports from './python/module-relative.js';
import prefixedImports from './python/prefixed-imports.js';
import osloPrefixedImports from './python/oslo-prefixed-imports.js';
import searchPathLoaders from './python/search-path-loaders.js';
import moduleWalkLoaders from './python/module-walk-loaders.js';
import attributeTemplates from './python/attribute-templates.js';
import sourceTextImports from './python/source-text-imports.js';
import handedLoaders from './python/handed-loaders.js';
import finderPackagePaths from './python/finder-package-paths.js';
import listingPackagePaths from './python/listing-package-paths.js';
import listingPackagePathsHanded from './python/listing-package-paths-handed.js';
import libraryNameLoads from './python/library-name-loads.js';
import djangoTemplateCommands from './python/django-template-commands.js';
import configDirPaths from './python/config-dir-paths.js';
import pythonModuleArgs from './python/module-args.js';
import pythonModulePrefixArgs from './python/module-prefix-args.js';
import configBinDirs from './python/config-bin-dirs.js';
import configChoices from './python/config-choices.js';
import configDefaults from './python/config-defaults.js';
import spawnedPaths from './python/spawned-paths.js';
import pythonLibrary from './python/python-library.js';
import pytest from './python/pytest.js';
import stringModules from './python/string-modules.js';
import keyedImportValues from './python/keyed-import-values.js';
import settingsClassPaths from './python/settings-class-paths.js';
import defaultAppConfigs from './python/default-app-configs.js';
import type { FrameworkReader } from './types.js';

export const READERS: readonly FrameworkReader[] = [
  adapterManager,
  alembic,
  ansible,
  ansiblePluginPaths,
  anchoredPaths,
  aliasFolders,
  angular,
  schematicCollections,
  apostrophe,
  arrayRequires,
  registryRequires,
  astro,
  attributeImports,
  borp,
  browserify,
  bunTest,
  celery,
  changesets,
  commitlint,
  copiedFolderPaths,
  callerGlobs,
  computedJoinLoads,
  broccoliOwnFiles,
  computedJoinCopies,
  folderUrlReads,
  convex,
  cucumber,
  cypress,
  declarationTwins,
  typeReferences,
  namedDeclarations,
  manifestFields,
  manifestFiles,
  importConditions,
  dependencyCruiser,
  dirLoaders,
  django,
  djangoTestSettings,
  doctestImports,
  codeTemplates,
  docusaurus,
  docusaurusPluginPaths,
  drizzle,
  electron,
  eleventy,
  entryPointScripts,
  esbuild,
  eslint,
  eslintRuleDirs,
  webpackRequestStrings,
  etherpadCoreServing,
  etherpadPlugins,
  eve,
  expo,
  flaskStatic,
  flue,
  folderConstants,
  packageRootConstants,
  folderJoinRequires,
  folderPackages,
  folderRequires,
  walkedFolderTables,
  gatsby,
  generatedRequires,
  graphqlCodegen,
  grunt,
  graphqlLazyTypes,
  gulp,
  hexo,
  htmlPages,
  servedFiles,
  servedPublicLiterals,
  hubot,
  moduleSearchPaths,
  egg,
  tiddlywiki,
  husky,
  installedEntryPoints,
  jasmine,
  jest,
  karma,
  knex,
  knexMigrator,
  processRootConfigs,
  migrateLoad,
  medusaPolicies,
  ladle,
  lintStaged,
  marko,
  metro,
  mocha,
  tapRunners,
  next,
  n8nNodes,
  oclif,
  yargsCommandDir,
  nitro,
  nodeRed,
  nodeunit,
  nuxt,
  nuxtKitPaths,
  orval,
  oxlint,
  oxygen,
  packageConfigs,
  packageData,
  heatTemplates,
  resourceAnchors,
  resourceWrappers,
  chosenPackageImports,
  packageScripts,
  parameterRequires,
  // After anchored-paths and folder-requires: a file both name keeps their sentence (framework-edges keeps the first).
  parameterFolderJoins,
  resolverCallbacks,
  httpWebRoots,
  loaderModules,
  mkdocsThemeDirs,
  moduleRelativeImports,
  pathWrappers,
  envPassedPaths,
  envFolders,
  scriptFileArgs,
  parcel,
  payload,
  playwright,
  plop,
  pluginManifests,
  manifestFolderPlugins,
  dataDottedNames,
  moduleNameFiles,
  pasteDeploy,
  pecan,
  pluginRegistrations,
  protocolAttributes,
  postcss,
  preconstruct,
  prefixedImports,
  osloPrefixedImports,
  searchPathLoaders,
  moduleWalkLoaders,
  attributeTemplates,
  sourceTextImports,
  handedLoaders,
  finderPackagePaths,
  listingPackagePaths,
  listingPackagePathsHanded,
  libraryNameLoads,
  djangoTemplateCommands,
  configDirPaths,
  pythonModuleArgs,
  pythonModulePrefixArgs,
  configBinDirs,
  configChoices,
  configDefaults,
  prisma,
  pytest,
  pythonFolderLoaders,
  pythonStarAllListings,
  rqJobs,
  envDefaultImports,
  pythonLibrary,
  pythonLoaderWrappers,
  qwik,
  quasar,
  reactCosmos,
  redwood,
  relay,
  releaseIt,
  remix,
  rolldown,
  rollup,
  rsbuild,
  rspack,
  rstest,
  sails,
  setupTests,
  sizeLimit,
  spawnedPaths,
  starlight,
  staticDirs,
  storybook,
  strapiV3,
  stringModules,
  keyedImportValues,
  // After string-modules: an edge both give keeps string-modules' sentence (framework-edges keeps the first).
  settingsClassPaths,
  defaultAppConfigs,
  stryker,
  stylelint,
  sveltekit,
  sveltePackage,
  tailwind,
  tanstackRouter,
  tanstackRouteTrees,
  templateStatic,
  renderedTemplates,
  schemeScriptUrls,
  amdModules,
  staticAttributes,
  tornadoStatic,
  testData,
  threadsWorkers,
  tscInPlace,
  tsdown,
  tsup,
  tstyche,
  tsd,
  turboGen,
  umi,
  vike,
  vite,
  viteFileRoutes,
  unpluginAutoImport,
  unpluginVueComponents,
  vitePluginPwa,
  vitepress,
  vuepress,
  vueCli,
  emberBlueprints,
  commanderSubcommands,
  vitest,
  webdriverio,
  webpack,
  workerpoolScripts,
  bundlerApiConfigs,
  // Last: its edge is the weakest claim on a file, so an edge another reader draws from the same test line (pytest_plugins, a computed import) comes first and is the one a chain shows.
  testDottedStrings,
];

/**
 * Issue 19: readers whose enabledBy is null in a repo without a .py file, each found by reading it
 * (every one asks a .py file's facts, imports or text before it says yes, or needs a package's
 * __init__.py). runFrameworks skips them there, at one place, instead of each walking every path
 * of a JS repo to find no Python (payload: 8,854 paths, about 1 ms a reader). A Python reader that
 * may say yes without one (alembic.ini, ansible.cfg, an entry_points.txt, a template) is not here.
 */
export const PYTHON_SOURCE_READERS: ReadonlySet<FrameworkReader> = new Set([
  renderedTemplates,
  attributeImports,
  schemeScriptUrls,
  attributeTemplates,
  celery,
  chosenPackageImports,
  codeTemplates,
  configChoices,
  configDefaults,
  dataDottedNames,
  defaultAppConfigs,
  django,
  djangoTemplateCommands,
  djangoTestSettings,
  doctestImports,
  envDefaultImports,
  finderPackagePaths,
  graphqlLazyTypes,
  handedLoaders,
  libraryNameLoads,
  listingPackagePaths,
  listingPackagePathsHanded,
  manifestFolderPlugins,
  moduleNameFiles,
  moduleRelativeImports,
  packageConfigs,
  packageScripts,
  prefixedImports,
  osloPrefixedImports,
  protocolAttributes,
  pythonFolderLoaders,
  pythonModuleArgs,
  pythonModulePrefixArgs,
  pythonStarAllListings,
  resourceAnchors,
  resourceWrappers,
  rqJobs,
  searchPathLoaders,
  moduleWalkLoaders,
  settingsClassPaths,
  sourceTextImports,
  spawnedPaths,
  stringModules,
  keyedImportValues,
]);

/**
 * Stop 62: the Python readers left out of PYTHON_SOURCE_READERS on purpose, each with why it may say
 * yes in a repo without a `.py` file. Every Python reader is in exactly one of the two sets (test
 * python-source-gate), so a new one cannot be forgotten: it is either skipped without Python source
 * or named here with its reason.
 */
export const PYTHON_READERS_WITHOUT_SOURCE: ReadonlyMap<FrameworkReader, string> = new Map([
  [configBinDirs, "a config in a filesystem tree naming a program folder (mailman.cfg's bin_dir)"],
  [alembic, 'alembic.ini / migrate.cfg alone'],
  [ansible, 'ansible.cfg, playbooks and roles (YAML)'],
  [ansiblePluginPaths, "ansible.cfg's plugin folder settings"],
  [installedEntryPoints, "an installed distribution's entry_points.txt"],
  [pythonLibrary, "an installed distribution's metadata (RECORD, top_level.txt)"],
  [pasteDeploy, 'a PasteDeploy .ini'],
  [mkdocsThemeDirs, 'mkdocs.yml and theme folders'],
  [pluginManifests, 'a *.plug / *.yapsy-plugin manifest'],
  [templateStatic, 'templates (.html, .jinja) that name static files'],
  [amdModules, 'HTML pages and AMD JavaScript'],
  [heatTemplates, 'Heat templates (YAML) read by a package'],
  [httpWebRoots, 'a web root folder of web files'],
  [entryPointScripts, 'extensionless Python scripts (usr/bin launchers) that call load_entry_point'],
  [configDirPaths, 'config files beside extensionless Python code'],
  // Not yet checked against the gate's claim (they read Python source, perhaps extensionless):
  // candidates for PYTHON_SOURCE_READERS once each is shown null without a .py.
  [flaskStatic, 'unchecked: Flask apps'],
  [packageData, 'unchecked: package data paths'],
  [pecan, "unchecked: Pecan config dicts"],
  [pluginRegistrations, 'unchecked: *.gpr.py registrations (a .py suffix: likely source-only)'],
  [pytest, "unchecked: the tests detector's entries"],
  [pythonLoaderWrappers, 'unchecked: loader functions'],
  [staticAttributes, 'unchecked: module attributes naming static files'],
  [tornadoStatic, 'unchecked: Tornado static_path'],
  [testDottedStrings, 'unchecked: dotted strings in tests'],
]);

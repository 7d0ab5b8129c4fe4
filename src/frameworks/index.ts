/**
 * Every framework reader, one import per file, sorted by id. To add one: a file under
 * src/frameworks/<ecosystem>/, a line here, a fixture repo under test/fixtures/frameworks/ and a
 * test under test/frameworks/.
 */
import angular from './js/angular.js';
import cypress from './js/cypress.js';
import eslint from './js/eslint.js';
import jest from './js/jest.js';
import next from './js/next.js';
import nuxt from './js/nuxt.js';
import playwright from './js/playwright.js';
import storybook from './js/storybook.js';
import sveltekit from './js/sveltekit.js';
import vite from './js/vite.js';
import vitest from './js/vitest.js';
import webpack from './js/webpack.js';
import alembic from './python/alembic.js';
import django from './python/django.js';
import pytest from './python/pytest.js';
import stringModules from './python/string-modules.js';
import type { FrameworkReader } from './types.js';

export const READERS: readonly FrameworkReader[] = [alembic, angular, cypress, django, eslint, jest, next, nuxt, playwright, pytest, storybook, stringModules, sveltekit, vite, vitest, webpack];

/**
 * A path under a test folder: a config found there (a compose file's init binds, a supervisord
 * conf in supervisor's tests/fixtures) is the tests' setup, so what it runs runs as a test; a
 * plopfile there is where plop's own repository runs itself in its tests (frameworks/js/plop.ts).
 */
export const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__|e2e|spec|integration-tests?)\//;

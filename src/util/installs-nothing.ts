/**
 * The folders that install and deploy nothing: a tree or a config kept as a test's fixture, an
 * example or documentation (`tests/fixtures/fakeroot/usr/bin/python3`, `docs/paste-example.ini`).
 * Entry detectors that read a filesystem tree (entries/support/filesystem-root.ts), Python's script
 * folders and framework readers (PasteDeploy configs) all ask this one rule.
 */

/** A folder kept as a test's fixture, an example or documentation, anywhere in the path. */
const NOT_INSTALLED = /(?:^|\/)(?:tests?|__tests__|spec|fixtures?|testdata|test-data|mocks?|examples?|samples?|docs?)\//i;

/**
 * Whether files in `folder` (a repo-relative folder: a filesystem tree's root, or the folder a unit
 * file or a config lies in; '' for the repo's root, with or without a trailing `/`) are kept as a
 * test's fixture, an example or documentation, which install nothing: installed-commands,
 * system-hooks, dbus-services, systemd, uWSGI and PasteDeploy configs ask it, and Python's script folders.
 */
export const installsNothing = (folder: string): boolean => folder !== '' && NOT_INSTALLED.test(folder.endsWith('/') ? folder : `${folder}/`);

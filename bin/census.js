#!/usr/bin/env node
import module from 'node:module';
// Node 22.1+ keeps compiled code between runs (in the OS temp folder, never the audited repo):
// start-up is most of a short command such as `census why`. Older Node has no such switch.
module.enableCompileCache?.();
const { run } = await import('../dist/src/cli/main.js');
process.exitCode = await run(process.argv.slice(2));

/** `tsx [watch] [options] file.ts`: node's options plus tsx's own. */
import { literal } from '../value.js';
import { NODE_VALUES, nodeLike } from './node.js';
import type { Launcher } from './types.js';

export const tsx: Launcher = {
  names: ['tsx', 'esno', 'esrun'],
  run: (args) => nodeLike(literal(args[0]) === 'watch' ? args.slice(1) : args, { values: [...NODE_VALUES, '--tsconfig', '--include', '--exclude', '--ignore'] }, 'tsx'),
};

/**
 * One import resolver per ecosystem, built once per scan on the main thread (the JS resolver loads
 * a native module the extraction workers must not). A language reaches its resolver through the
 * `ecosystem` of its record.
 */
import type { Language } from '../model/file.js';
import type { ImportResolver, ResolveContext } from '../resolve/types.js';
import { createJavaScriptResolver } from './javascript/resolve.js';
import { createPythonResolver } from './python/resolve/resolver.js';
import { languageRecord } from './registry.js';
import type { Ecosystem } from './types.js';

export type Resolvers = Readonly<Record<Ecosystem, ImportResolver>>;

const FACTORIES: Record<Ecosystem, (context: ResolveContext) => ImportResolver> = {
  javascript: createJavaScriptResolver,
  python: createPythonResolver,
};

export const createResolvers = (context: ResolveContext): Resolvers => ({
  javascript: FACTORIES.javascript(context),
  python: FACTORIES.python(context),
});

/** The resolver a file's imports go through, by its language's ecosystem; null for languages without imports. */
export const resolverFor = (language: Language, resolvers: Resolvers): ImportResolver | null => {
  const ecosystem = languageRecord(language)?.ecosystem;
  return ecosystem === undefined ? null : resolvers[ecosystem];
};

/**
 * Where the manifest readers put what they find: declared distributions by normalised name,
 * constraint pins kept apart (a pin declares nothing), and diagnostics.
 */
import type { Diagnostic } from '../../../model/diagnostic.js';
import { normalizeDistributionName } from './known-names.js';

export interface DeclarationSource {
  /** Repo-relative manifest path. */
  file: string;
  line: number;
  /** Optional/dev group: a PEP 621 extra, a dependency group, a poetry group, `dev` for requirements-dev.txt. */
  group?: string;
}

export interface DeclaredDependency {
  /** The name as first written. */
  name: string;
  sources: DeclarationSource[];
}

export class DeclaredSink {
  readonly byName = new Map<string, DeclaredDependency>();
  readonly constraints = new Map<string, DeclaredDependency>();
  readonly diagnostics: Diagnostic[] = [];

  add(name: string, source: DeclarationSource, asConstraint = false): void {
    const map = asConstraint ? this.constraints : this.byName;
    const key = normalizeDistributionName(name);
    const dep = map.get(key);
    const same = (s: DeclarationSource): boolean => s.file === source.file && s.line === source.line && s.group === source.group;
    if (dep && !dep.sources.some(same)) dep.sources.push(source);
    else map.set(key, { name, sources: [source] });
  }
}

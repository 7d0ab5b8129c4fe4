/**
 * Makefile rules and their recipes, as GNU make reads them: continuations, `define`/`endef`,
 * conditionals (both branches are read), variable assignments, explicit rules with inline
 * `; recipe`, tab-indented recipe lines. Recipes come out ready for the command analyser:
 * `@`/`-`/`+` prefixes stripped, `$(MAKE)` → make, the makefile's own variables expanded,
 * automatic variables `$@ $< $^` filled in, `$$` → `$`, and a variable the makefile does not
 * define becomes the shell's `${NAME}` (make takes it from the environment).
 */
import { warning } from '../util/diagnostics.js';
import { splitLines } from '../util/lines.js';
import type { ManifestFormat } from './store.js';

export interface MakeRecipeLine {
  text: string;
  line: number;
}

export interface MakeRule {
  targets: string[];
  prerequisites: string[];
  line: number;
  recipe: MakeRecipeLine[];
}

/** An `include`/`-include`/`sinclude` line: the makefiles it names (relative to make's folder). */
export interface MakeInclude {
  paths: string[];
  line: number;
}

export interface MakeProblem {
  line: number;
  message: string;
}

const ASSIGNMENT = /^(?:(?:override|export|private)\s+)*([A-Za-z0-9_.-]+)\s*(::?=|:::=|\?=|\+=|!=|=)\s*(.*)$/;
const RULE = /^([^:=#\t][^:=#]*?)\s*(::?)(?!=)\s*(.*)$/;
/** Directives, and top-level function calls such as `$(eval …)`: valid make, no rule. */
const DIRECTIVE = /^((ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude|vpath|unexport|export|undefine)\b|\$[({])/;
const BUILTIN: Record<string, string> = { MAKE: 'make', RM: 'rm -f', SHELL: '/bin/sh' };

const isSpecialTarget = (t: string): boolean => /^\.[A-Z_]+$/.test(t) || t.includes('%');

export const expandMake = (text: string, vars: Map<string, string>, auto: Record<string, string> = {}, depth = 0): string =>
  text.replace(/\$(?:\(([^()\s$:]+)\)|\{([^{}\s$:]+)\}|([@<^*?$]))/g, (whole, paren?: string, brace?: string, single?: string) => {
    if (single === '$') return '$';
    if (single) return auto[single] ?? whole;
    const name = (paren ?? brace)!;
    if (name.length === 1 && auto[name] !== undefined) return auto[name];
    const value = vars.get(name) ?? BUILTIN[name];
    if (value === undefined) return `\${${name}}`;
    return depth < 10 ? expandMake(value, vars, auto, depth + 1) : value;
  });

const stripRecipePrefix = (line: string): string => line.replace(/^[\s@+-]+/, '');

export const parseMakefile = (text: string): { rules: MakeRule[]; variables: Map<string, string>; problems: MakeProblem[]; includes: MakeInclude[] } => {
  const lines = splitLines(text);
  const rules: MakeRule[] = [];
  const includes: MakeInclude[] = [];
  const variables = new Map<string, string>();
  const problems: MakeProblem[] = [];
  let rule: MakeRule | null = null;
  let inDefine = false;
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i];
    while (logical.endsWith('\\') && i + 1 < lines.length) logical = `${logical.slice(0, -1).trimEnd()} ${lines[++i].trim()}`;
    if (inDefine) {
      if (/^\s*endef\b/.test(logical)) inDefine = false;
      continue;
    }
    if (logical.startsWith('\t')) {
      const body = stripRecipePrefix(logical.slice(1)).trim();
      if (rule && body !== '' && !body.startsWith('#')) rule.recipe.push({ text: body, line: start + 1 });
      continue;
    }
    const trimmed = logical.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (trimmed === '') continue;
    if (/^(?:(?:override|export)\s+)?define\b/.test(trimmed)) {
      inDefine = true;
      rule = null;
      continue;
    }
    const assignment = ASSIGNMENT.exec(trimmed);
    if (assignment) {
      const [, name, op, value] = assignment;
      if (op === '+=') variables.set(name, `${variables.get(name) ?? ''} ${value}`.trim());
      else if (op === '?=') {
        if (!variables.has(name)) variables.set(name, value);
      } else if (op !== '!=') variables.set(name, value);
      continue;
    }
    const include = /^(?:-?include|sinclude)\s+(.+)$/.exec(trimmed);
    if (include) {
      // Expanded with the variables known at this line, as make reads it; a computed name is left out.
      const paths = expandMake(include[1], variables).split(/\s+/).filter((p) => p !== '' && !p.includes('$') && !/[*?[]/.test(p));
      if (paths.length > 0) includes.push({ paths, line: start + 1 });
      continue;
    }
    if (DIRECTIVE.test(trimmed)) continue;
    const m = RULE.exec(trimmed);
    if (!m) {
      problems.push({ line: start + 1, message: `not a rule, assignment or directive: ${trimmed.slice(0, 60)}` });
      rule = null;
      continue;
    }
    const [deps, inline] = splitInline(m[3]);
    // `target: VAR = value` sets a target-specific variable; it is not a rule of its own.
    if (/^[A-Za-z0-9_.-]+\s*(::?=|\?=|\+=|=)/.test(deps)) continue;
    rule = { targets: m[1].split(/\s+/), prerequisites: deps.split(/\s+|\|/).filter((d) => d !== ''), line: start + 1, recipe: [] };
    if (inline !== null && inline.trim() !== '') rule.recipe.push({ text: stripRecipePrefix(inline).trim(), line: start + 1 });
    rules.push(rule);
  }
  return { rules, variables, problems, includes };
};

const splitInline = (rest: string): [string, string | null] => {
  const semi = rest.indexOf(';');
  return semi < 0 ? [rest, null] : [rest.slice(0, semi), rest.slice(semi + 1)];
};

export interface MakeTarget {
  line: number;
  recipe: string[];
  /** The recipe's lines, parallel to `recipe`. */
  lines: number[];
}

/** Every explicit target (special and pattern targets left out) with its expanded recipe. */
const targetsOf = ({ rules, variables }: { rules: MakeRule[]; variables: Map<string, string> }): Map<string, MakeTarget> => {
  const out = new Map<string, MakeTarget>();
  for (const rule of rules) {
    for (const target of rule.targets.map((t) => expandMake(t, variables))) {
      if (isSpecialTarget(target) || target.includes('$')) continue;
      const auto = { '@': target, '<': rule.prerequisites[0] ?? '', '^': rule.prerequisites.join(' ') };
      const existing = out.get(target) ?? { line: rule.line, recipe: [], lines: [] };
      for (const r of rule.recipe) {
        existing.recipe.push(expandMake(r.text, variables, auto));
        existing.lines.push(r.line);
      }
      out.set(target, existing);
    }
  }
  return out;
};

/** A Makefile's explicit targets; its malformed lines are reported once, naming file and line. */
export const MAKEFILE: ManifestFormat<Map<string, MakeTarget>> = {
  id: 'makefile',
  parse: (text, path) => {
    const parsed = parseMakefile(text);
    return {
      value: targetsOf(parsed),
      diagnostics: parsed.problems.map((p) => warning('makefile/bad-line', `malformed Makefile: ${p.message}`, path, p.line)),
    };
  },
};

/** The makefiles a makefile includes, in order. */
export const MAKEFILE_INCLUDES: ManifestFormat<MakeInclude[]> = {
  id: 'makefile-includes',
  parse: (text) => ({ value: parseMakefile(text).includes, diagnostics: [] }),
};

/**
 * `exec("from .%s import …" % x)`, `exec("import pkg.%s" % x)`, `exec(f"from .{x} import …")`: a module name
 * formatted into an import statement run by exec. Group 2 is the module part. Shared by Python extraction (which
 * notes the lines) and prefixed-imports (which reads the module part of a noted line), so both see the same calls.
 */
export const EXEC_IMPORT = /(?<![\w.])exec\s*\(\s*[rRuUfF]{0,2}(['"])\s*(?:from|import)\s+([\w.]*(?:%s|\{\w*\})\w*)/;

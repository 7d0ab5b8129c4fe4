/**
 * `exec("from .%s import …" % x)`, `exec("import pkg.%s" % x)`, `exec(f"from .{x} import …")`: a module name
 * formatted into an import statement run by exec. Group 2 is the module part. Shared by Python extraction (which
 * notes the lines) and prefixed-imports (which reads the module part of a noted line), so both see the same calls.
 */
export const EXEC_IMPORT = /(?<![\w.])exec\s*\(\s*[rRuUfF]{0,2}(['"])\s*(?:from|import)\s+([\w.]*(?:%s|\{\w*\})\w*)/;

const EXEC_IMPORT_AT = new RegExp(EXEC_IMPORT.source, 'y');

/**
 * Whether the `exec` name token at offset `at` of `text` starts such a call. Extraction asks it only for
 * `exec` tokens the scanner saw in code (tokenize.ts notes them), so an `exec("from .%s import …")` written in
 * a docstring, another string or a comment is no import.
 */
export const execImportAt = (text: string, at: number): boolean => {
  EXEC_IMPORT_AT.lastIndex = at;
  return EXEC_IMPORT_AT.test(text);
};

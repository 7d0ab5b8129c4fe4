/**
 * Reserved words per tokenizer mode. Keywords stay concrete when identifiers are abstracted
 * (`for x in` and `while x in` must not look alike), and never count as overlap terms.
 */
import type { TokenMode } from '../../languages/types.js';

export type { TokenMode };

const words = (text: string): Set<string> => new Set(text.split(/\s+/).filter(Boolean));

export const KEYWORDS: Record<TokenMode, Set<string>> = {
  python: words(`False None True and as assert async await break class continue def del elif else except
    finally for from global if import in is lambda nonlocal not or pass raise return try while with yield
    match case`),
  js: words(`break case catch class const continue debugger default delete do else enum export extends false
    finally for function if import in instanceof new null return super switch this throw true try typeof var
    void while with yield let static implements interface package private protected public await async of
    as type declare readonly abstract namespace module keyof infer is satisfies undefined`),
  shell: words(`if then else elif fi case esac for select while until do done in function time coproc
    local export declare readonly return exit source set unset shift`),
};

import { QueryTooComplexError } from './errors';
import { maskLiterals } from './sparqlText';

/** Limits on the shape of a query, checked on its text before any engine sees it. The
 *  engine parses and plans recursively on a fixed stack: past a few hundred levels of
 *  nested groups (about 700 braces), or a chain of some 800 OPTIONALs or 3,000 UNIONs, it
 *  fails with a WebAssembly trap instead of an error. The limits keep every query well below
 *  the depths measured to fail, and far above what real queries use. */

/** Deepest nesting of `{`, `(` and `[` together. */
export const MAX_NESTING_DEPTH = 64;

/** Most algebra operators in one query: groups, parentheses, the keywords that add a node
 *  (UNION, OPTIONAL, MINUS, FILTER, BIND, GRAPH, SERVICE, EXISTS, SELECT, VALUES) and the
 *  operators that chain (`||`, `&&`, `|`, `/`, `+`). */
export const MAX_ALGEBRA_OPERATORS = 1_000;

/** Longest query text, in UTF-16 code units: room for the multi-megabyte VALUES blocks
 *  federators send (the endpoint answers 4 MiB ones), and the masking pass over it stays in
 *  the tens of milliseconds. */
export const MAX_QUERY_CHARS = 6 * 1024 * 1024;

const OPEN = new Set(['{', '(', '[']);
const CLOSE = new Set(['}', ')', ']']);
const OPERATOR_KEYWORDS = /(?<![\w?$:@.-])(?:UNION|OPTIONAL|MINUS|FILTER|BIND|GRAPH|SERVICE|EXISTS|SELECT|VALUES)(?![\w:-])/gi;
const OPERATOR_SYMBOLS = /\|\||&&|[|/+]/g;

/** Where a character index falls, as 1-based line and column. */
function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** Refuses, with QueryTooComplexError, a query the engine cannot evaluate safely. Cheap: one
 *  pass over the text after masking strings, IRIs and comments. */
export function assertEvaluable(query: string): void {
  if (query.length > MAX_QUERY_CHARS) {
    throw new QueryTooComplexError(`The query is ${query.length} characters long; this service evaluates queries of at most ${MAX_QUERY_CHARS}`);
  }
  const masked = maskLiterals(query);
  let depth = 0;
  let operators = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (OPEN.has(c)) {
      operators++;
      if (++depth > MAX_NESTING_DEPTH) {
        const at = position(query, i);
        throw new QueryTooComplexError(
          `The query nests groups and parentheses more than ${MAX_NESTING_DEPTH} deep (at line ${at.line}, column ${at.column}); this service evaluates queries nested at most ${MAX_NESTING_DEPTH} deep`,
        );
      }
    } else if (CLOSE.has(c) && depth > 0) depth--;
  }
  operators += masked.match(OPERATOR_KEYWORDS)?.length ?? 0;
  operators += masked.match(OPERATOR_SYMBOLS)?.length ?? 0;
  if (operators > MAX_ALGEBRA_OPERATORS) {
    throw new QueryTooComplexError(
      `The query has ${operators} operators (groups, parentheses, UNION, OPTIONAL, FILTER, path steps, ...); this service evaluates queries of at most ${MAX_ALGEBRA_OPERATORS}`,
    );
  }
}

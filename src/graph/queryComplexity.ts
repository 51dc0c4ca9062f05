import { QueryTooComplexError } from './errors';
import { MAX_ALGEBRA_OPERATORS, MAX_NESTING_DEPTH, MAX_QUERY_CHARS } from './limits';
import { maskLiterals } from './sparqlText';

/** Limits on the shape of a query, checked on its text before any engine sees it. The
 *  engine parses and plans recursively on a fixed stack: past a few hundred levels of
 *  nested groups (about 700 braces), or a chain of some 800 OPTIONALs or 3,000 UNIONs, it
 *  fails with a WebAssembly trap instead of an error. The limits keep every query well below
 *  the depths measured to fail, and far above what real queries use (their values are in
 *  ./limits.ts). */

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

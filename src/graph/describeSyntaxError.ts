/** oxigraph's SPARQL parser reports what it expected as the alternatives of its grammar:
 *  keywords, quoted punctuation and Unicode character ranges (`['A' ..= 'Z' | ...]`, `[_]` for
 *  any character), at the furthest point it reached, which is often the end of the query
 *  rather than the token at fault. This turns that into words a person reads. The query is
 *  parsed again with sparqljs (an LR parser that stops at the first token it cannot take):
 *  when it stops too, its position and the token it found are the more precise ones. */
import { Parser as SparqlParser } from 'sparqljs';

/** How much of the query is quoted after the position. */
const NEAR_CHARS = 24;

/** A keyword list made of built-in function names means "an expression". */
const FUNCTION_NAMES = new Set([
  'ABS',
  'AVG',
  'BNODE',
  'BOUND',
  'CEIL',
  'COALESCE',
  'CONCAT',
  'CONTAINS',
  'COUNT',
  'DATATYPE',
  'DAY',
  'ENCODE_FOR_URI',
  'EXISTS',
  'FLOOR',
  'GROUP_CONCAT',
  'HOURS',
  'IF',
  'IRI',
  'LANG',
  'LANGMATCHES',
  'LCASE',
  'MAX',
  'MD5',
  'MIN',
  'MINUTES',
  'MONTH',
  'NOT',
  'NOW',
  'RAND',
  'REGEX',
  'REPLACE',
  'ROUND',
  'SAMPLE',
  'SECONDS',
  'SHA1',
  'SHA256',
  'SHA384',
  'SHA512',
  'STR',
  'STRAFTER',
  'STRBEFORE',
  'STRDT',
  'STRENDS',
  'STRLANG',
  'STRLEN',
  'STRSTARTS',
  'STRUUID',
  'SUBJECT',
  'PREDICATE',
  'OBJECT',
  'SUBSTR',
  'SUM',
  'TIMEZONE',
  'TRIPLE',
  'TZ',
  'UCASE',
  'URI',
  'UUID',
  'YEAR',
  'isBLANK',
  'isIRI',
  'isLITERAL',
  'isNUMERIC',
  'isTRIPLE',
  'isURI',
  'sameTerm',
]);

/** Quoted tokens, in words (those not listed are shown as themselves, in quotes). */
const TOKEN_WORDS: Readonly<Record<string, string | null>> = {
  '?': 'a variable',
  $: 'a variable',
  '<': 'an IRI',
  ':': 'a prefixed name',
  _: 'a blank node',
  '_:': 'a blank node',
  '[': "a blank node '[ ]'",
  '"': 'a string',
  "'": 'a string',
  '"""': 'a string',
  "'''": 'a string',
  true: 'true or false',
  false: 'true or false',
  '+': 'a number',
  '-': 'a number',
  // Inside a string: its escapes and closing quote.
  '\\': null,
  '\\u': null,
  '\\U': null,
  // RDF-star syntax: not what a person forgot.
  '<<': null,
  '<<(': null,
  '{|': null,
  '~': null,
};

/** One alternative of the expected list, in words; null when it says nothing useful. */
function alternative(raw: string): string | null {
  if (raw === '[_]') return null;
  if (raw.startsWith('[')) {
    if (/'0'\s*\.\.=\s*'9'/.test(raw) && !/'A'/.test(raw)) return 'a number';
    if (/'A'\s*\.\.=\s*'Z'|'a'\s*\.\.=\s*'z'|\\u\{/.test(raw)) return 'a name';
    return null; // A single character inside a name (['.'], [':'], ['%'] ...).
  }
  const quoted = /^"(.*)"$/.exec(raw);
  if (quoted) {
    const token = quoted[1].replace(/\\(.)/g, '$1');
    if (Object.hasOwn(TOKEN_WORDS, token)) return TOKEN_WORDS[token];
    return `'${token}'`;
  }
  if (raw === 'Prefix not found') return null;
  if (raw === 'IRI parsing failed') return 'a valid IRI';
  return raw; // A keyword.
}

/** The alternatives of "expected one of A, B, [ranges], ..." (ranges contain commas and newlines). */
function splitAlternatives(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let current = '';
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quote) {
      current += c;
      if (c === '\\') current += list[++i] ?? '';
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"' && depth === 0) quote = true;
    if (c === '[') depth++;
    if (c === ']') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Offset in `text` of a 1-based line and column (columns count characters). */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + [...text.slice(offset)].slice(0, column - 1).join('').length);
}

/** sparqljs (Jison) token names, in words; null: not worth saying. */
function tokenWord(token: string): string | null {
  const name = token.replace(/^'|'$/g, '');
  if (name === 'EOF') return 'the end of the query';
  if (name === 'VAR') return 'a variable';
  if (name === 'IRIREF') return 'an IRI';
  if (/^PNAME_/.test(name)) return 'a prefixed name';
  if (/^(INTEGER|DECIMAL|DOUBLE)/.test(name)) return 'a number';
  if (/^STRING_LITERAL/.test(name)) return 'a string';
  if (name === 'BOOLEAN') return 'true or false';
  if (name === 'BLANK_NODE_LABEL' || name === 'ANON' || name === '[' || name === ']') return 'a blank node';
  if (name === 'NIL') return "'()'";
  if (/^FUNC_|^(BOUND|BNODE|EXISTS|COUNT|GROUP_CONCAT|NOT|CONCAT|COALESCE|SUBSTR|REGEX|REPLACE)$/.test(name)) return 'an expression';
  if (['<<', '>>', '{|', '|}', 'INVALID'].includes(name)) return null;
  if (['!', '^'].includes(name)) return null;
  if (['|', '/', '?'].includes(name)) return 'a property path';
  if (/^[A-Z][A-Z_]*$/.test(name)) return name.replace(/^(INSERT|DELETE)(DATA|WHERE)$/, '$1 $2');
  if (name === 'a') return "'a'";
  return `'${name}'`;
}

/** Order of the expected alternatives: what a person most likely forgot first. */
function rank(word: string): number {
  const order = ['an expression', 'a variable', 'an IRI', 'a prefixed name', 'a string', 'a number', 'true or false', 'a blank node', 'a property path'];
  if (order.includes(word)) return order.indexOf(word);
  if (word === 'the end of the query') return 100;
  return /^'/.test(word) ? 50 : 20;
}

interface Located {
  line: number;
  column: number;
  found: string;
  expected: string[];
}

/** Where sparqljs stops on the query, and what it found there; undefined when it reads the
 *  query, or stops for another reason (its `message` is then returned for those). */
function locate(query: string): Located | { message: string } | undefined {
  try {
    new SparqlParser().parse(query);
    return undefined;
  } catch (error) {
    const hash = (error as { hash?: { loc?: { last_line: number; last_column: number }; token?: string; text?: string; expected?: string[] } }).hash;
    if (!hash?.loc) return { message: (error as Error).message };
    // The location is the last token read; the offending one follows, past spaces and comments.
    let offset = offsetOf(query, hash.loc.last_line, hash.loc.last_column + 1);
    for (;;) {
      const skipped = /^(?:\s+|#[^\n]*)/.exec(query.slice(offset));
      if (!skipped) break;
      offset += skipped[0].length;
    }
    const before = query.slice(0, offset).split('\n');
    const position = { line: before.length, column: [...before[before.length - 1]].length + 1 };
    const expected = [...new Set((hash.expected ?? []).map(tokenWord).filter((w): w is string => w !== null))].sort((a, b) => rank(a) - rank(b));
    if (hash.token === 'INVALID') {
      const text = query.slice(offset, offset + NEAR_CHARS).split(/\s/)[0];
      // A short list is a precise hint ("LIMIT x": a number); a long one says nothing.
      if (expected.length <= 3) return { ...position, found: `'${text}'`, expected };
      return {
        ...position,
        found: `'${text}', which is not a SPARQL keyword, name or term (an unclosed string or IRI, a space inside an IRI, a misspelt keyword?)`,
        expected: [],
      };
    }
    const found = hash.token === 'EOF' ? 'the end of the query' : `'${hash.text || query[offset]}'`;
    return { ...position, found, expected };
  }
}

/** A described syntax error: its position (1-based) and what was wrong, in words. */
export interface DescribedSyntaxError {
  line: number;
  column: number;
  description: string;
}

/** The engine's error, described: at the token at fault when sparqljs finds it, else where
 *  oxigraph stopped. */
export function describeEngineSyntaxError(expected: string, query: string | undefined, line: number, column: number): DescribedSyntaxError {
  if (query !== undefined && query.trim() === '') return { line, column, description: 'the query is empty' };
  const located = query === undefined ? undefined : locate(query);
  if (located && 'found' in located) {
    const list = located.expected.length > 8 ? [...located.expected.slice(0, 8), 'something else'] : located.expected;
    return { line: located.line, column: located.column, description: `found ${located.found}${list.length ? `, expected ${joinWords(list)}` : ''}` };
  }
  const description = describeSyntaxError(expected, query, line, column);
  // sparqljs read the grammar but refused the meaning (a variable bound twice ...): its words.
  if (located && /^(?:the query could not be read)/.test(description)) return { line, column, description: `${located.message.replace(/\.$/, '')}` };
  return { line, column, description };
}

/** What the parser expected, in words, and where it stopped in the query.
 *  `expected`: the engine's list after "expected" ("one of ..." or a single item). */
export function describeSyntaxError(expected: string, query: string | undefined, line: number, column: number): string {
  const list = expected.replace(/^one of\s+/, '');
  const raw = splitAlternatives(list);
  let words = raw.map(alternative).filter((w): w is string => w !== null);
  const keywords = words.filter((w) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(w));
  if (keywords.length >= 3 && keywords.filter((k) => FUNCTION_NAMES.has(k)).length >= keywords.length / 2) {
    words = ['an expression', ...words.filter((w) => !keywords.includes(w))];
  }
  words = [...new Set(words)];

  const at = query === undefined ? undefined : offsetOf(query, line, column);
  const rest = at === undefined ? undefined : query!.slice(at);
  const nearText =
    rest === undefined
      ? ''
      : rest.trimStart() === ''
        ? ' at the end of the query'
        : ` near "${rest.slice(0, NEAR_CHARS).split('\n')[0]}${rest.length > NEAR_CHARS ? '...' : ''}"`;

  if (raw.includes('Prefix not found') && query !== undefined) {
    const before = query.slice(0, at);
    const prefix = /([A-Za-z][\w.-]*)?:[\w.-]*$/.exec(before)?.[1] ?? '';
    return `the prefix "${prefix}:" is not declared (add PREFIX ${prefix}: <...> before the query)${nearText}`;
  }
  // Nothing but "any character": the parser gave up without a usable expectation.
  if (words.length === 0)
    return `the query could not be read past this point${nearText} (look before it for an unbalanced brace or parenthesis, a missing keyword or a variable bound twice)`;
  return `expected ${joinWords(words)}${nearText}`;
}

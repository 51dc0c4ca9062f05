import type { QueryForm } from './GraphStore';
import { QUERY_FORM_MEMO_ENTRIES, QUERY_FORM_MEMO_MAX_CHARS } from './limits';

/** Lexical facts about SPARQL text, found without a full parse. Each works on a masked copy
 *  of the text where comments, string literals and IRIs are blanked out (same length, so
 *  positions still point into the original), which is enough to find keywords safely. */

const IRIREF = /<[^<>"{}|^`\\\u0000-\u0020]*>/y;

/** Replaces comments, strings and IRIs by spaces (newlines kept). */
export function maskLiterals(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const long = text.startsWith(c.repeat(3), i);
      const quote = long ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) {
        if (!long && (text[j] === '\n' || text[j] === '\r')) break;
        j += text[j] === '\\' ? 2 : 1;
      }
      const stop = Math.min(text.length, j + quote.length);
      blank(i, stop);
      i = stop;
    } else if (c === '<') {
      IRIREF.lastIndex = i;
      if (IRIREF.test(text)) {
        blank(i, IRIREF.lastIndex);
        i = IRIREF.lastIndex;
      } else i++;
    } else i++;
  }
  return out.join('');
}

/** A keyword not part of a variable, prefixed name, language tag or longer word. */
const keyword = (words: string, after = '') => new RegExp(`(?<![\\w?$:@.\\-])(?:${words})(?![\\w:\\-])${after}`, 'gi');

const PROLOGUE_SCAN_CHARS = 16 * 1024;

const PROLOGUE_THEN_FORM = /^\s*(?:(?:BASE|VERSION|PREFIX\s+[^\s:]*:)\s*)*(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])/i;

const forms = new Map<string, QueryForm | null>();

/** The query form (SELECT, ASK, CONSTRUCT, DESCRIBE) after the prologue; undefined when the
 *  text does not start like a query (the engine then reports the syntax error). Short texts
 *  are scanned once: the answer is kept in a small bounded map. */
export function queryForm(query: string): QueryForm | undefined {
  if (query.length > QUERY_FORM_MEMO_MAX_CHARS) return scanQueryForm(query);
  let form = forms.get(query);
  if (form === undefined) {
    form = scanQueryForm(query) ?? null;
    if (forms.size >= QUERY_FORM_MEMO_ENTRIES) forms.delete(forms.keys().next().value as string);
    forms.set(query, form);
  }
  return form ?? undefined;
}

function scanQueryForm(query: string): QueryForm | undefined {
  // The form follows the prologue, usually within the first few KiB: look there first so a
  // multi-megabyte query is not scanned whole on the request thread.
  const head = PROLOGUE_THEN_FORM.exec(maskLiterals(query.slice(0, PROLOGUE_SCAN_CHARS)));
  const match = head ?? (query.length > PROLOGUE_SCAN_CHARS ? PROLOGUE_THEN_FORM.exec(maskLiterals(query)) : null);
  return match ? (match[1].toUpperCase() as QueryForm) : undefined;
}

/** True when the query names its own dataset with FROM or FROM NAMED. */
export function declaresDataset(query: string): boolean {
  // Masking costs a pass over the text: skip it when the word cannot be there.
  return /from/i.test(query) && keyword('FROM').test(maskLiterals(query));
}

/** The distinct non-deterministic functions an update calls (RAND, UUID, STRUUID), upper-cased. */
export function nonDeterministicCalls(update: string): string[] {
  if (!/rand|uuid/i.test(update)) return [];
  const found = maskLiterals(update).match(keyword('RAND|UUID|STRUUID', '(?=\\s*\\()'));
  return [...new Set((found ?? []).map((f) => f.toUpperCase()))];
}

/** Replaces every NOW() call by the given instant as an xsd:dateTime literal. SPARQL defines
 *  NOW() as constant within one execution, so this keeps the meaning while making the text
 *  replay to the same result. */
export function freezeNow(update: string, instant: Date): string {
  if (!/now/i.test(update)) return update;
  const masked = maskLiterals(update);
  const literal = `"${instant.toISOString()}"^^<http://www.w3.org/2001/XMLSchema#dateTime>`;
  const calls = [...masked.matchAll(keyword('NOW', '\\s*\\(\\s*\\)'))];
  let text = update;
  for (const call of calls.reverse()) {
    const start = call.index ?? 0;
    text = text.slice(0, start) + literal + text.slice(start + call[0].length);
  }
  return text;
}

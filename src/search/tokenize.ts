/** How texts and queries are cut into terms and folded: the same way on both sides, so a
 *  query finds what a reader would expect. */

/** Words too common to help ranking (English and French). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and as at by for in of on or the to with au aux ce ces d de des du en et l la le les qu que sa se ses son sur un une'.split(' '),
);

/** Lower case, accents removed: "États" → "etats", "Résolution" → "resolution". One code unit
 *  in gives one code unit out for the Latin letters of the texts, so positions carry over. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A folded copy of `text` with, for each of its code units, the index it came from. */
export function foldWithPositions(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const piece = fold(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) from.push(i);
    folded += piece;
    i += width;
  }
  return { folded, from };
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;
/** A document symbol or a numbered reference: letters or digits joined by '/' or '.', with a digit. */
const SYMBOL = /^[\p{L}\p{N}]+(?:[/.][\p{L}\p{N}]+)+$/u;

/** The terms of a text: its words, and each symbol-like chunk whole and by its endings, so that
 *  "A/RES/64/293" is found by "A/RES/64/293", "RES/64/293" and "64/293", and "5.2" stays one term. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const chunk = raw.replace(EDGE_PUNCTUATION, '');
    if (chunk === '') continue;
    if (SYMBOL.test(chunk) && /\p{N}/u.test(chunk)) {
      const parts = chunk.split('/');
      for (let i = 0; i < parts.length - 1; i++) terms.push(parts.slice(i).join('/'));
      if (parts.length === 1) terms.push(chunk);
    }
    for (const word of chunk.split(WORD_SEPARATOR)) if (word !== '') terms.push(word);
  }
  return terms;
}

/** A term as indexed and searched: folded; stop words dropped (null). */
export function processTerm(term: string): string | null {
  const folded = fold(term);
  return STOP_WORDS.has(folded) ? null : folded;
}

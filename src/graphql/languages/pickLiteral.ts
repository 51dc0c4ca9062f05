import type { SparqlJsonTerm } from '../../graph';

/** The version of a text to show for a language preference: the first preferred language
 *  that has one (a tag matches a range equal to it or a range it starts with followed by '-',
 *  as RFC 4647 lookup: "fr" serves a preference for "fr-CH", and "en-GB" one for "en"), then
 *  the untagged version, then any version (the first by language tag, so the answer is stable). */
export function pickLiteral(literals: readonly SparqlJsonTerm[], preference: readonly string[]): SparqlJsonTerm | undefined {
  if (!literals.length) return undefined;
  const tagged = literals.filter((l) => l['xml:lang']);
  for (const wanted of preference) {
    const range = wanted.toLowerCase();
    const exact = tagged.find((l) => l['xml:lang']!.toLowerCase() === range);
    if (exact) return exact;
    // "fr-CH" falls back to "fr" (lookup truncation), and "en" accepts "en-GB".
    const truncated = truncations(range)
      .map((r) => tagged.find((l) => l['xml:lang']!.toLowerCase() === r))
      .find(Boolean);
    if (truncated) return truncated;
    const narrower = tagged.find((l) => l['xml:lang']!.toLowerCase().startsWith(`${range}-`));
    if (narrower) return narrower;
  }
  return literals.find((l) => !l['xml:lang']) ?? [...tagged].sort((a, b) => (a['xml:lang']! < b['xml:lang']! ? -1 : 1))[0];
}

/** "zh-hant-tw" → ["zh-hant", "zh"] */
function truncations(range: string): string[] {
  const parts = range.split('-');
  const out: string[] = [];
  for (let n = parts.length - 1; n >= 1; n--) out.push(parts.slice(0, n).join('-'));
  return out;
}

/** The GraphQL LangString of a literal. */
export const langString = (term: SparqlJsonTerm): { value: string; language: string | null } => ({
  value: term.value,
  language: term['xml:lang'] ?? null,
});

/** Choose one literal among several by language preference. */
import type { SparqlJsonTerm } from '../graph';

/** The first of `literals` in the first preferred language (a preference 'en' also takes
 *  'en-GB'), else the first untagged one, else the first of any language. Candidates are
 *  taken in their given order, so callers sort them for a stable choice. */
export function pickByLanguage<T extends SparqlJsonTerm>(literals: readonly T[], preferred: readonly string[]): T | undefined {
  const tag = (t: T): string => (t['xml:lang'] ?? '').toLowerCase();
  for (const lang of preferred) {
    const want = lang.toLowerCase();
    const hit = literals.find((t) => tag(t) === want) ?? literals.find((t) => tag(t).startsWith(`${want}-`));
    if (hit) return hit;
  }
  return literals.find((t) => tag(t) === '') ?? literals[0];
}

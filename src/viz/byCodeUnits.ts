/** Plain string order (UTF-16 code units, as SPARQL ORDER BY on IRIs): the same on every
 *  machine and locale, so node lists built from it are stable. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Language ranges of an Accept-Language header, best first (RFC 9110 §12.5.4). The
 *  wildcard and ranges with q=0 are dropped: they state no preference a literal can meet. */
export function acceptLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { range: range.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter(({ range, quality }) => quality > 0 && range !== '*' && /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(range));
  ranges.sort((a, b) => b.quality - a.quality || a.index - b.index);
  return [...new Set(ranges.map((r) => r.range))];
}

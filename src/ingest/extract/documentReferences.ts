/** Resolutions and decisions cited by number ("résolution 64/293 de l'Assemblée générale",
 *  "General Assembly resolution 64/293 of 30 July 2010", "resolutions 68/192 and 70/179",
 *  "Security Council resolution 2331 (2016)") and UN documents cited by symbol
 *  ("E/2017/30", "A/71/119", "A/RES/70/1", "E/CN.15/2017/L.4"). */
import type { IriScheme } from '../../vocab';
import { findDates } from '../dates';
import type { ExtractedLink } from '../links';
import type { Extractor } from './Extractor';

const NUMBER = String.raw`(\d{4}\/\d{1,4}|\d{1,3}\/\d{1,4}(?:\s?[A-Z](?![\p{L}\d]))?|\d{1,5}\s?\(\d{4}\))`;
const KEYWORD_RE = /(?<![\p{L}])(résolutions?|resolutions?|décisions?|decisions?)\s+(?=\d)/giu;
const LIST_ITEM_RE = new RegExp(String.raw`^${NUMBER}`, 'u');
const SEPARATOR_RE =
  /^\s*(?:,\s*(?:et\s+|and\s+)?|\s+et\s+|\s+and\s+|\s+ainsi que\s+|\s+as well as\s+)(?:(?:sa|its|la|the)\s+)?(?:(?:résolution|resolution|décision|decision)s?\s+)?(?=\d)/iu;
const DATE_CLAUSE_RE = /^\s*,?\s*(?:du|of|en date du|dated|adoptée le|adopted on)\s+/iu;

const ORGAN_NAMES: Array<{ slug: string; re: RegExp }> = [
  { slug: 'ecosoc', re: /Conseil économique et social|Economic and Social Council/giu },
  { slug: 'hrc', re: /Conseil des droits de l['’]homme|Human Rights Council/giu },
  { slug: 'unsc', re: /Conseil de sécurité|Security Council/giu },
  { slug: 'unga', re: /Assemblée(?: générale)?|General Assembly|Assembly/gu },
];

const SYMBOL_RE =
  /(?<![\p{L}\d/])((?:A|E|S|ST|TD|DP|UNEP|CCPR|CRC|CEDAW|CERD|CAT|CRPD|CMW|UNW|ICCD|FCCC)\/(?:[A-Z0-9][A-Za-z0-9.-]*\/)*[A-Z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9]+)*(?:\s\(\d{4}\))?)/gu;

/** Symbol of a resolution or decision from its number and organ. */
export function documentSymbol(number: string, organ: string | undefined, decision: boolean): { symbol: string; organ: string } {
  const n = number.replace(/\s+/g, ' ').trim();
  const sc = /^(\d{1,5}) ?\((\d{4})\)$/.exec(n);
  if (sc) return { symbol: `S/RES/${sc[1]} (${sc[2]})`, organ: 'unsc' };
  const isYear = /^\d{4}\//.test(n);
  const o = isYear ? 'ecosoc' : organ === 'ecosoc' || organ === 'unsc' || !organ ? 'unga' : organ;
  const kind = decision ? 'DEC' : 'RES';
  const prefix = o === 'ecosoc' ? `E/${kind}/` : o === 'hrc' ? `A/HRC/${kind}/` : `A/${kind}/`;
  return { symbol: prefix + n, organ: o };
}

/** The organ named closest to [start, end) within the same clause. */
function nearestOrgan(text: string, start: number, end: number): string | undefined {
  const clauseStart = Math.max(text.lastIndexOf(';', start), text.lastIndexOf('.', start - 1) + 0, 0);
  const clauseEndRaw = text.slice(end).search(/[;.](?:\s|$)/);
  const clauseEnd = clauseEndRaw < 0 ? text.length : end + clauseEndRaw;
  let best: { slug: string; distance: number } | undefined;
  for (const { slug, re } of ORGAN_NAMES) {
    re.lastIndex = 0;
    for (const m of text.slice(clauseStart, clauseEnd).matchAll(re)) {
      const s = clauseStart + m.index!;
      const distance = s < start ? start - (s + m[0].length) : s - end;
      if (distance < 0) continue;
      if (!best || distance < best.distance) best = { slug, distance };
    }
  }
  return best?.slug;
}

export function extractDocumentReferences(text: string, iris: IriScheme): ExtractedLink[] {
  const links: ExtractedLink[] = [];
  const dates = findDates(text);
  for (const k of text.matchAll(KEYWORD_RE)) {
    const decision = /^d[ée]cision/i.test(k[1]);
    let pos = k.index! + k[0].length;
    for (;;) {
      const item = LIST_ITEM_RE.exec(text.slice(pos));
      if (!item) break;
      const start = pos;
      let end = pos + item[0].length;
      let date: string | undefined;
      const dc = DATE_CLAUSE_RE.exec(text.slice(end));
      if (dc) {
        const d = dates.find((x) => x.start === end + dc[0].length);
        if (d) {
          date = d.date;
          end = d.end;
        }
      }
      const organ = nearestOrgan(text, k.index!, end);
      const { symbol, organ: o } = documentSymbol(item[1], organ, decision);
      const first = links.length === 0 || links[links.length - 1].end < k.index!;
      const matchStart = first ? k.index! : start;
      links.push({
        relation: 'cites',
        target: iris.document(symbol),
        kind: decision ? 'decision' : 'resolution',
        start: matchStart,
        end,
        matchedText: text.slice(matchStart, end),
        extractor: decision ? 'decision-number' : 'resolution-number',
        facts: { symbol, organ: o, date },
      });
      const sep = SEPARATOR_RE.exec(text.slice(end));
      if (!sep) break;
      pos = end + sep[0].length;
    }
  }
  for (const m of text.matchAll(SYMBOL_RE)) {
    const symbol = m[1].replace(/[.]$/, '');
    if (!/\d/.test(symbol)) continue;
    const start = m.index!;
    const end = start + symbol.length;
    if (links.some((l) => start < l.end && end > l.start)) continue;
    const isRes = /\/RES\//.test(symbol);
    const isDec = /\/DEC\//.test(symbol);
    links.push({
      relation: 'cites',
      target: iris.document(symbol),
      kind: isRes ? 'resolution' : isDec ? 'decision' : 'document',
      start,
      end,
      matchedText: symbol,
      extractor: 'document-symbol',
      facts: {
        symbol,
        organ: symbol.startsWith('E/')
          ? 'ecosoc'
          : symbol.startsWith('S/')
            ? 'unsc'
            : symbol.startsWith('A/HRC/')
              ? 'hrc'
              : symbol.startsWith('A/')
                ? 'unga'
                : undefined,
      },
    });
  }
  return links.sort((a, b) => a.start - b.start);
}

export const documentReferences: Extractor = {
  name: 'resolutions and decisions by number, documents by symbol',
  kinds: ['resolution', 'decision', 'document'],
  overlap: 'keep',
  extract: (text, ctx) => extractDocumentReferences(text, ctx.iris),
};

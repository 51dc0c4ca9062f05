/** Treaties cited by their United Nations Treaty Series registration: "Nations Unies, Recueil
 *  des Traités, vol. 2225, n° 39574", "United Nations, Treaty Series, vol. 2225, No. 39574",
 *  and "Ibid., vol. 2237, No. 39574" after such a reference. Only volume and number together
 *  identify a treaty (the Convention and its Protocols share registration number 39574). */
import type { IriScheme } from '../../vocab';
import type { ExtractedLink } from '../links';
import type { Extractor } from './Extractor';

/** "vol. 2225, No. 39574", and a list of volumes under one number: "vols. 2237, 2241 and 2326, No. 39574". */
const VOL_NO = String.raw`vols?\.\s*(\d{1,5}(?:\s*(?:,|and|et)\s*\d{1,5})*)\s*,?\s*(?:(?:n|N)\s?[°ºo]\.?|No\.?|no\.?|nos?\.?)\s*(\d{1,7})`;
const UNTS_RE = new RegExp(String.raw`(?:Recueil des Traités|Treaty Series)\s*,?\s*${VOL_NO}`, 'gu');
const IBID_RE = new RegExp(String.raw`^\s*(?:Ibid|Ibidem)\.?\s*,?\s*${VOL_NO}`, 'u');
export const IBID_ONLY_RE = /^\s*(?:Ibid|Ibidem)\.?\s*$/u;

function link(iris: IriScheme, vol: string, no: string, start: number, end: number, text: string, extractor: string): ExtractedLink {
  return {
    relation: 'cites',
    target: iris.treaty(vol, no),
    kind: 'treaty',
    start,
    end,
    matchedText: text.slice(start, end),
    extractor,
    facts: { untsVolume: vol, untsNumber: no },
  };
}

/** `previousWasTreatySeries`: the footnote before this one cited the Treaty Series, so an
 *  "Ibid., vol. N, No. M" here continues it. */
const volumes = (list: string): string[] => list.split(/\s*(?:,|and|et)\s*/).filter(Boolean);

export function extractTreatySeries(text: string, iris: IriScheme, previousWasTreatySeries = false): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  for (const m of text.matchAll(UNTS_RE))
    for (const vol of volumes(m[1])) out.push(link(iris, vol, m[2], m.index!, m.index! + m[0].length, text, 'treaty-series'));
  if (previousWasTreatySeries) {
    const ib = IBID_RE.exec(text);
    if (ib) {
      const start = ib[0].length - ib[0].trimStart().length;
      for (const vol of volumes(ib[1])) out.push(link(iris, vol, ib[2], start, ib[0].length, text, 'treaty-series-ibid'));
    }
  }
  return out;
}

export const treatySeries: Extractor = {
  name: 'treaties by United Nations Treaty Series volume and number',
  kinds: ['treaty'],
  overlap: 'keep',
  // A treaty not in the reference data is described by the citing document's graph.
  extract: (text, ctx) =>
    extractTreatySeries(text, ctx.iris, ctx.previousFootnoteWasTreatySeries).map((l) => ({ ...l, minted: !ctx.gazetteer.byIri.has(l.target) })),
};

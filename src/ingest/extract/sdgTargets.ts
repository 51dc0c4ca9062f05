/** SDG targets and goals cited by number: "cibles 5.2, 8.7 et 16.2", "target 16.2",
 *  "targets 5.2 and 8.7 of the Sustainable Development Goals", "objectif 16", "Goal 5",
 *  "objectif de développement durable 16", "Sustainable Development Goal 16". */
import { sdgIri } from '../../vocab';
import type { ExtractedLink } from '../links';
import type { Extractor } from './Extractor';

const CODE = String.raw`(\d{1,2}\.(?:\d{1,2}|[a-c]))`;
const TARGET_LIST_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:cibles?|targets?)\s+${CODE}((?:\s*(?:,|et|and|ou|or)\s*(?:(?:la |the )?(?:cibles?|targets?)\s+)?\d{1,2}\.(?:\d{1,2}|[a-c])(?![\d.]))*)`,
  'giu',
);
const GOAL_RE =
  /(?<![\p{L}])(?:objectifs? de développement durable|objectifs?|Sustainable Development Goals?|Goals?)\s+(\d{1,2})(?![\d.,]\d)((?:\s*(?:,|et|and)\s*\d{1,2}(?![\d.]))*)/gu;

const MAX_GOAL = 17;

export function extractSdgTargets(text: string): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  for (const m of text.matchAll(TARGET_LIST_RE)) {
    const listStart = m.index!;
    // Every code in the list, with its own offsets; the first carries the keyword.
    const codeRe = /\d{1,2}\.(?:\d{1,2}|[a-c])(?![\d.])/g;
    const span = m[0];
    let first = true;
    for (const c of span.matchAll(codeRe)) {
      const goal = Number(c[0].split('.')[0]);
      if (goal < 1 || goal > MAX_GOAL) continue;
      const start = first ? listStart : listStart + c.index!;
      const end = listStart + c.index! + c[0].length;
      out.push({
        relation: 'cites',
        target: sdgIri(c[0]),
        kind: 'sdg-target',
        start,
        end,
        matchedText: text.slice(start, end),
        extractor: 'sdg-target-number',
      });
      first = false;
    }
  }
  for (const m of text.matchAll(GOAL_RE)) {
    const numbers = [m[1], ...(m[2].match(/\d{1,2}/g) ?? [])];
    let first = true;
    let cursor = m.index!;
    for (const n of numbers) {
      const at = text.indexOf(n, first ? m.index! + m[0].indexOf(m[1]) : cursor);
      cursor = at + n.length;
      const goal = Number(n);
      if (goal < 1 || goal > MAX_GOAL) continue;
      const start = first ? m.index! : at;
      out.push({
        relation: 'cites',
        target: sdgIri(String(goal)),
        kind: 'sdg-goal',
        start,
        end: at + n.length,
        matchedText: text.slice(start, at + n.length),
        extractor: 'sdg-goal-number',
      });
      first = false;
    }
  }
  return out;
}

export const sdgTargets: Extractor = {
  name: 'SDG targets and goals by number',
  kinds: ['sdg-target', 'sdg-goal'],
  overlap: 'keep',
  extract: (text) => extractSdgTargets(text),
};

/** A paragraph's text as HTML with its links marked where the evidence says they were found,
 *  the evidence shown on hover or focus (CSS only), clause verbs in italics as in the printed
 *  resolutions, and footnote markers at their places. Overlapping marks are cut into segments,
 *  each carrying every link that covers it, so no link is nested in another. */
import { escapeHtml } from '../../linkeddata';

export interface TextMark {
  start: number;
  end: number;
  /** Where the mark leads (the target's page). */
  href?: string;
  /** Class of the mark: ref-citation, ref-mention, ref-similarity. */
  className: string;
  /** The tooltip's lines, already HTML. */
  tip: string;
}

export interface TextMarker {
  at: number;
  html: string;
}

export interface MarkedTextInput {
  text: string;
  marks: TextMark[];
  /** Ranges shown in italics (clause verbs). */
  emphasis: Array<{ start: number; end: number }>;
  markers: TextMarker[];
  /** Prefix of the tooltip ids (unique in the page). */
  idPrefix: string;
}

export function markedText({ text, marks, emphasis, markers, idPrefix }: MarkedTextInput): string {
  const inside = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...marks, ...emphasis]) {
    cuts.add(inside(r.start));
    cuts.add(inside(r.end));
  }
  for (const m of markers) cuts.add(inside(m.at));
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  let tips = 0;
  for (let i = 0; i < points.length; i++) {
    const at = points[i];
    for (const m of markers) if (inside(m.at) === at) html += m.html;
    const next = points[i + 1];
    if (next === undefined || next === at) continue;
    let segment = escapeHtml(text.slice(at, next));
    if (emphasis.some((e) => e.start <= at && e.end >= next)) segment = `<em>${segment}</em>`;
    const covering = marks.filter((m) => m.start <= at && m.end >= next).sort((a, b) => a.end - a.start - (b.end - b.start));
    if (covering.length) {
      const id = `${idPrefix}-${++tips}`;
      const tip = `<span class="tip" role="tooltip" id="${id}">${covering.map((m) => m.tip).join('')}</span>`;
      const classes = ['ref', ...new Set(covering.map((m) => m.className))].join(' ');
      const href = covering[0].href;
      segment = href
        ? `<a class="${classes}" href="${escapeHtml(href)}" aria-describedby="${id}">${segment}${tip}</a>`
        : `<span class="${classes}" tabindex="0" aria-describedby="${id}">${segment}${tip}</span>`;
    }
    html += segment;
  }
  return html;
}

/** The kinds of thing a paragraph's link points to, listed once: the extractors tag each link
 *  with one (src/ingest), the graph views colour and label nodes by them (src/viz styles), and
 *  the build report counts links by them. Explicit references (by number, symbol, Treaty Series
 *  volume, target number, treaty name) are citations; named organisations, events,
 *  publications and plans are mentions (DESIGN.md, "IRIs and vocabulary"). */

export interface TargetKindInfo {
  id: string;
  /** Column heading in the build report. */
  short: string;
  label: { en: string; fr: string };
  relation: 'cites' | 'mentions';
  /** `#rrggbb`, for graph views. */
  color: string;
}

export const TARGET_KINDS = [
  { id: 'resolution', short: 'res', label: { en: 'Resolution', fr: 'Résolution' }, relation: 'cites', color: '#1f4e79' },
  { id: 'decision', short: 'dec', label: { en: 'Decision', fr: 'Décision' }, relation: 'cites', color: '#2e6da4' },
  { id: 'document', short: 'doc', label: { en: 'Document', fr: 'Document' }, relation: 'cites', color: '#4a7ab5' },
  { id: 'treaty', short: 'treaty', label: { en: 'Treaty', fr: 'Traité' }, relation: 'cites', color: '#8e44ad' },
  { id: 'sdg-target', short: 'target', label: { en: 'SDG target', fr: 'Cible des ODD' }, relation: 'cites', color: '#27ae60' },
  { id: 'sdg-goal', short: 'goal', label: { en: 'SDG goal', fr: 'Objectif de développement durable' }, relation: 'cites', color: '#145a32' },
  { id: 'organisation', short: 'org', label: { en: 'Organisation', fr: 'Organisation' }, relation: 'mentions', color: '#e67e22' },
  { id: 'event', short: 'event', label: { en: 'Event', fr: 'Événement' }, relation: 'mentions', color: '#c0392b' },
  { id: 'publication', short: 'pub', label: { en: 'Publication', fr: 'Publication' }, relation: 'mentions', color: '#b7950b' },
  { id: 'plan', short: 'plan', label: { en: 'Plan', fr: 'Plan' }, relation: 'mentions', color: '#16a085' },
] as const satisfies readonly TargetKindInfo[];

export type TargetKind = (typeof TARGET_KINDS)[number]['id'];

export function targetKind(id: TargetKind): TargetKindInfo {
  return TARGET_KINDS.find((k) => k.id === id)!;
}

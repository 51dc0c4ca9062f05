/** What `unkg build` tells a person about each file it read: how many paragraphs and
 *  footnotes, links by kind of target, clause verbs, and every warning (a clause opener the
 *  lexicon does not know, an anaphor with no instrument to refer to, a header field missing,
 *  ...); per resolution, what its language versions disagree on. Printed as a table at the
 *  end of the build, and written as JSON with --report FILE.json. */
import { TARGET_KINDS } from '../vocab';
import type { ResolutionAnalysis } from '../ingest';
import type { SourceText } from './readSource';

export interface FileReport {
  file: string;
  format: SourceText['format'];
  /** Pages of a PDF. */
  pages?: number;
  symbol: string;
  language: string;
  paragraphs: number;
  footnotes: number;
  /** Distinct (paragraph or footnote, target) links, by kind of target. */
  links: Record<string, number>;
  clauseActs: number;
  warnings: string[];
  /** Time to read and analyse the file. */
  milliseconds: number;
}

export interface DocumentReport {
  symbol: string;
  iri: string;
  /** The first file read for it. */
  file: string;
  languages: string[];
  quads: number;
  outputs: string[];
  warnings: string[];
  /** What its language versions disagree on (empty with one version). */
  mismatches: string[];
  sources: FileReport[];
}

export function fileReport(a: ResolutionAnalysis, source: Pick<SourceText, 'format' | 'pages'>, milliseconds: number): FileReport {
  const links: Record<string, number> = Object.fromEntries(TARGET_KINDS.map((k) => [k.id, 0]));
  // One per distinct target of each paragraph and footnote, as eli:cites and schema:mentions count them.
  const count = (ls: ResolutionAnalysis['paragraphs'][number]['links']) => {
    for (const key of new Set(ls.map((l) => `${l.kind} ${l.relation} ${l.target}`))) {
      const kind = key.split(' ')[0];
      links[kind] = (links[kind] ?? 0) + 1;
    }
  };
  for (const p of a.paragraphs) count(p.links);
  for (const f of a.footnotes) count(f.links);
  return {
    file: a.tree.source.file,
    format: source.format,
    ...(source.pages !== undefined ? { pages: source.pages } : {}),
    symbol: a.tree.symbol,
    language: a.tree.language,
    paragraphs: a.paragraphs.length,
    footnotes: a.footnotes.length,
    links,
    clauseActs: a.paragraphs.reduce((n, p) => n + p.acts.length, 0),
    warnings: a.warnings,
    milliseconds: Math.round(milliseconds * 10) / 10,
  };
}

/** The summary table printed at the end of a build. */
export function formatBuildReport(documents: readonly DocumentReport[]): string {
  const kinds = TARGET_KINDS.map((k) => k.id);
  const rows: string[][] = [
    ['file', 'symbol', 'lang', 'paragraphs', 'footnotes', 'verbs', ...kinds.map((k) => TARGET_KINDS.find((t) => t.id === k)!.short), 'warnings'],
  ];
  for (const d of documents) {
    for (const s of d.sources) {
      rows.push([
        s.file,
        s.symbol,
        s.language,
        String(s.paragraphs),
        String(s.footnotes),
        String(s.clauseActs),
        ...kinds.map((k) => String(s.links[k] ?? 0)),
        String(s.warnings.length),
      ]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const table = rows
    .map((r) =>
      r
        .map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
  const notes: string[] = [];
  for (const d of documents) {
    for (const s of d.sources) for (const w of s.warnings) notes.push(`warning: ${w}`);
    for (const m of d.mismatches) notes.push(`mismatch: ${d.symbol}: ${m}`);
  }
  return [table, ...notes].join('\n') + '\n';
}

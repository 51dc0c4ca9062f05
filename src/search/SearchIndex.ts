/** Full-text search over the dataset with MiniSearch: tokenised (symbols kept whole and by
 *  their endings), case- and accent-folded, ranked (BM25, symbols and names above texts),
 *  prefix and slightly fuzzy matches. Built from the store at start and rebuilt, off the
 *  request path, whenever the store's version changes; a search meanwhile reads the index of
 *  the previous version, whole. */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { GraphStore } from '../graph';
import { collectSearchDocuments, kindWords, type FieldValue, type SearchDocument, type SearchField } from './collectSearchDocuments';
import { EXCERPT_LENGTH, REFRESH_INTERVAL_MS } from './limits';
import { fold, foldWithPositions, processTerm, tokenize } from './tokenize';

/** How much a match counts, by field. */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = { symbol: 8, names: 4, title: 3, links: 2, text: 1, kind: 0.5 };

export interface SearchOptions {
  limit: number;
  /** Preferred languages, best first: which language's value a hit shows. */
  languages: readonly string[];
  /** Keep only hits matched in a value in one of these languages. */
  onlyLanguages?: readonly string[];
}

export interface IndexedHit {
  iri: string;
  kind: SearchDocument['kind'];
  types: string[];
  score: number;
  /** The field shown for the hit, and its value there. */
  field: SearchField;
  matched: FieldValue;
  /** Where the first matched term starts in `matched.value` (UTF-16 code units). */
  offset: number;
  /** Around the match, at most EXCERPT_LENGTH characters (with … where cut); for a match in
   *  what the resource cites, the beginning of its own text. */
  excerpt: string;
  /** For a match in what the resource cites: the name that matched. */
  via?: string;
  /** The resource's values, to name it without another query. */
  document: SearchDocument;
}

interface Built {
  version: number;
  mini: MiniSearch<{ id: string }>;
  documents: Map<string, SearchDocument>;
}

const SEARCH_OPTIONS = {
  boost: FIELD_BOOSTS,
  prefix: (term: string) => term.length >= 3 && !term.includes('/'),
  fuzzy: (term: string) => (term.length >= 6 && !/\d/.test(term) ? 0.15 : false),
};

function buildIndex(documents: SearchDocument[], version: number): Built {
  const mini = new MiniSearch<{ id: string }>({
    fields: ['symbol', 'names', 'title', 'text', 'links', 'kind'],
    idField: 'id',
    tokenize,
    processTerm,
    extractField: (document, field) => (document as unknown as Record<string, string>)[field],
  });
  mini.addAll(
    documents.map((d) => ({
      id: d.iri,
      symbol: d.values.symbol.map((v) => v.value).join(' '),
      names: d.values.names.map((v) => v.value).join(' \n '),
      title: d.values.title.map((v) => v.value).join(' \n '),
      text: d.values.text.map((v) => v.value).join(' \n '),
      links: d.links.join(' \n '),
      kind: kindWords(d.kind),
    })),
  );
  return { version, mini, documents: new Map(documents.map((d) => [d.iri, d])) };
}

const FIELD_ORDER: readonly SearchField[] = ['symbol', 'names', 'title', 'text', 'links', 'kind'];

/** The value of a hit to show: in the best field that matched, the preferred language first,
 *  with the first place a matched term occurs. */
function showMatch(
  result: SearchResult,
  document: SearchDocument,
  languages: readonly string[],
): Pick<IndexedHit, 'field' | 'matched' | 'offset' | 'excerpt' | 'via'> {
  const terms = Object.keys(result.match);
  const fields = new Set(Object.values(result.match).flat());
  const rankLanguage = (v: FieldValue) => {
    const at = languages.findIndex((l) => v.language === l || v.language.startsWith(`${l}-`));
    return at < 0 ? languages.length : at;
  };
  for (const field of FIELD_ORDER) {
    if (!fields.has(field)) continue;
    const values: FieldValue[] =
      field === 'links'
        ? document.links.map((value) => ({ value, language: '' }))
        : field === 'kind'
          ? []
          : [...document.values[field]].sort((a, b) => rankLanguage(a) - rankLanguage(b));
    for (const value of values) {
      const { folded, from } = foldWithPositions(value.value);
      const at = terms.map((t) => folded.search(new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`, 'u'))).filter((i) => i >= 0);
      if (at.length === 0) continue;
      const offset = from[Math.min(...at)];
      if (field === 'links') {
        const own = [...document.values.text].sort((a, b) => rankLanguage(a) - rankLanguage(b))[0];
        return { field, matched: value, offset, excerpt: own ? excerptAround(own.value, 0) : value.value, via: value.value };
      }
      return { field, matched: value, offset, excerpt: excerptAround(value.value, offset) };
    }
  }
  const first = document.values.symbol[0] ??
    document.values.names[0] ??
    document.values.title[0] ??
    document.values.text[0] ?? { value: document.iri, language: '' };
  return { field: 'kind', matched: first, offset: 0, excerpt: excerptAround(first.value, 0) };
}

export function excerptAround(value: string, offset: number): string {
  if (value.length <= EXCERPT_LENGTH) return value;
  const start = Math.max(0, Math.min(offset - Math.floor(EXCERPT_LENGTH / 3), value.length - EXCERPT_LENGTH));
  const end = start + EXCERPT_LENGTH;
  return `${start > 0 ? '…' : ''}${value.slice(start, end).trim()}${end < value.length ? '…' : ''}`;
}

export class SearchIndex {
  private built?: Built;
  private building?: Promise<Built>;
  private timer?: NodeJS.Timeout;
  /** The last rebuild's failure, kept for the log (the previous index keeps answering). */
  lastError?: Error;
  /** The store version the last failed rebuild read: not tried again until the store changes. */
  private failedVersion?: number;

  constructor(
    private readonly store: GraphStore,
    private readonly base: string,
  ) {}

  /** Builds the index now and keeps it current (a timer that does not keep the process up). */
  start(refreshMs = REFRESH_INTERVAL_MS): Promise<void> {
    if (!this.timer && refreshMs > 0) {
      this.timer = setInterval(() => this.refresh(), refreshMs);
      this.timer.unref();
    }
    return this.current().then(() => undefined);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The store version the index was built from (undefined before the first build). */
  get version(): number | undefined {
    return this.built?.version;
  }

  /** Starts a rebuild when the store has changed since the last one and none is running. */
  refresh(): void {
    const version = this.store.version();
    if (this.building || this.built?.version === version || this.failedVersion === version) return;
    this.rebuild().catch(() => undefined);
  }

  /** Rebuilds from the store; resolves with the new index. */
  rebuild(): Promise<Built> {
    if (this.building) return this.building;
    const version = this.store.version();
    this.building = collectSearchDocuments(this.store, this.base)
      .then((documents) => {
        const built = buildIndex(documents, version);
        this.built = built;
        this.lastError = undefined;
        return built;
      })
      .catch((error: Error) => {
        this.lastError = error;
        this.failedVersion = version;
        throw error;
      })
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }

  /** The index to read: the built one (a rebuild starts behind it when the store changed), or
   *  the first build when there is none yet. */
  private current(): Promise<Built> {
    if (this.built) {
      this.refresh();
      return Promise.resolve(this.built);
    }
    return this.building ?? this.rebuild();
  }

  /** Every indexed resource (for counts and listings). */
  async documents(): Promise<SearchDocument[]> {
    return [...(await this.current()).documents.values()];
  }

  /** Hits for `query`, best first: resources holding every term (AND), then those holding
   *  some (OR), each group ranked by score. */
  async search(query: string, options: SearchOptions): Promise<IndexedHit[]> {
    if (fold(query).trim() === '') return [];
    const built = await this.current();
    const all = built.mini.search(query, { ...SEARCH_OPTIONS, combineWith: 'AND' });
    const seen = new Set(all.map((r) => r.id as string));
    for (const r of built.mini.search(query, { ...SEARCH_OPTIONS, combineWith: 'OR' })) if (!seen.has(r.id as string)) all.push(r);
    const hits: IndexedHit[] = [];
    for (const result of all) {
      const document = built.documents.get(result.id as string)!;
      const shown = showMatch(result, document, options.onlyLanguages?.length ? options.onlyLanguages : options.languages);
      if (options.onlyLanguages?.length && !options.onlyLanguages.some((l) => shown.matched.language === l || shown.matched.language.startsWith(`${l}-`)))
        continue;
      hits.push({ iri: document.iri, kind: document.kind, types: document.types, score: result.score, document, ...shown });
      if (hits.length >= options.limit) break;
    }
    return hits;
  }
}

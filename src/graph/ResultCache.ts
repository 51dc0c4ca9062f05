/** Serialised query results kept for the current revision of the store.
 *
 *  The dataset changes only through writes, and every write bumps the store's revision, so
 *  a result computed at revision r is exact until the next write. Federating clients repeat
 *  the same small queries (ASK probes, COUNT estimates, one request per binding of a bind
 *  join), and each evaluation costs a round trip to a worker thread; answering repeats from
 *  here keeps that cost off the hot path. Results that depend on the moment or on chance
 *  (NOW, RAND, UUID, STRUUID, BNODE) are never kept, nor are large ones. */
export const RESULT_CACHE_ENTRIES = 512;
export const RESULT_CACHE_MAX_BODY_CHARS = 256 * 1024;

const VOLATILE = /\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(/i;

export class ResultCache {
  private revision = -1;
  private readonly entries = new Map<string, string>();

  constructor(
    private readonly capacity = RESULT_CACHE_ENTRIES,
    private readonly maxBodyChars = RESULT_CACHE_MAX_BODY_CHARS,
  ) {}

  static cacheable(sparql: string): boolean {
    return !VOLATILE.test(sparql);
  }

  get(key: string, revision: number): string | undefined {
    if (revision !== this.revision) return undefined;
    const body = this.entries.get(key);
    if (body !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  set(key: string, revision: number, body: string): void {
    if (body.length > this.maxBodyChars) return;
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
    this.entries.set(key, body);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

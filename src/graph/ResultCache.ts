import { RESULT_CACHE_ENTRIES, RESULT_CACHE_MAX_BODY_CHARS } from './limits';

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

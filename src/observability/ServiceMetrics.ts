import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GraphStore } from '../graph';
import { LATENCY_BUCKETS_SECONDS, METRIC_PREFIX, STORE_SIZE_WAIT_MS } from './limits';

const name = (suffix: string) => `${METRIC_PREFIX}${suffix}`;

/** The Prometheus series of one service instance, in its own registry (several apps in one
 *  process, as in tests, do not mix their series). Request and query latencies are observed as
 *  they happen; the store's state (queue, workers, counters, revision, size) is read from
 *  `store.status()` when the series are collected. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly queryDuration: Histogram<'form' | 'outcome'>;
  private knownSize: { revision: number; quads: number } | undefined;

  constructor(private readonly store: GraphStore) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.requestDuration = new Histogram({
      name: name('http_request_duration_seconds'),
      help: 'Time from a request’s arrival to its answer, by route (the route pattern, "unmatched" for 404s)',
      labelNames: ['method', 'route', 'status_code'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });
    this.queryDuration = new Histogram({
      name: name('sparql_query_duration_seconds'),
      help: 'Time the store took to answer a SPARQL query, by query form (SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE) and outcome',
      labelNames: ['form', 'outcome'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });

    const status = () => store.status();
    const gauge = (suffix: string, help: string, read: () => number) =>
      new Gauge({
        name: name(suffix),
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    gauge('store_ready', '1 when a query sent now would be taken (data loaded, a worker free or queueable)', () => (status().ready ? 1 : 0));
    gauge('store_revision', 'Revision of the data: changes with every accepted write', () => status().revision);
    gauge('store_queue_depth', 'Queries waiting for a worker', () => status().queue.depth);
    gauge('store_queue_limit', 'Most queries that may wait for a worker (+Inf: no bound)', () => status().queue.limit);
    new Gauge({
      name: name('store_workers'),
      help: 'Query workers by state',
      labelNames: ['state'],
      registers,
      collect() {
        const { workers } = status();
        for (const state of ['idle', 'busy', 'loading'] as const) this.set({ state }, workers[state]);
      },
    });
    const counter = (suffix: string, help: string, read: () => number) =>
      new Counter({
        name: name(suffix),
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    counter('store_timeouts_total', 'Queries ended by their deadline', () => status().counters.timeouts);
    counter('store_cancellations_total', 'Queries dropped or ended because their client went away', () => status().counters.cancellations);
    counter('store_refusals_total', 'Queries refused by admission (queue full, per-client limit)', () => status().counters.refusals);
    counter('store_worker_replacements_total', 'Workers replaced after a failure or a timeout', () => status().counters.replacements);
    const storeSize = () => this.storeSize();
    new Gauge({
      name: name('store_quads'),
      help: 'Quads in the store (asked again after each write)',
      registers,
      async collect() {
        const quads = await storeSize();
        if (quads !== undefined) this.set(quads);
      },
    });
  }

  /** The store's size, asked only when the revision changed and waited for briefly: a busy
   *  store must not hold up a scrape. */
  private async storeSize(): Promise<number | undefined> {
    const { revision, ready } = this.store.status();
    if (this.knownSize?.revision === revision) return this.knownSize.quads;
    if (!ready) return this.knownSize?.quads;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), STORE_SIZE_WAIT_MS);
    });
    try {
      const quads = await Promise.race([this.store.size(), late]);
      if (quads !== undefined) this.knownSize = { revision, quads };
      return quads ?? this.knownSize?.quads;
    } catch {
      return this.knownSize?.quads;
    } finally {
      clearTimeout(timer);
    }
  }
}

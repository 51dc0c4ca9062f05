import { QueryTimeoutError, queryForm, type GraphStore } from '../graph';
import type { ServiceMetrics } from './ServiceMetrics';

type Timed = 'query' | 'select' | 'ask' | 'update';
const TIMED: ReadonlySet<string> = new Set<Timed>(['query', 'select', 'ask', 'update']);

/** The store as the HTTP tier sees it, with the time of every query and update observed by
 *  form and outcome. Everything else is the store's own (a Proxy: methods a backend adds pass
 *  through unchanged). */
export function observedStore(store: GraphStore, metrics: ServiceMetrics): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof property !== 'string' || !TIMED.has(property)) return value.bind(target);
      return async (text: string, ...rest: unknown[]) => {
        const form = property === 'update' ? 'UPDATE' : (queryForm(text) ?? 'unknown');
        const end = metrics.queryDuration.startTimer({ form });
        try {
          const result = await (value as (...args: unknown[]) => Promise<unknown>).call(target, text, ...rest);
          end({ outcome: 'ok' });
          return result;
        } catch (error) {
          end({ outcome: error instanceof QueryTimeoutError ? 'timeout' : 'error' });
          throw error;
        }
      };
    },
  });
}

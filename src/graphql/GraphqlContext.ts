import type { GraphStore } from '../graph';
import type { SearchIndex } from '../search';
import type { IriScheme } from '../vocab';
import type { Loaders } from './loaders/createLoaders';
import type { OperationPlan } from './plan/planOperation';

/** What every resolver of one request sees. */
export interface GraphqlContext {
  store: GraphStore;
  /** Per-request loaders and what they have loaded (see createLoaders). */
  loaders: Loaders;
  /** What the operation reads, by field (see planOperation); set before it runs. */
  plan?: OperationPlan;
  iris: IriScheme;
  /** Language preference from the request's Accept-Language header, best first. */
  languages: string[];
  /** The service's full-text index: `search` reads it when present. */
  search?: SearchIndex;
}

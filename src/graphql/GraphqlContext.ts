import type { GraphStore } from '../graph';
import type { IriScheme } from '../vocab';
import type { Loaders } from './loaders/createLoaders';

/** What every resolver of one request sees. */
export interface GraphqlContext {
  store: GraphStore;
  /** Per-request batch loaders (see createLoaders). */
  loaders: Loaders;
  iris: IriScheme;
  /** Language preference from the request's Accept-Language header, best first. */
  languages: string[];
}

import { dirname } from 'node:path';
import type { QueryEngine as QueryEngineType } from '@comunica/query-sparql';

/** Loads Comunica's SPARQL engine on Node 20.
 *
 *  @comunica/actor-http-fetch 5.4 requires undici 8 (engines: node >= 22.19) for one thing
 *  only: the agent of its optional HTTP cache (FetchInitPreprocessor), built when the actor
 *  is created. On Node 20 that undici fails as soon as it is required (it reads
 *  zlib.createZstdDecompress and webidl.util.markAsUncloneable, both Node 22 additions).
 *  Jest cannot map a nested module by name, so the copy Comunica would load is replaced, in
 *  this test's module registry, by a stand-in whose cache agent is never used: without the
 *  httpCache context entry Comunica sends every request with Node's own fetch, which is
 *  what these tests exercise. On Node 22 the stand-in is not installed. */

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
const UNDICI_8_MIN_NODE_MAJOR = 22;

class UnusedCacheAgent {
  compose(): this {
    return this;
  }
}
class UnusedMemoryCacheStore {
  delete(): void {}
}

export function loadComunica(): typeof QueryEngineType {
  if (NODE_MAJOR < UNDICI_8_MIN_NODE_MAJOR) {
    const nestedUndici = require.resolve('undici', { paths: [dirname(require.resolve('@comunica/actor-http-fetch'))] });
    jest.doMock(nestedUndici, () => ({
      Agent: UnusedCacheAgent,
      interceptors: { cache: () => undefined },
      cacheStores: { MemoryCacheStore: UnusedMemoryCacheStore },
    }));
  }
  return (require('@comunica/query-sparql') as typeof import('@comunica/query-sparql')).QueryEngine;
}

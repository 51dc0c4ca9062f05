import { createStore } from '../../../src/graph';
import { describeStoreContract } from './storeContract';

describeStoreContract('embedded', (sources, options = {}) => createStore({ sources, workers: 1, ...options }), {
  // The embedded store's union default graph is a bag until its set semantics land.
  defaultGraphAsBag: true,
});

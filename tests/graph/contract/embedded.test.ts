import { createStore } from '../../../src/graph';
import { describeDefaultGraphAsSet } from './defaultGraphAsSet';
import { describeStoreContract } from './storeContract';

describeDefaultGraphAsSet('embedded', () => createStore({ sources: [], workers: 2 }));
describeStoreContract('embedded', (sources, options = {}) => createStore({ sources, workers: 1, ...options }));

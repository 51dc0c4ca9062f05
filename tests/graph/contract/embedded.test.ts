import { createStore } from '../../../src/graph';
import { describeDefaultGraphAsSet } from './defaultGraphAsSet';

describeDefaultGraphAsSet('embedded', () => createStore({ sources: [], workers: 2 }));

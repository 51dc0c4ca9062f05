import { createVirtuosoStore } from '../../storeUnderTest';
import { describeStoreContract } from './storeContract';
import { describeDefaultGraphAsSet } from './defaultGraphAsSet';

jest.setTimeout(60_000);

describeStoreContract('Virtuoso', async (sources, options = {}) => (await createVirtuosoStore({ sources, ...options })).store);
describeDefaultGraphAsSet('Virtuoso', async () => (await createVirtuosoStore({ sources: [] })).store);

import { createVirtuosoStore } from '../../storeUnderTest';
import { describeStoreContract } from './storeContract';

jest.setTimeout(60_000);

describeStoreContract('Virtuoso', async (sources, options = {}) => (await createVirtuosoStore({ sources, ...options })).store);

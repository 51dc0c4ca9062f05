/** The store, endpoint, GraphQL, linked-data and named-query suites on the remote backend: a
 *  private Virtuoso per store (tests/storeUnderTest.ts). Starting and loading one takes a few
 *  seconds, hence the longer timeout. */
const base = require('./jest.config');
process.env.UNKG_TEST_STORE = 'virtuoso';
module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/tests/graph/contract/**/*.test.ts',
    '<rootDir>/tests/graph/remote/**/*.test.ts',
    '<rootDir>/tests/sparql/**/*.test.ts',
    '<rootDir>/tests/graphql/**/*.test.ts',
    '<rootDir>/tests/linkeddata/**/*.test.ts',
    '<rootDir>/tests/queries/**/*.test.ts',
  ],
  // In a browser, or about the embedded engine's own machinery.
  testPathIgnorePatterns: ['/node_modules/', 'InBrowser', 'acceptance\\.test', '/graph/contract/embedded\\.test'],
  testTimeout: 120_000,
};

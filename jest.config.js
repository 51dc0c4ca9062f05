/** Jest runs the TypeScript sources directly (ts-jest, CommonJS).
 *  rdf-validate-shacl and its dependencies ship ESM only: they are transformed too, and so is
 *  cookie 2 (ESM only), which fastify's inject (light-my-request) requires. */
const esmOnly = [
  'rdf-validate-shacl',
  '@rdfjs',
  '@vocabulary',
  '@tpluscode',
  'clownface',
  'rdf-validate-datatype',
  'grapoi',
  '@zazuko',
  'cookie',
  'content-disposition',
];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Run by `npm run test:virtuoso` (jest.virtuoso.config.js), with the other suites on Virtuoso.
  testPathIgnorePatterns: ['/node_modules/', '/tests/graph/contract/virtuoso\\.test\\.ts$', '/tests/graph/remote/'],
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      {
        tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs', rootDir: __dirname, types: ['node', 'jest'] },
        diagnostics: { ignoreCodes: [151002] },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testTimeout: 30000,
  // The seed fixture is built once per run, for every test file (tests/seedData.ts).
  globalSetup: '<rootDir>/tests/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/globalTeardown.ts',
};

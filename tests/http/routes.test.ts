/** The routes the app serves, as fastify lists them: a route added or lost shows here. */
import { buildTestApp, type TestApp } from '../helpers';

const ROUTES = [
  '├── / (GET, HEAD)',
  '│   ├── api/docs (GET, HEAD)',
  '│   │   └── / (GET, HEAD)',
  '│   │       ├── static/index.html (GET, HEAD)',
  '│   │       ├── static/swagger-initializer.js (GET, HEAD)',
  '│   │       ├── * (HEAD, GET)',
  '│   │       ├── json (GET, HEAD)',
  '│   │       └── yaml (GET, HEAD)',
  '│   ├── api/openapi.json (GET, HEAD)',
  '│   ├── api/queries (GET, HEAD)',
  '│   │   ├── /citations-of-resolution (GET, HEAD)',
  '│   │   ├── /cited-resolutions-timeline (GET, HEAD)',
  '│   │   ├── /class-counts (GET, HEAD)',
  '│   │   ├── /co-citation (GET, HEAD)',
  '│   │   ├── /footnotes (GET, HEAD)',
  '│   │   ├── /organisation-mentions (GET, HEAD)',
  '│   │   ├── /paragraph-neighbourhood (GET, HEAD)',
  '│   │   ├── /paragraphs-by-verb (GET, HEAD)',
  '│   │   ├── /paragraphs-citing (GET, HEAD)',
  '│   │   ├── /resolutions-citing-target (GET, HEAD)',
  '│   │   ├── /sdg-targets-of-resolution (GET, HEAD)',
  '│   │   ├── /treaties-and-ratification (GET, HEAD)',
  '│   │   └── /who-does-what (GET, HEAD)',
  '│   ├── api/graph (GET, HEAD)',
  '│   │   └── * (GET, HEAD)',
  '│   ├── api/search (GET, HEAD)',
  '│   ├── api/resource (GET, HEAD)',
  '│   ├── api/network (GET, HEAD)',
  '│   ├── assets/cytoscape.min.js (GET, HEAD)',
  '│   ├── assets/yasgui/yasgui.min.js (GET, HEAD)',
  '│   ├── assets/yasgui/yasgui.min.css (GET, HEAD)',
  '│   ├── assets/explorer.js (GET, HEAD)',
  '│   ├── assets/explorer.css (GET, HEAD)',
  '│   ├── assets/sparql-editor.js (GET, HEAD)',
  '│   ├── assets/site.css (GET, HEAD)',
  '│   ├── assets/workbench.css (GET, HEAD)',
  '│   ├── assets/network.js (GET, HEAD)',
  '│   ├── health (GET, HEAD)',
  '│   │   ├── /live (GET, HEAD)',
  '│   │   └── /ready (GET, HEAD)',
  '│   ├── metrics (GET, HEAD)',
  '│   ├── sparql (GET, HEAD, POST, PUT, DELETE, PATCH)',
  '│   ├── store (GET, HEAD, PUT, POST, DELETE)',
  '│   ├── search (GET, HEAD)',
  '│   ├── query (GET, HEAD, POST, PUT, DELETE, PATCH)',
  '│   ├── .well-known/void (GET, HEAD)',
  '│   ├── graphql (GET, POST, OPTIONS, HEAD)',
  '│   │   ├── /operations (GET, HEAD)',
  '│   │   └── /assets/:name (GET, HEAD)',
  '│   ├── * (GET, HEAD)',
  '│   ├── explore (GET, HEAD)',
  '│   ├── timeline (GET, HEAD)',
  '│   ├── ontology (GET, HEAD)',
  '│   ├── clause (GET, HEAD)',
  '│   │   └── * (GET, HEAD)',
  '│   ├── yasgui (GET, HEAD)',
  '│   └── network (GET, HEAD)',
  '└── * (OPTIONS)',
  '',
].join('\n');

describe('route list', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await buildTestApp();
  });
  afterAll(() => service.close());

  it('is the one reviewed', () => {
    expect(service.app.printRoutes({ commonPrefix: false })).toBe(ROUTES);
  });
});

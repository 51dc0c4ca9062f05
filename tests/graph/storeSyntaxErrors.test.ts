import { createStore, QuerySyntaxError, type OxigraphStore } from '../../src/graph';

/** Found by the W3C test syntax-update-1#test_54: oxigraph's
 *  parser reports some syntax errors without an "error at line:column" prefix (a blank node
 *  label shared by two INSERT DATA blocks: "The blank node _:b1 cannot be shared by multiple
 *  blocks"), and the store then classifies them as evaluation errors. */

let store: OxigraphStore;
beforeAll(async () => {
  store = await createStore({ sources: [], workers: 1 });
});
afterAll(async () => store?.close());

test('an update that shares a blank node label between two INSERT DATA blocks is rejected as a syntax error', async () => {
  const update = 'PREFIX : <http://www.example.org/>\nINSERT DATA { _:b1 :p :o } ;\nINSERT DATA { _:b1 :p :o }';
  await expect(store.update(update)).rejects.toBeInstanceOf(QuerySyntaxError);
  expect(await store.size()).toBe(0);
});

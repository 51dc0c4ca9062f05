/** The part of jsonld.js (https://github.com/digitalbazaar/jsonld.js) the service uses; the
 *  package ships no type declarations. */
declare module 'jsonld' {
  type JsonLdDocument = Record<string, unknown> | Array<Record<string, unknown>>;
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface Options {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    format?: 'application/n-quads';
    compactArrays?: boolean;
    useNativeTypes?: boolean;
  }
  const jsonld: {
    compact(input: JsonLdDocument, context: unknown, options?: Options): Promise<Record<string, unknown>>;
    fromRDF(dataset: string, options?: Options): Promise<Array<Record<string, unknown>>>;
    toRDF(input: JsonLdDocument, options?: Options): Promise<string>;
  };
  export default jsonld;
}

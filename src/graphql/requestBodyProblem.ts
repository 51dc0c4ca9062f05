/** What is wrong with the parsed body of a POST to /graphql, or undefined when it is a GraphQL
 *  request object (a JSON object; yoga then checks its members). Any other JSON value (null,
 *  an array, a number, a boolean, a string), an empty object, an object without a query or no body at all is refused here:
 *  handed on, it would leave yoga waiting for a request stream fastify has already read. */
export function requestBodyProblem(body: unknown): string | undefined {
  const expected = 'The body of a POST to /graphql must be a JSON object with a "query" string (and optionally "variables", "operationName", "extensions")';
  if (body === undefined) return `${expected}; the request has no body`;
  if (body === null || typeof body !== 'object') return `${expected}; got ${body === null ? 'null' : typeof body}`;
  if (Array.isArray(body)) return `${expected}; got an array (batched requests are not supported)`;
  if (Buffer.isBuffer(body)) return `${expected}; got a body of another media type`;
  if (!Object.keys(body).length) return `${expected}; got an empty object`;
  // A persisted operation comes as its hash in "extensions", without "query".
  if (!Object.hasOwn(body, 'query') && !Object.hasOwn(body, 'extensions')) return `${expected}; this object has no "query"`;
  return undefined;
}

/** Errors a graph view raises for a request it cannot answer (HTTP 400 at the boundary). */
export class VizRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VizRequestError';
  }
}

/** Something that cannot be an absolute IRI was passed where one is needed. */
export class InvalidIriError extends VizRequestError {
  constructor(readonly iri: string) {
    super(`not an absolute IRI: ${JSON.stringify(iri)}`);
    this.name = 'InvalidIriError';
  }
}

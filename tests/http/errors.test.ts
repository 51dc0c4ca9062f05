import { Writable } from 'node:stream';
import Fastify from 'fastify';
import {
  DatasetConflictError,
  NonDeterministicUpdateError,
  QueryCancelledError,
  QueryEvaluationError,
  QueryTooComplexError,
  StoreBusyError,
  QuerySyntaxError,
  QueryTimeoutError,
  RdfSyntaxError,
  StoreClosedError,
  StoreFailureError,
  UnsupportedFormatError,
} from '../../src/graph';
import {
  BadRequestError,
  errorHandler,
  ForbiddenError,
  MethodNotAllowedError,
  NotAcceptableError,
  notFoundHandler,
  toErrorResponse,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from '../../src/http';

describe('toErrorResponse', () => {
  it.each([
    ['a bad request', new BadRequestError('two query parameters'), 400],
    ['a missing token', new UnauthorizedError('no token'), 401],
    ['a wrong token', new ForbiddenError('wrong token'), 403],
    ['a wrong method', new MethodNotAllowedError('PUT', '/sparql', ['GET', 'POST']), 405],
    ['an unacceptable Accept', new NotAcceptableError('image/png', ['text/turtle']), 406],
    ['an unsupported body', new UnsupportedMediaTypeError('text/plain', ['application/sparql-query']), 415],
    ['a query syntax error', QuerySyntaxError.fromEngine('error at 1:5: expected WHERE'), 400],
    ['an RDF syntax error', new RdfSyntaxError('Parser error at line 1'), 400],
    ['a refused evaluation', new QueryEvaluationError('The service <x> is not supported'), 400],
    ['a dataset conflict', new DatasetConflictError('USING and using-graph-uri'), 400],
    ['a non-deterministic update', new NonDeterministicUpdateError('RAND'), 400],
    ['an unsupported format', new UnsupportedFormatError('Not supported RDF format'), 415],
    ['a query timeout', new QueryTimeoutError(500), 503],
    ['a closed store', new StoreClosedError(), 503],
    ['a query too deep for the engine', new QueryTooComplexError('nested more than 64 deep'), 400],
    ['a full queue', new StoreBusyError('busy', 2), 503],
    ['a query whose client went away', new QueryCancelledError(), 499],
  ])('keeps the message of %s with status %i', (_, error, status) => {
    const response = toErrorResponse(error);
    expect(response.statusCode).toBe(status);
    if (!(error instanceof StoreClosedError)) expect(response.message).toBe(error.message);
  });

  it('names the position of a syntax error', () => {
    expect(toErrorResponse(QuerySyntaxError.fromEngine('error at 2:7: expected one of LATERAL, SERVICE')).message).toBe(
      'SPARQL syntax error at line 2, column 7: expected LATERAL or SERVICE',
    );
  });

  it('tells a refused client when to try again', () => {
    expect(toErrorResponse(new StoreBusyError('busy', 2)).headers).toEqual({ 'Retry-After': '2' });
  });

  it('sends the headers an error carries', () => {
    expect(toErrorResponse(new UnauthorizedError('no token')).headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="unkg"' });
    expect(toErrorResponse(new MethodNotAllowedError('PUT', '/sparql', ['GET', 'POST'])).headers).toEqual({ Allow: 'GET, POST' });
  });

  it.each([
    ['a store failure', new StoreFailureError('worker crashed at /secret/path')],
    ['a plain error', new Error('database password is hunter2')],
    ['a thrown string', 'oops'],
  ])('masks %s as an internal error', (_, error) => {
    expect(toErrorResponse(error)).toEqual({ statusCode: 500, message: 'Internal Server Error', headers: {} });
  });
});

describe('the error and not-found handlers', () => {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'error', stream } });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.get('/bad', async () => {
    throw new BadRequestError('the query parameter is empty');
  });
  app.get('/broken', async () => {
    throw new Error('connection string postgres://admin:secret@db');
  });
  app.post('/json', async (request) => request.body);
  afterAll(() => app.close());

  it('answers a 4xx with what was wrong', async () => {
    const response = await app.inject('/bad');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'the query parameter is empty' });
  });

  it('masks a 5xx and logs it with the request', async () => {
    const response = await app.inject('/broken?x=1');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error' });
    expect(response.body).not.toContain('secret');
    const entry = JSON.parse(logs.find((line) => line.includes('request failed'))!);
    expect(entry).toMatchObject({ level: 50, req: { method: 'GET', url: '/broken?x=1' }, err: { message: 'connection string postgres://admin:secret@db' } });
  });

  it('answers unknown routes with 404 naming the path', async () => {
    const response = await app.inject('/nowhere?query=x');
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('No resource at GET /nowhere');
  });

  it('passes on the status of fastify errors such as a malformed JSON body', async () => {
    const response = await app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/JSON/);
  });
});

import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildTestApp, WRITE_TOKEN, type TestApp } from '../helpers';

/** Sends the head of a request announcing a large body, and only a little of that body: a
 *  server that read the body before answering would wait for the rest. Resolves with the
 *  answer's head, or rejects after `withinMs`. */
function sendHeadOnly(port: number, head: string, withinMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${withinMs} ms`));
    }, withinMs);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end >= 0) {
        clearTimeout(timer);
        socket.destroy();
        resolve(received.slice(0, end));
      }
    });
    socket.on('error', () => {});
    socket.write(head + 'x'.repeat(1024));
  });
}

const BIG = 60 * 1024 * 1024;

describe('write routes check the token before reading the body', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await buildTestApp({ env: { UNKG_WRITE_TOKEN: WRITE_TOKEN } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it.each([
    ['a Graph Store PUT without a token', 'PUT /store?default', 'text/turtle', '', 401],
    ['a Graph Store POST with a wrong token', 'POST /store?default', 'text/turtle', 'Authorization: Bearer not-the-token\r\n', 403],
    ['an update body without a token', 'POST /sparql', 'application/sparql-update', '', 401],
  ])('answers %s at once, before the 60 MB body arrives, and closes the connection', async (_, line, type, auth, status) => {
    const head = await sendHeadOnly(port, `${line} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\nContent-Length: ${BIG}\r\n${auth}\r\n`, 2000);
    expect(head.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}`);
    expect(head.toLowerCase()).toContain('connection: close');
  });

  it('still reads and answers a query POSTed by anyone', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
      payload: 'ASK {}',
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('on a read-only service', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(() => t.close());

  it('refuses a Graph Store upload with 403 saying writes are disabled', async () => {
    const response = await t.app.inject({ method: 'PUT', url: '/store?default', headers: { 'content-type': 'text/turtle' }, payload: '<a:b> <a:c> <a:d> .' });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/read-only/);
  });
});

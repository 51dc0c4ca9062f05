import http from 'node:http';
import https from 'node:https';
import { Authenticator, type RemoteAuth } from './remoteAuth';

/** Keep-alive HTTP to the remote store: one agent per store, a bounded number of sockets,
 *  authentication answered up front (digest challenges are remembered), response bodies read
 *  whole with a size limit. Errors are plain: the store maps them to its classes. */

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  url: URL;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Ends the request (and rejects with RequestTimedOut) after this long. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The request ran past its time. */
export class RequestTimedOut extends Error {
  override readonly name = 'RequestTimedOut';
}
/** The caller's signal aborted the request. */
export class RequestAborted extends Error {
  override readonly name = 'RequestAborted';
}
/** A kept-alive socket was closed by the server as the request went out (the request never
 *  reached it): sent again once on a fresh socket. */
class StaleSocket extends Error {
  override readonly name = 'StaleSocket';
}

/** The response body passed the size limit. */
export class ResponseTooLarge extends Error {
  override readonly name = 'ResponseTooLarge';
}

export interface RemoteHttpOptions {
  auth: RemoteAuth;
  /** Sockets kept open to the store (and the most requests in flight at once). */
  maxSockets: number;
  maxResponseBytes: number;
}

export class RemoteHttp {
  private readonly authenticator: Authenticator;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  /** Requests sent and not yet answered. */
  inFlight = 0;

  constructor(private readonly options: RemoteHttpOptions) {
    this.authenticator = new Authenticator(options.auth);
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' as const };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
  }

  /** Sends the request; a digest 401 is answered once with the new challenge. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const target = request.url.pathname + request.url.search;
    let authorization = this.authenticator.header(request.method, target);
    const first = await this.once(request, authorization).catch((error: unknown) => {
      if (!(error instanceof StaleSocket)) throw error;
      return this.once(request, this.authenticator.header(request.method, target));
    });
    if (first.status !== 401 || !this.authenticator.rechallenge(first.headers['www-authenticate'], authorization !== undefined)) return first;
    authorization = this.authenticator.header(request.method, target);
    return this.once(request, authorization);
  }

  private once(request: HttpRequest, authorization: string | undefined): Promise<HttpResponse> {
    const { url } = request;
    const transport = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string | number> = { ...request.headers };
    if (authorization) headers.Authorization = authorization;
    if (request.body !== undefined) headers['Content-Length'] = Buffer.byteLength(request.body);
    this.inFlight++;
    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | undefined, response?: HttpResponse) => {
        if (settled) return;
        settled = true;
        this.inFlight--;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(response!);
      };
      const req = transport.request(url, { method: request.method, headers, agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent });
      const timer = setTimeout(() => {
        finish(new RequestTimedOut(`no answer within ${request.timeoutMs} ms`));
        req.destroy();
      }, request.timeoutMs);
      const onAbort = () => {
        finish(new RequestAborted('the request was cancelled'));
        req.destroy();
      };
      if (request.signal?.aborted) {
        onAbort();
        return;
      }
      request.signal?.addEventListener('abort', onAbort, { once: true });
      req.setNoDelay(true);
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish(req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up') ? new StaleSocket(error.message) : error),
      );
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > this.options.maxResponseBytes) {
            finish(new ResponseTooLarge(`the answer passed ${this.options.maxResponseBytes} bytes`));
            res.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (error) => finish(error));
        res.on('end', () => finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.end(request.body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** The security headers of every answer (helmet's, computed once), and the Content-Security-Policy
 *  the pages are written for: the explorer, the SPARQL editor (YASGUI), GraphiQL, the API docs
 *  (Swagger UI) and the resource pages load scripts only from this service, with no inline
 *  script and no eval; the page configuration travels in `<script type="application/json">`
 *  data blocks, which are not executed.
 *
 *  - styles: 'unsafe-inline' as well, because YASGUI, CodeMirror, Monaco (GraphiQL) and Swagger
 *    UI set inline styles and insert <style> elements as they run;
 *  - images and fonts: this service and data: URLs (icons the editors embed);
 *  - workers: this service and blob: (GraphiQL's editor starts its language workers so);
 *  - connect: this service only (the editors query this service's endpoints);
 *  - framing: this service only (no clickjacking from other sites);
 *  - no upgrade-insecure-requests: the service is often reached over plain http on a closed
 *    network, where that directive would break every asset. */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, string[]>> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'self'"],
  'form-action': ["'self'"],
};

const SECURITY_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  // The data is public: other sites may load exports and pages (cross-origin reads of the
  // data are governed by CORS, see corsPolicy).
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginEmbedderPolicy: false,
  // Plain http on a closed network is a supported deployment: HSTS is the proxy's to send.
  strictTransportSecurity: false,
};

/** The headers helmet writes for these options, taken once: they are the same for every
 *  answer, so each request only copies them (helmet's fastify plugin rebuilds its middleware,
 *  parsing the policy again, on every request). */
function headersOf(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let applied = false;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    applied = true;
  });
  if (!applied) throw new Error('helmet did not apply its headers synchronously');
  return Object.freeze(headers);
}

export const SECURITY_HEADERS = headersOf(SECURITY_OPTIONS);

import type { FastifyHelmetOptions } from '@fastify/helmet';

/** The security headers of every answer (@fastify/helmet), and the Content-Security-Policy
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

export const SECURITY_HEADERS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  // The data is public: other sites may load exports and pages (cross-origin reads of the
  // data are governed by CORS, see corsPolicy).
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginEmbedderPolicy: false,
  // Plain http on a closed network is a supported deployment: HSTS is the proxy's to send.
  strictTransportSecurity: false,
};

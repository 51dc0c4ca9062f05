import type { FastifyReply } from 'fastify';
import { varyOn } from '../http';

/** A reply that will carry a page in the reader's language: HTML, and `Vary: Accept-Language`
 *  added to what the reply already varies on (CORS's Origin). */
export function languagePage(reply: FastifyReply): FastifyReply {
  varyOn(reply, 'Accept-Language');
  return reply.type('text/html; charset=utf-8');
}

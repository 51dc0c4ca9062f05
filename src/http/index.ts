export {
  HttpError,
  BadRequestError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  MethodNotAllowedError,
  NotAcceptableError,
  UnsupportedMediaTypeError,
  UnsupportedContentEncodingError,
  QueryTimedOutError,
  ServiceUnavailableError,
  toErrorResponse,
  CLIENT_CLOSED_REQUEST,
  sendError,
  errorHandler,
  notFoundHandler,
} from './errors';
export type { ErrorResponse } from './errors';
export { negotiate, negotiator, negotiateReply, varyOn, parseAccept } from './negotiate';
export type { NegotiationOptions } from './negotiate';
export * from './limits';
export { assertWriteAccess, requireWriteAccess } from './writeAccess';
export { contentTypeOf, mediaTypeParams, refuseEncodedBodies, withCharset } from './mediaType';
export { corsPolicy, CORS_READ_HEADERS, CORS_READ_METHODS, CORS_WRITE_METHODS, CORS_EXPOSED_HEADERS } from './corsPolicy';
export { SECURITY_HEADERS, CONTENT_SECURITY_POLICY } from './securityHeaders';
export { queryScope } from './queryScope';
export { HttpCache, entityTag } from './HttpCache';

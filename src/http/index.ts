export {
  HttpError,
  BadRequestError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  MethodNotAllowedError,
  NotAcceptableError,
  UnsupportedMediaTypeError,
  QueryTimedOutError,
  ServiceUnavailableError,
  toErrorResponse,
  sendError,
  errorHandler,
  notFoundHandler,
} from './errors';
export type { ErrorResponse } from './errors';
export { negotiate, negotiator, parseAccept, NEGOTIATION_CACHE_ENTRIES, NEGOTIATION_CACHE_MAX_HEADER_CHARS } from './negotiate';
export * from './limits';
export { assertWriteAccess } from './writeAccess';
export { contentTypeOf, mediaTypeParams, withCharset } from './mediaType';
export { HttpCache, entityTag, DEFAULT_HTTP_MAX_AGE_SECONDS, MAX_HTTP_MAX_AGE_SECONDS } from './HttpCache';

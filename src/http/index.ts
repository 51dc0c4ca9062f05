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
  CLIENT_CLOSED_REQUEST,
  sendError,
  errorHandler,
  notFoundHandler,
} from './errors';
export type { ErrorResponse } from './errors';
export { negotiate, parseAccept } from './negotiate';
export * from './limits';
export { assertWriteAccess } from './writeAccess';
export { contentTypeOf, mediaTypeParams, withCharset } from './mediaType';
export { queryScope } from './queryScope';

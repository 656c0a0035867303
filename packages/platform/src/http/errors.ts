// Compatibility re-exports: the errors moved to @lianxin/platform/errors; the OpenAPI helper lives in error-responses.ts.
export {
  AppError,
  appError,
  badRequest,
  conflict,
  detail,
  forbidden,
  internalError,
  isAppError,
  notFound,
  shuttingDown,
  TEXT,
  tooManyRequests,
  unauthorized,
} from '../errors/index.ts';
export type { AppErrorOptions } from '../errors/index.ts';
export { ErrorBody, ErrorDetail as ValidationDetail } from '@lianxin/contracts';
export { errorResponses } from './error-responses.ts';

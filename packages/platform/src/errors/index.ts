// Public API of @lianxin/platform/errors: AppError with catalogued codes, its helpers and the one error body.
export {
  AppError,
  appError,
  badRequest,
  conflict,
  detail,
  forbidden,
  internalError,
  invalidField,
  isAppError,
  notFound,
  shuttingDown,
  TEXT,
  tooManyRequests,
  unauthorized,
} from './app-error.ts';
export type { AppErrorOptions, LocalizedText } from './app-error.ts';
export { ErrorBody, ErrorCode, ErrorDetail, ERROR_STATUS, isErrorCode } from '@lianxin/contracts';
export type { CodeOfStatus } from '@lianxin/contracts';

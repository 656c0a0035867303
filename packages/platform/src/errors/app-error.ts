// AppError and its helpers: the errors use cases throw, each with a catalogued code (its status comes from contracts) and bilingual text.
import { ERROR_STATUS } from '@lianxin/contracts';
import type { CodeOfStatus, ErrorCode, ErrorDetail } from '@lianxin/contracts';

/** Text people read: Simplified Chinese first, English available. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export interface AppErrorOptions {
  /** A code of the contracts catalogue; the HTTP status is the catalogue's. */
  code: ErrorCode;
  message: LocalizedText;
  /** Sent to the client on 4xx; never on 5xx. Must not contain personal data. */
  details?: readonly ErrorDetail[];
  /** Response headers the error requires, e.g. `WWW-Authenticate` on 401. */
  headers?: Record<string, string>;
  cause?: unknown;
  /** Deprecated: the status follows from `code`. If given, it must agree with the catalogue. */
  status?: number;
}

/**
 * An error a use case throws on purpose. The error handler turns it into
 * `{ error: { code, message: { zh, en }, details? } }` with the code's status; `Error.message`
 * holds the English text so stack traces and logs read the same everywhere.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: readonly ErrorDetail[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(options: AppErrorOptions) {
    super(options.message.en, options.cause === undefined ? undefined : { cause: options.cause });
    const status: number = ERROR_STATUS[options.code];
    if (options.status !== undefined && options.status !== status) {
      throw new RangeError(
        `AppError ${options.code} is ${status} in the catalogue, not ${options.status}`,
      );
    }
    this.status = status;
    this.code = options.code;
    this.text = options.message;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Texts for the platform's own codes. */
export const TEXT = {
  validationFailed: { zh: '请求参数无效', en: 'The request is invalid' },
  invalidJson: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  unauthorized: { zh: '请先登录', en: 'Authentication is required' },
  invalidToken: { zh: '登录凭证无效或已过期', en: 'The access token is invalid or has expired' },
  forbidden: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  notFound: { zh: '资源不存在', en: 'The resource does not exist' },
  routeNotFound: { zh: '接口不存在', en: 'No such endpoint' },
  conflict: { zh: '与当前状态冲突', en: 'The request conflicts with the current state' },
  duplicate: {
    zh: '已存在相同的记录（唯一字段重复）',
    en: 'Another record already has this unique value',
  },
  payloadTooLarge: { zh: '请求体过大', en: 'The request body is too large' },
  unsupportedMediaType: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  rateLimited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  badRequest: { zh: '请求无效', en: 'Bad request' },
  methodNotAllowed: { zh: '不支持该请求方法', en: 'Method not allowed' },
  internal: { zh: '内部错误', en: 'Internal error' },
  unavailable: { zh: '服务暂不可用', en: 'Service unavailable' },
  shuttingDown: {
    zh: '服务正在关闭，请稍后重试',
    en: 'The service is shutting down; retry shortly',
  },
} as const satisfies Record<string, LocalizedText>;

/** One `details` entry; `extra` carries the fields the code documents (never personal data). */
export function detail(
  path: string,
  rule: string,
  message: LocalizedText,
  extra: Record<string, unknown> = {},
): ErrorDetail {
  return { ...extra, path, rule, message };
}

/** Any catalogued code; prefer the helpers below where they fit. */
export function appError(
  code: ErrorCode,
  message: LocalizedText,
  details?: readonly ErrorDetail[],
): AppError {
  return new AppError({ code, message, ...(details === undefined ? {} : { details }) });
}

export function badRequest(
  code: CodeOfStatus<400>,
  message: LocalizedText,
  details?: readonly ErrorDetail[],
): AppError {
  return appError(code, message, details);
}

/** 400 VALIDATION_FAILED for one field that breaks a rule zod cannot see (path dotted or as parts). */
export function invalidField(
  path: string | readonly string[],
  message: LocalizedText,
  rule = 'invalid',
): AppError {
  const dotted = typeof path === 'string' ? path : path.join('.');
  return badRequest('VALIDATION_FAILED', message, [detail(dotted, rule, message)]);
}

export function unauthorized(
  message: LocalizedText = TEXT.unauthorized,
  headers: Record<string, string> = { 'www-authenticate': 'Bearer realm="lianxin"' },
): AppError {
  return new AppError({ code: 'UNAUTHORIZED', message, headers });
}

export function forbidden(message: LocalizedText = TEXT.forbidden): AppError {
  return new AppError({ code: 'FORBIDDEN', message });
}

/** Also what a liaison gets for another bank's object: its existence is not disclosed. */
export function notFound(
  message: LocalizedText = TEXT.notFound,
  details?: readonly ErrorDetail[],
): AppError {
  return appError('NOT_FOUND', message, details);
}

export function conflict(
  code: CodeOfStatus<409>,
  message: LocalizedText,
  details?: readonly ErrorDetail[],
): AppError {
  return appError(code, message, details);
}

export function tooManyRequests(retryAfterSeconds: number): AppError {
  return new AppError({
    code: 'RATE_LIMITED',
    message: TEXT.rateLimited,
    details: [
      detail('', 'rate_limit', TEXT.rateLimited, {
        retryAfterSeconds: Math.max(0, retryAfterSeconds),
      }),
    ],
    headers: { 'retry-after': String(Math.max(0, retryAfterSeconds)) },
  });
}

export function shuttingDown(): AppError {
  return new AppError({
    code: 'SHUTTING_DOWN',
    message: TEXT.shuttingDown,
    headers: { 'retry-after': '1', connection: 'close' },
  });
}

export function internalError(cause?: unknown): AppError {
  return new AppError({ code: 'INTERNAL', message: TEXT.internal, cause });
}

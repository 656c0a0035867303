// AppError and its helpers: the errors use cases throw, each with a stable code, an HTTP status and bilingual text.
import { z } from 'zod';
import type { LocalizedText } from './language.ts';

export interface AppErrorOptions {
  status: number;
  /** Stable, UPPER_SNAKE_CASE; clients branch on it (`VENUE_CONFLICT`, `NOT_INVITED`…). */
  code: string;
  message: LocalizedText;
  /** Sent to the client on 4xx; never on 5xx. Must not contain personal data. */
  details?: unknown;
  /** Response headers the error requires, e.g. `WWW-Authenticate` on 401. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An error a use case throws on purpose. The error handler turns it into
 * `{ error: { code, message, details? } }` with `status`; `Error.message` holds the English
 * text so stack traces and logs read the same everywhere.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;
  readonly code: string;
  readonly text: LocalizedText;
  readonly details: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(options: AppErrorOptions) {
    super(options.message.en, options.cause === undefined ? undefined : { cause: options.cause });
    if (!Number.isInteger(options.status) || options.status < 400 || options.status > 599) {
      throw new RangeError(`AppError status must be 4xx or 5xx, got ${options.status}`);
    }
    this.status = options.status;
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
    en: 'A record with the same unique value already exists',
  },
  payloadTooLarge: { zh: '请求体过大', en: 'The request body is too large' },
  unsupportedMediaType: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  rateLimited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  badRequest: { zh: '请求无效', en: 'Bad request' },
  methodNotAllowed: { zh: '不支持该请求方法', en: 'Method not allowed' },
  internal: { zh: '内部错误', en: 'Internal error' },
  unavailable: { zh: '服务暂不可用', en: 'Service unavailable' },
} as const satisfies Record<string, LocalizedText>;

export function badRequest(code: string, message: LocalizedText, details?: unknown): AppError {
  return new AppError({ status: 400, code, message, details });
}

export function unauthorized(
  message: LocalizedText = TEXT.unauthorized,
  headers: Record<string, string> = { 'www-authenticate': 'Bearer realm="lianxin"' },
): AppError {
  return new AppError({ status: 401, code: 'UNAUTHORIZED', message, headers });
}

export function forbidden(message: LocalizedText = TEXT.forbidden): AppError {
  return new AppError({ status: 403, code: 'FORBIDDEN', message });
}

/** Also what a liaison gets for another bank's object: its existence is not disclosed. */
export function notFound(message: LocalizedText = TEXT.notFound, details?: unknown): AppError {
  return new AppError({ status: 404, code: 'NOT_FOUND', message, details });
}

export function conflict(code: string, message: LocalizedText, details?: unknown): AppError {
  return new AppError({ status: 409, code, message, details });
}

export function tooManyRequests(retryAfterSeconds: number): AppError {
  return new AppError({
    status: 429,
    code: 'RATE_LIMITED',
    message: TEXT.rateLimited,
    details: { retryAfterSeconds },
  });
}

export function internalError(cause?: unknown): AppError {
  return new AppError({ status: 500, code: 'INTERNAL', message: TEXT.internal, cause });
}

/** One entry of `details` on a 400 `VALIDATION_FAILED`. */
export const ValidationDetail = z.object({
  in: z.enum(['body', 'querystring', 'params', 'headers']),
  /** Dotted path into that part, e.g. `attendee.mobile` or `attendees.0.mobile`; '' for the whole part. */
  path: z.string(),
  /** zod's issue code (`invalid_type`, `too_small`, `unrecognized_keys`…) or `forbidden_key`. */
  rule: z.string(),
  message: z.string(),
});
export type ValidationDetail = z.infer<typeof ValidationDetail>;

/** The one error body of every Lianxin API (the contracts package may take this over). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `response: { 200: Session, ...errorResponses(400, 404, 409) }` documents the error shape. */
export function errorResponses<const S extends number>(
  ...statuses: S[]
): Record<S, typeof ErrorBody> {
  const out = {} as Record<S, typeof ErrorBody>;
  for (const status of statuses) out[status] = ErrorBody;
  return out;
}

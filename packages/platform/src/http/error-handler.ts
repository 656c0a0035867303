// The one error handler: every failure becomes { error: { code, message, details? } }; 5xx are logged and hidden.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  ResponseSerializationError,
} from 'fastify-type-provider-zod';
import { isDuplicateKeyError } from '../db/index.ts';
import { AppError, TEXT } from './errors.ts';
import type { ErrorBody, ValidationDetail } from './errors.ts';
import { CONTENT_LANGUAGE, languageOf } from './language.ts';
import type { Language, LocalizedText } from './language.ts';
import { RequestValidationError } from './validation.ts';
// For the `request.principal` declaration used in the 5xx log context.
import type {} from '../auth/authenticate.ts';

interface ErrorReply {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  headers: Readonly<Record<string, string>>;
}

// Fastify's own client errors, by code. Only errors Fastify raises are trusted to carry a
// 4xx status: an arbitrary library error with `statusCode: 400` is still a bug of ours.
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; text: LocalizedText }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', text: TEXT.payloadTooLarge },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    text: TEXT.unsupportedMediaType,
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', text: TEXT.invalidJson },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', text: TEXT.invalidJson },
  FST_ERR_NOT_FOUND: { code: 'NOT_FOUND', text: TEXT.routeNotFound },
};

const CLIENT_ERRORS_BY_STATUS: Record<number, { code: string; text: LocalizedText }> = {
  404: { code: 'NOT_FOUND', text: TEXT.notFound },
  405: { code: 'METHOD_NOT_ALLOWED', text: TEXT.methodNotAllowed },
  413: { code: 'PAYLOAD_TOO_LARGE', text: TEXT.payloadTooLarge },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', text: TEXT.unsupportedMediaType },
  429: { code: 'RATE_LIMITED', text: TEXT.rateLimited },
};

interface FastifyClientError {
  code: string;
  statusCode: number;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('FST_') &&
    'statusCode' in error &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  );
}

function summarize(
  text: LocalizedText,
  details: readonly ValidationDetail[],
  language: Language,
): string {
  const paths = [...new Set(details.map((d) => d.path || '(root)'))].slice(0, 5);
  return language === 'zh' ? `${text.zh}：${paths.join('、')}` : `${text.en}: ${paths.join(', ')}`;
}

function fromInstancePath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((segment) => segment.length > 0)
    .join('.');
}

function validationPart(error: { validationContext?: string }): ValidationDetail['in'] {
  const context = error.validationContext;
  return context === 'querystring' || context === 'params' || context === 'headers'
    ? context
    : 'body';
}

/** Maps anything thrown during a request to the status, code and localized message to send. */
export function toErrorReply(error: unknown, language: Language): ErrorReply {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      message: error.text[language],
      // 5xx details are for logs, never for clients.
      ...(error.status < 500 && error.details !== undefined ? { details: error.details } : {}),
      headers: error.headers,
    };
  }
  if (error instanceof RequestValidationError) {
    const details = error.issues[language];
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: summarize(TEXT.validationFailed, details, language),
      details,
      headers: {},
    };
  }
  // A route registered in a child context with the stock zod compiler: same shape, English text.
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = validationPart(error);
    const details: ValidationDetail[] = error.validation.map((issue) => ({
      in: part,
      path: fromInstancePath(issue.instancePath),
      rule: issue.keyword,
      message: issue.message ?? issue.keyword,
    }));
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: summarize(TEXT.validationFailed, details, language),
      details,
      headers: {},
    };
  }
  if (error instanceof ResponseSerializationError) {
    return { status: 500, code: 'INTERNAL', message: TEXT.internal[language], headers: {} };
  }
  // A unique index refused a write that no use case turned into its own code: still the
  // client's conflict, not our failure (issue 10, defect 2). The key's value is not echoed.
  if (isDuplicateKeyError(error)) {
    return { status: 409, code: 'DUPLICATE', message: TEXT.duplicate[language], headers: {} };
  }
  if (isFastifyClientError(error)) {
    const known = FASTIFY_CLIENT_ERRORS[error.code] ?? CLIENT_ERRORS_BY_STATUS[error.statusCode];
    const { code, text } = known ?? { code: 'BAD_REQUEST', text: TEXT.badRequest };
    return { status: error.statusCode, code, message: text[language], headers: {} };
  }
  return { status: 500, code: 'INTERNAL', message: TEXT.internal[language], headers: {} };
}

function send(reply: FastifyReply, language: Language, out: ErrorReply): FastifyReply {
  const body: ErrorBody = {
    error: {
      code: out.code,
      message: out.message,
      ...(out.details !== undefined ? { details: out.details } : {}),
    },
  };
  return reply
    .status(out.status)
    .headers(out.headers)
    .header('content-language', CONTENT_LANGUAGE[language])
    .send(body);
}

function requestContext(request: FastifyRequest): Record<string, unknown> {
  return {
    req: request,
    route: request.routeOptions.url,
    principal:
      request.principal === null
        ? undefined
        : { sub: request.principal.sub, role: request.principal.role },
  };
}

/** Installs the error handler and the 404 handler on the root instance. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    const language = languageOf(request);
    const out = toErrorReply(error, language);
    if (out.status >= 500) {
      request.log.error({ err: error, ...requestContext(request) }, 'request failed');
    } else {
      // Client mistakes are routine; the code is enough to spot patterns without logging input.
      request.log.info({ code: out.code, status: out.status }, 'request rejected');
    }
    return send(reply, language, out);
  });

  app.setNotFoundHandler((request, reply) => {
    const language = languageOf(request);
    return send(reply, language, {
      status: 404,
      code: 'NOT_FOUND',
      message: TEXT.routeNotFound[language],
      headers: {},
    });
  });
}

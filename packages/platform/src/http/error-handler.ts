// The one error handler: every failure becomes { error: { code, message, details? } }; 5xx are logged and hidden.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  ResponseSerializationError,
} from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, ErrorDetail } from '@lianxin/contracts';
import { AppError, TEXT } from '../errors/app-error.ts';
import type { LocalizedText } from '../errors/app-error.ts';
import { isDeclared } from './error-responses.ts';
import type { RouteErrorRegistry } from './error-responses.ts';
import { isDuplicateKeyError } from '../db/index.ts';
import { RequestValidationError } from './validation.ts';
// For the `request.principal` declaration used in the 5xx log context.
import type {} from '../auth/authenticate.ts';

interface ErrorReply {
  status: number;
  code: ErrorCode;
  message: LocalizedText;
  details?: readonly ErrorDetail[];
  headers: Readonly<Record<string, string>>;
}

// Fastify's own client errors, by code. Only errors Fastify raises are trusted to carry a
// 4xx status: an arbitrary library error with `statusCode: 400` is still a bug of ours.
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ErrorCode; text: LocalizedText }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', text: TEXT.payloadTooLarge },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    text: TEXT.unsupportedMediaType,
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', text: TEXT.invalidJson },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', text: TEXT.invalidJson },
  FST_ERR_NOT_FOUND: { code: 'NOT_FOUND', text: TEXT.routeNotFound },
};

const CLIENT_ERRORS_BY_STATUS: Record<number, { code: ErrorCode; text: LocalizedText }> = {
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

function summarize(text: LocalizedText, details: readonly ErrorDetail[]): LocalizedText {
  const paths = [...new Set(details.map((d) => d.path || '(root)'))].slice(0, 5);
  return { zh: `${text.zh}：${paths.join('、')}`, en: `${text.en}: ${paths.join(', ')}` };
}

function fromInstancePath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((segment) => segment.length > 0)
    .join('.');
}

function validationPart(error: { validationContext?: string }): ErrorDetail['in'] {
  const context = error.validationContext;
  return context === 'querystring' || context === 'params' || context === 'headers'
    ? context
    : 'body';
}

const INTERNAL: ErrorReply = { status: 500, code: 'INTERNAL', message: TEXT.internal, headers: {} };

/** Maps anything thrown during a request to the status, code, message and details to send. */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      message: error.text,
      // 5xx details are for logs, never for clients.
      ...(error.status < 500 && error.details !== undefined ? { details: error.details } : {}),
      headers: error.headers,
    };
  }
  if (error instanceof RequestValidationError) {
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: summarize(TEXT.validationFailed, error.issues),
      details: error.issues,
      headers: {},
    };
  }
  // A route registered in a child context with the stock zod compiler: same shape, English text.
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = validationPart(error);
    const details: ErrorDetail[] = error.validation.map((issue) => {
      const text = issue.message ?? issue.keyword;
      return {
        in: part,
        path: fromInstancePath(issue.instancePath),
        rule: issue.keyword,
        message: { zh: text, en: text },
      };
    });
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: summarize(TEXT.validationFailed, details),
      details,
      headers: {},
    };
  }
  if (error instanceof ResponseSerializationError) return INTERNAL;
  // A unique index refused a write that no use case turned into its own code: still the
  // client's conflict, not our failure (issue 10, defect 2). The key's value is not echoed.
  if (isDuplicateKeyError(error)) {
    return { status: 409, code: 'DUPLICATE', message: TEXT.duplicate, headers: {} };
  }
  if (isFastifyClientError(error)) {
    const known = FASTIFY_CLIENT_ERRORS[error.code] ?? CLIENT_ERRORS_BY_STATUS[error.statusCode];
    const { code, text } = known ?? { code: 'BAD_REQUEST' as const, text: TEXT.badRequest };
    return { status: error.statusCode, code, message: text, headers: {} };
  }
  return INTERNAL;
}

function send(reply: FastifyReply, out: ErrorReply): FastifyReply {
  const body: ErrorBody = {
    error: {
      code: out.code,
      message: out.message,
      ...(out.details !== undefined ? { details: [...out.details] } : {}),
    },
  };
  // Our own serializer: an error reply must never fail on a route's response schema (that
  // would turn a 409 into a 500); whether the code was declared is checked separately.
  return reply
    .status(out.status)
    .headers(out.headers)
    .type('application/json; charset=utf-8')
    .serializer(JSON.stringify)
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

export interface ErrorHandlingOptions {
  registry: RouteErrorRegistry;
  /**
   * Tests and development: a code the route did not declare in its responses answers 500
   * (naming the code), so the OpenAPI lists stay true. Otherwise it is logged and sent as is.
   */
  strictErrorCodes: boolean;
}

/** Installs the error handler and the 404 handler on the root instance. */
export function installErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    let out = toErrorReply(error);
    const route = request.routeOptions;
    const codes =
      route.url === undefined ? undefined : options.registry.codesOf(request.method, route.url);
    if (!isDeclared(codes, out.status, out.code)) {
      request.log.error(
        { route: route.url, method: request.method, code: out.code, status: out.status },
        'error code not declared in the route responses',
      );
      if (options.strictErrorCodes) {
        const text = `${request.method} ${route.url ?? ''} answered ${out.code}, which its responses do not declare`;
        out = {
          ...INTERNAL,
          details: [{ path: '', rule: 'undeclared_code', message: { zh: text, en: text } }],
        };
      }
    }
    if (out.status >= 500) {
      request.log.error({ err: error, ...requestContext(request) }, 'request failed');
    } else {
      // Client mistakes are routine; the code is enough to spot patterns without logging input.
      request.log.info({ code: out.code, status: out.status }, 'request rejected');
    }
    return send(reply, out);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, { status: 404, code: 'NOT_FOUND', message: TEXT.routeNotFound, headers: {} }),
  );
}

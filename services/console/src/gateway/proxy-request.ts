// Forwards one browser request to a service with a freshly minted service token; the response streams back.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appError } from '@lianxin/platform/errors';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Account } from '../accounts/account.ts';
import type { Deps } from '../shared/deps.ts';

/** The request body as bytes, kept out of enumerable fields so the platform's key guard skips it. */
export class RawBody {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

const FORWARDED_REQUEST = [
  'content-type',
  'accept',
  'accept-language',
  'if-match',
  'if-none-match',
];
const FORWARDED_RESPONSE = [
  'content-type',
  'content-disposition',
  'content-language',
  'cache-control',
  'etag',
  'retry-after',
];
const UPSTREAM_TIMEOUT_MS = 30_000;

const unavailable = (service: string) =>
  appError('UNAVAILABLE', {
    zh: `${service} 服务暂不可用，请稍后重试`,
    en: `The ${service} service is unavailable; retry shortly`,
  });

/**
 * `path` is what follows `/api/<service>` (query included). Cookies and any Authorization the
 * browser sent are dropped: the only credential upstream is the token minted here — none at all
 * for `account` null (the one public route, ADR 035).
 */
export async function proxyRequest(
  deps: Deps,
  account: Account | null,
  target: { service: string; base: string; path: string },
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  if (account !== null) {
    headers.set('authorization', `Bearer ${await deps.tokens.mintFor(account)}`);
  }
  headers.set('x-request-id', request.id);
  const body = request.body instanceof RawBody ? request.body.bytes : undefined;
  let upstream: Response;
  try {
    upstream = await fetch(`${target.base}${target.path}`, {
      method: request.method,
      headers,
      ...(body === undefined || body.length === 0 ? {} : { body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch (err) {
    request.log.warn({ err, service: target.service }, 'gateway: upstream unreachable');
    throw unavailable(target.service);
  }
  reply.code(upstream.status);
  for (const name of FORWARDED_RESPONSE) {
    const value = upstream.headers.get(name);
    if (value !== null) reply.header(name, value);
  }
  const location = upstream.headers.get('location');
  // A service's own paths become the gateway's, so the browser stays on the console.
  if (location?.startsWith('/') === true)
    reply.header('location', `/api/${target.service}${location}`);
  if (upstream.body === null) return reply.send();
  return reply.send(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>));
}

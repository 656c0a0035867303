// Rate limiting: per signed-in user (token `sub`) when the bearer token verifies, else per client IP.
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Identity } from '../auth/authenticate.ts';
import { tooManyRequests } from '../errors/app-error.ts';

export interface RateLimitOptions {
  /** Requests allowed per key and window. */
  max: number;
  /** Milliseconds, or a span such as `'1 minute'`. */
  timeWindow: number | string;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 300, timeWindow: '1 minute' };

/** The limiter settings from `RATE_LIMIT_MAX` / `RATE_LIMIT_WINDOW_MS` (0 = off). */
export function rateLimitFrom(config: {
  RATE_LIMIT_MAX: number;
  RATE_LIMIT_WINDOW_MS: number;
}): RateLimitOptions | false {
  return config.RATE_LIMIT_MAX === 0
    ? false
    : { max: config.RATE_LIMIT_MAX, timeWindow: config.RATE_LIMIT_WINDOW_MS };
}

/**
 * Keying by user matters here: a county police station or a bank branch puts many people
 * behind one NAT address, and an IP limit would throttle them together. An invalid token is
 * keyed by IP, so a client cannot mint itself fresh buckets with made-up tokens. The store is
 * in-process; with several replicas the effective limit is per replica.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  options: RateLimitOptions,
  identify: (request: FastifyRequest) => Promise<Identity>,
): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.max,
    timeWindow: options.timeWindow,
    keyGenerator: async (request) => {
      const identity = await identify(request);
      return identity.kind === 'principal' ? `sub:${identity.principal.sub}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => tooManyRequests(Math.ceil(context.ttl / 1000)),
  });
}

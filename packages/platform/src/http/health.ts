// GET /healthz (the process is up) and GET /readyz (caller-supplied probes for the database, the broker…).
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Resolves when the dependency is usable; rejects (or hangs past the timeout) when not. */
export type ReadinessProbe = () => Promise<unknown>;

const ProbeResult = z.object({
  status: z.enum(['up', 'down']),
  durationMs: z.number(),
  /** Why a probe is down, without the error text: it may hold connection strings. */
  reason: z.enum(['error', 'timeout']).optional(),
});

const Readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), ProbeResult),
  /** Names of the probes that are down. */
  failing: z.array(z.string()),
  /** Start-up work still running after listening (a reconcile, the demo data). */
  pending: z.array(z.object({ name: z.string(), blocksReadiness: z.boolean() })),
  /** What the service adds (a consumer's lag); absent when it adds nothing or could not tell. */
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Extra facts for `/readyz` (bounded by the probe timeout); informative, not a probe. */
export type ReadinessDetails = () => Promise<Record<string, unknown>>;

/** Start-up work the service still runs in the background (runService provides it). */
export interface StartupStatus {
  pending(): { name: string; blocksReadiness: boolean }[];
}

const NOTHING_PENDING: StartupStatus = { pending: () => [] };

const Health = z.object({ status: z.literal('ok') });

type ProbeOutcome = z.infer<typeof ProbeResult>;

const TIMED_OUT = Symbol('timeout');

async function runProbe(
  probe: ReadinessProbe,
  timeoutMs: number,
): Promise<{ result: ProbeOutcome; error?: unknown }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      resolve(TIMED_OUT);
    }, timeoutMs);
  });
  try {
    const outcome = await Promise.race([probe(), timeout]);
    const durationMs = Math.round(performance.now() - started);
    if (outcome === TIMED_OUT) return { result: { status: 'down', durationMs, reason: 'timeout' } };
    return { result: { status: 'up', durationMs } };
  } catch (error) {
    return {
      result: {
        status: 'down',
        durationMs: Math.round(performance.now() - started),
        reason: 'error',
      },
      error,
    };
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(
  app: FastifyInstance,
  probes: Readonly<Record<string, ReadinessProbe>>,
  timeoutMs: number,
  startup: StartupStatus = NOTHING_PENDING,
  details?: ReadinessDetails,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  // Orchestrators poll these; they must never be rate limited away.
  const config = { rateLimit: false } as const;

  routes.get(
    '/healthz',
    {
      config,
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: Health } },
    },
    () => ({ status: 'ok' as const }),
  );

  routes.get(
    '/readyz',
    {
      config,
      schema: {
        tags: ['health'],
        summary: 'Every dependency is reachable',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (request, reply) => {
      const names = Object.keys(probes);
      const outcomes = await Promise.all(
        names.map(async (name) => {
          const probe = probes[name];
          return probe === undefined ? undefined : runProbe(probe, timeoutMs);
        }),
      );
      const checks: Record<string, ProbeOutcome> = {};
      const failing: string[] = [];
      names.forEach((name, index) => {
        const outcome = outcomes[index];
        if (outcome === undefined) return;
        checks[name] = outcome.result;
        if (outcome.result.status === 'down') {
          failing.push(name);
          request.log.warn(
            { probe: name, reason: outcome.result.reason, err: outcome.error },
            'readiness probe failed',
          );
        }
      });
      const pending = startup.pending();
      const ready = failing.length === 0 && !pending.some((p) => p.blocksReadiness);
      const extra = details === undefined ? undefined : await readDetails(details, timeoutMs);
      if (extra instanceof Error) request.log.warn({ err: extra }, 'readiness details failed');
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        checks,
        failing,
        pending,
        ...(extra === undefined || extra instanceof Error ? {} : { details: extra }),
      });
    },
  );
}

async function readDetails(
  details: ReadinessDetails,
  timeoutMs: number,
): Promise<Record<string, unknown> | Error> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Error>((resolve) => {
    timer = setTimeout(() => {
      resolve(new Error('readiness details timed out'));
    }, timeoutMs);
  });
  try {
    return await Promise.race([details(), timeout]);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  } finally {
    clearTimeout(timer);
  }
}

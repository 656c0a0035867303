// The HTTP load generator: autocannon with a fixed number of requests at a bounded concurrency.
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** Total requests to send. */
  amount: number;
  /** Connections kept open at once (= requests in flight, no pipelining). */
  connections: number;
  /** How long one request may wait for its answer; default 300 s. */
  timeoutSeconds?: number;
  /** Path, headers and body of request `i` (0-based, in the order they are sent). */
  request: (i: number) => { path: string; headers: Record<string, string>; body?: string };
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Completed requests per second of wall time. */
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  /** Response bodies of a non-2xx answer, up to 5, to say what went wrong. */
  failures: string[];
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const failures: string[] = [];
  const started = performance.now();
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    amount: spec.amount,
    pipelining: 1,
    timeout: spec.timeoutSeconds ?? 300,
    requests: [
      {
        method: spec.method,
        setupRequest: (req) => {
          const r = spec.request(next);
          next += 1;
          return {
            ...req,
            path: r.path,
            headers: {
              ...r.headers,
              ...(r.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(r.body === undefined ? {} : { body: r.body }),
          };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && failures.length < 5)
            failures.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {}))
    statuses[code] = s.count ?? 0;
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requests,
    seconds,
    rps: requests / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
    failures,
  };
}

/** Throws unless every request got `status`. */
export function assertAll(r: LoadResult, status: number, what: string): void {
  const good = r.statuses[String(status)] ?? 0;
  if (good !== r.requests || r.errors > 0 || r.requests === 0)
    throw new Error(
      `${what}: ${good}/${r.requests} answered ${status}, ${r.errors} errors; statuses ${JSON.stringify(r.statuses)}; ${r.failures.join(' | ')}`,
    );
}

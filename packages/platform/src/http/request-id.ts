// Request ids: keep a sane incoming x-request-id (so one id follows a call across services), else mint one.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// Ids end up in logs and response headers: allow only short, boring characters so a client
// cannot inject log lines or header fragments.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(raw: IncomingMessage): string {
  const incoming = raw.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}

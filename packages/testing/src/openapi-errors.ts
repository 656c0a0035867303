// Reads a service's OpenAPI document and checks what each operation says about its errors against the contracts catalogue.
import { ERROR_STATUS, ErrorBody, isErrorCode } from '@lianxin/contracts';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Caller, Method, Who } from './auth.ts';

interface Operation {
  security?: unknown[];
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
}

export interface OperationErrors {
  method: string;
  path: string;
  /** A token is required (a `security` with no empty alternative): 401 and 403 are expected. */
  authenticated: boolean;
  /** status → the codes its documented error schema enumerates. */
  codes: Map<number, string[]>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const isEmpty = (requirement: unknown): boolean =>
  typeof requirement === 'object' && requirement !== null && Object.keys(requirement).length === 0;

/** Every `enum` of a `code` property inside a schema (the error body's `error.code`). */
function codeEnums(schema: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const code = (record['properties'] as Record<string, unknown> | undefined)?.['code'];
    const values = (code as { enum?: unknown } | undefined)?.enum;
    if (Array.isArray(values))
      found.push(...values.filter((v): v is string => typeof v === 'string'));
    for (const value of Object.values(record)) walk(value);
  };
  walk(schema);
  return found;
}

/** The documented error codes of every operation of the app's `/docs/json`. */
export async function operationErrors(app: FastifyInstance): Promise<OperationErrors[]> {
  const res = await app.inject({ method: 'GET', url: '/docs/json' });
  const doc = res.json<{ paths: Record<string, Record<string, Operation>> }>();
  const out: OperationErrors[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!METHODS.includes(method)) continue;
      const codes = new Map<number, string[]>();
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (Number(status) < 400) continue;
        codes.set(Number(status), codeEnums(response.content?.['application/json']?.schema));
      }
      out.push({
        method: method.toUpperCase(),
        path,
        // `[{ bearer: [] }, {}]` is optional auth (the public may read): a bad token is 401,
        // but no role is required, so it is not held to documenting 403.
        authenticated:
          (op.security ?? []).some((s) => !isEmpty(s)) && !(op.security ?? []).some(isEmpty),
        codes,
      });
    }
  }
  return out;
}

/** What is wrong with one operation's documented errors; empty when it is right. */
export function errorDocProblems(op: OperationErrors): string[] {
  const problems: string[] = [];
  const name = `${op.method} ${op.path}`;
  for (const [status, codes] of op.codes) {
    if (codes.length === 0) problems.push(`${name} ${status}: no error codes documented`);
    for (const code of codes) {
      if (!isErrorCode(code)) problems.push(`${name} ${status}: ${code} is not in the catalogue`);
      else if (ERROR_STATUS[code] !== status) {
        problems.push(`${name} ${status}: ${code} is ${ERROR_STATUS[code]} in the catalogue`);
      }
    }
  }
  const has = (status: number, code: string) => op.codes.get(status)?.includes(code) ?? false;
  for (const [status, code] of [
    [400, 'VALIDATION_FAILED'],
    [500, 'INTERNAL'],
    [503, 'SHUTTING_DOWN'],
  ] as const) {
    if (!has(status, code)) problems.push(`${name}: ${status} ${code} not documented`);
  }
  if (op.authenticated && !(has(401, 'UNAUTHORIZED') && has(403, 'FORBIDDEN'))) {
    problems.push(`${name}: authenticated but 401/403 not documented`);
  }
  return problems;
}

/** True when `code` at `status` is documented for the operation. */
export function isDocumented(op: OperationErrors, status: number, code: string): boolean {
  return op.codes.get(status)?.includes(code) ?? false;
}

/** An OpenAPI path with each `{param}` filled by an id nothing has (24 hex digits). */
export function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
}

/** What `probeOperations` needs of a harness: the app and a caller per identity. */
interface Probed {
  app: FastifyInstance;
  as: (who: Who | null) => Caller;
}

/**
 * Calls every operation of the app's OpenAPI document with no token, each role, a liaison,
 * unknown ids and an empty body; returns each answer that is a 5xx or an error code the
 * operation does not document (empty when every route keeps its promise).
 */
export async function probeOperations(h: Probed): Promise<string[]> {
  const callers: Record<string, Caller> = {
    anonymous: h.as(null),
    coordinator: h.as('coordinator'),
    officer: h.as('officer'),
    reviewer: h.as('reviewer'),
    liaison: h.as({ liaison: '0123456789abcdef01234567' }),
  };
  const undocumented: string[] = [];
  for (const op of await operationErrors(h.app)) {
    for (const [who, call] of Object.entries(callers)) {
      const method = op.method as Method;
      const res = await call(method, concretePath(op.path), method === 'GET' ? undefined : {});
      if (res.statusCode < 400) continue;
      const body = ErrorBody.safeParse(res.json());
      const code = body.success ? body.data.error.code : 'not an error body';
      if (res.statusCode >= 500 || !isDocumented(op, res.statusCode, code)) {
        undocumented.push(`${who} ${op.method} ${op.path} → ${res.statusCode} ${code}`);
      }
    }
  }
  return undocumented;
}

/**
 * The error contract of a service's API as two tests (ADR 007): every documented code is
 * catalogued at its status with the common ones, and every operation called with no token, each
 * role, unknown ids and an empty body answers only documented codes, never a 5xx. A service's
 * `app.test.ts` calls it once with its harness.
 */
export function describeErrorContract(h: Probed): void {
  describe('error codes in the API documentation', () => {
    it('when every operation is read, then each documented code is catalogued at its status, with the common ones', async () => {
      const ops = await operationErrors(h.app);
      expect(ops.length).toBeGreaterThan(0);
      expect(ops.flatMap(errorDocProblems)).toEqual([]);
    });

    it('when every operation is called with no token, each role, unknown ids and an empty body, then each error answered is documented for it and none is a 5xx', async () => {
      expect(await probeOperations(h)).toEqual([]);
    });
  });
}

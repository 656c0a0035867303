// Rejects request keys that MongoDB would read as operators or paths ($ne, a.b), at any depth.
import type { preValidationHookHandler } from 'fastify';
import type { ErrorDetail } from '@lianxin/contracts';
import { RequestValidationError } from './validation.ts';

const MAX_REPORTED = 20;

function isForbiddenKey(key: string): boolean {
  return key.startsWith('$') || key.includes('.');
}

/**
 * Paths of keys starting with `$` or containing `.` anywhere in `value`. Iterative, so a
 * deeply nested body cannot overflow the stack; stops after `MAX_REPORTED` findings.
 */
export function findForbiddenKeys(value: unknown): string[] {
  const found: string[] = [];
  const stack: { node: unknown; path: string[] }[] = [{ node: value, path: [] }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const item = stack.pop();
    if (item === undefined) break;
    const { node, path } = item;
    if (typeof node !== 'object' || node === null) continue;
    const entries: [string, unknown][] = Array.isArray(node)
      ? node.map((child, index): [string, unknown] => [String(index), child])
      : Object.entries(node);
    for (const [key, child] of entries) {
      const childPath = [...path, key];
      if (!Array.isArray(node) && isForbiddenKey(key)) found.push(childPath.join('.'));
      stack.push({ node: child, path: childPath });
    }
  }
  return found;
}

function detailsFor(part: 'body' | 'querystring', paths: string[]): ErrorDetail[] {
  return paths.map((path) => ({
    in: part,
    path,
    rule: 'forbidden_key',
    message: {
      zh: '字段名不能以 $ 开头或包含 .',
      en: 'Field names must not start with $ or contain .',
    },
  }));
}

/**
 * Defence in depth against operator injection (`{"mobile": {"$ne": null}}`): zod already
 * rejects an object where a string is typed, but a loosely typed field, a `z.record` or a
 * future refactor must not open the door. Runs before validation on every route.
 */
export const rejectOperatorKeys: preValidationHookHandler = (request, _reply, done) => {
  for (const part of ['body', 'querystring'] as const) {
    const value: unknown = part === 'body' ? request.body : request.query;
    const paths = findForbiddenKeys(value);
    if (paths.length > 0) {
      done(new RequestValidationError(part, detailsFor(part, paths)));
      return;
    }
  }
  done();
};

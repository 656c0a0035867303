// Test helpers that walk a bulletin through the workflow over HTTP, as the people who would.
import type { Caller, Who } from '@lianxin/testing';
import { expect } from 'vitest';
import { bulletinBody, staff } from './fixtures.ts';

export interface Cast {
  author: Caller;
  otherOfficer: Caller;
  reviewer: Caller;
  secondReviewer: Caller;
  coordinator: Caller;
  liaison: Caller;
}

export function castOf(h: { as: (who: Who) => Caller }): Cast {
  return {
    author: h.as(staff('officer-author', 'officer', '赵警官')),
    otherOfficer: h.as(staff('officer-other', 'officer', '钱警官')),
    reviewer: h.as(staff('reviewer-one', 'reviewer', '孙审核')),
    secondReviewer: h.as(staff('reviewer-two', 'reviewer', '李审核')),
    coordinator: h.as(staff('coordinator-one', 'coordinator', '周协调')),
    liaison: h.as({ liaison: '65a1b2c3d4e5f60718293a01', id: 'liaison-one', name: '吴联络' }),
  };
}

export interface BulletinRef {
  id: string;
  revision: number;
}

async function ok(
  res: Promise<{ statusCode: number; json: () => unknown; body: string }>,
  status = 200,
) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as { id: string; revision: number; status: string; version: number };
}

export type Stage =
  'draft' | 'in_review' | 'published' | 'published+draft' | 'published+in_review' | 'retracted';

/** A new bulletin taken to `stage` by its author and the first reviewer. */
export async function bulletinAt(
  cast: Cast,
  stage: Stage,
  extra: Record<string, unknown> = {},
): Promise<BulletinRef> {
  let b = await ok(cast.author('POST', '/bulletins', bulletinBody(extra)), 201);
  const post = (who: Caller, action: string, body?: unknown) =>
    ok(who('POST', `/bulletins/${b.id}/${action}`, body));
  if (stage === 'draft') return b;
  b = await post(cast.author, 'submit');
  if (stage === 'in_review') return b;
  b = await post(cast.reviewer, 'approve');
  if (stage === 'published') return b;
  if (stage === 'retracted') return post(cast.reviewer, 'retract', { reason: '案情需要核实' });
  b = await ok(
    cast.author('PATCH', `/bulletins/${b.id}`, {
      expectedRevision: b.revision,
      title: '第二版标题',
    }),
  );
  if (stage === 'published+draft') return b;
  return post(cast.author, 'submit');
}

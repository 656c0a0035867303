// Use case: follow an opinion up — reassign, re-date, recategorise, and move it open → in_progress → resolved (with a note).
import { EventMap, type OpinionStatus } from '@lianxin/contracts';
import { conflict } from '@lianxin/platform/errors';
import { invalidField } from '@lianxin/platform/errors';
import { newEvent } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { opinionNotFound } from './opinion.rules.ts';
import type { PatchOpinionBody } from './opinion.schemas.ts';
import { toOpinionSnapshot } from './opinion.view.ts';
import type { OpinionDoc } from './opinion.model.ts';

const ORDER: Record<OpinionStatus, number> = { open: 0, in_progress: 1, resolved: 2 };

export async function updateOpinion(
  deps: Deps,
  opinionId: string,
  patch: PatchOpinionBody,
): Promise<OpinionDoc> {
  const current = await deps.opinions.findById(opinionId);
  if (!current) throw opinionNotFound();
  const status = patch.status ?? current.status;
  if (current.status === 'resolved' || ORDER[status] < ORDER[current.status]) {
    throw conflict(
      'INVALID_TRANSITION',
      {
        zh: `不能从「${current.status}」改为「${status}」`,
        en: `Cannot move from ${current.status} to ${status}`,
      },
      [
        {
          path: 'status',
          rule: 'transition',
          message: {
            zh: `不允许从 ${current.status} 改为 ${status}`,
            en: `${current.status} → ${status} is not allowed`,
          },
          from: current.status,
          to: status,
        },
      ],
    );
  }
  if (status === 'resolved' && patch.resolutionNote === undefined) {
    throw invalidField(['resolutionNote'], {
      zh: '办结时须填写办理结果',
      en: 'A resolution note is required to resolve',
    });
  }
  if (status !== 'resolved' && patch.resolutionNote !== undefined) {
    throw invalidField(['resolutionNote'], {
      zh: '只有办结时填写办理结果',
      en: 'A resolution note is given only when resolving',
    });
  }
  const now = deps.now();
  const next: OpinionDoc = {
    ...current,
    category: patch.category ?? current.category,
    ownerId: patch.ownerId ?? current.ownerId,
    dueAt: patch.dueAt === undefined ? current.dueAt : new Date(patch.dueAt),
    status,
    resolutionNote: status === 'resolved' ? (patch.resolutionNote ?? null) : null,
    resolvedAt: status === 'resolved' ? now : null,
  };
  const snapshot = toOpinionSnapshot(next);
  const event =
    status === 'resolved'
      ? newEvent('opinion.resolved', EventMap['opinion.resolved'].parse(snapshot))
      : newEvent('opinion.updated', EventMap['opinion.updated'].parse(snapshot));
  // Conditioned on the version read, so two officers' edits cannot interleave into a state neither chose.
  const changed = await deps.opinions.change(
    current,
    {
      category: next.category,
      ownerId: next.ownerId,
      dueAt: next.dueAt,
      status: next.status,
      resolutionNote: next.resolutionNote,
      resolvedAt: next.resolvedAt,
    },
    event,
  );
  if (!changed) {
    throw conflict('CONFLICT', {
      zh: '该记录刚被他人修改，请刷新后重试',
      en: 'The opinion was just changed; reload and retry',
    });
  }
  return { ...next, version: current.version + 1 };
}

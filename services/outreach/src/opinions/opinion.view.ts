// From a stored opinion to its event snapshot and its HTTP view.
import type { OpinionSnapshot } from '@lianxin/contracts';
import type { OpinionView } from './opinion.schemas.ts';
import type { OpinionDoc } from './opinion.model.ts';

export function toOpinionSnapshot(
  doc: Omit<
    OpinionDoc,
    'version' | 'outbox' | 'outboxCount' | 'outboxLeaseOwner' | 'outboxLeaseUntil'
  >,
): OpinionSnapshot {
  return {
    id: doc._id,
    sessionId: doc.sessionId,
    category: doc.category,
    text: doc.text,
    raisedBy: doc.raisedBy,
    recordedBy: doc.recordedBy,
    ownerId: doc.ownerId,
    dueAt: doc.dueAt.toISOString(),
    status: doc.status,
    resolutionNote: doc.resolutionNote,
    resolvedAt: doc.resolvedAt?.toISOString() ?? null,
  };
}

export function toOpinionView(doc: OpinionDoc, now: Date): OpinionView {
  return { ...toOpinionSnapshot(doc), overdue: doc.status !== 'resolved' && doc.dueAt < now };
}

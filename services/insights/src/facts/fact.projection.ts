// Applies one event to the facts: snapshots newer-wins by `sequence`, check-ins and feedback as write-once facts.
import { pickEvents } from '@lianxin/contracts';
import type { EventOf } from '@lianxin/platform/messaging';
import type { FactRepository } from './fact.repository.ts';

export const FactEvents = pickEvents(
  'bank.registered',
  'bank.updated',
  'bank.suspended',
  'bank.reactivated',
  'session.scheduled',
  'session.rescheduled',
  'session.updated',
  'session.cancelled',
  'session.completed',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.cancelled',
  'attendance.checked_in',
  'feedback.submitted',
  'feedback.followed_up',
  'opinion.raised',
  'opinion.updated',
  'opinion.resolved',
  'bulletin.published',
  'bulletin.retracted',
);
export type FactEvent = EventOf<typeof FactEvents>;

export async function applyFactEvent(facts: FactRepository, event: FactEvent): Promise<void> {
  const seq = event.sequence;
  switch (event.type) {
    case 'bank.registered':
    case 'bank.updated':
    case 'bank.suspended':
    case 'bank.reactivated': {
      const b = event.data;
      await facts.applySnapshot('banks', b.id, seq, {
        code: b.code,
        shortName: b.shortName,
        nameZh: b.name.zh,
        type: b.type,
        district: b.district,
        status: b.status,
      });
      return;
    }
    case 'session.scheduled':
    case 'session.rescheduled':
    case 'session.updated':
    case 'session.cancelled':
    case 'session.completed': {
      const s = event.data;
      await facts.applySnapshot('sessions', s.id, seq, {
        title: s.title,
        kind: s.kind,
        format: s.format,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        organisingUnit: s.organisingUnit,
        hostOfficerIds: s.hostOfficerIds,
        invitedBankIds: s.invitedBankIds,
        audiences: s.audiences,
        fraudTopics: s.fraudTopics,
        status: s.status,
      });
      return;
    }
    case 'registration.confirmed':
    case 'registration.waitlisted':
    case 'registration.promoted':
    case 'registration.cancelled': {
      const r = event.data;
      await facts.applySnapshot('registrations', r.registrationId, seq, {
        sessionId: r.sessionId,
        bankId: r.bankId,
        status: r.status,
      });
      return;
    }
    case 'attendance.checked_in': {
      const a = event.data;
      await facts.recordOnce('registrations', a.registrationId, {
        sessionId: a.sessionId,
        bankId: a.bankId,
        checkedInAt: a.checkedInAt,
      });
      return;
    }
    case 'feedback.submitted': {
      const f = event.data;
      await facts.recordOnce('registrations', f.registrationId, {
        sessionId: f.sessionId,
        bankId: f.bankId,
        feedback: f.ratings,
        feedbackAt: f.submittedAt,
      });
      return;
    }
    case 'feedback.followed_up': {
      const f = event.data;
      await facts.recordOnce('registrations', f.registrationId, {
        sessionId: f.sessionId,
        bankId: f.bankId,
        followUpClosedAt: f.closedAt,
      });
      return;
    }
    case 'opinion.raised':
    case 'opinion.updated':
    case 'opinion.resolved': {
      const o = event.data;
      if (event.type === 'opinion.raised') {
        await facts.recordOnce('opinions', o.id, { raisedAt: event.time });
      }
      await facts.applySnapshot('opinions', o.id, seq, {
        sessionId: o.sessionId,
        category: o.category,
        ownerId: o.ownerId,
        status: o.status,
        dueAt: o.dueAt,
        resolvedAt: o.resolvedAt,
      });
      return;
    }
    case 'bulletin.published':
    case 'bulletin.retracted': {
      const b = event.data;
      await facts.applySnapshot('bulletins', b.id, seq, {
        version: b.version,
        title: b.title,
        fraudType: b.fraudType,
        audiences: b.audiences,
        publishedAt: b.publishedAt,
        status: b.status,
      });
      return;
    }
  }
}

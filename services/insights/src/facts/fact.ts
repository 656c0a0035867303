// The per-aggregate facts the coverage views are computed from: one document per bank, session, registration, opinion, bulletin.
import type {
  Audience,
  BankType,
  FeedbackRatings,
  FraudType,
  OpinionCategory,
  OpinionStatus,
  PartnershipStatus,
  RegistrationStatus,
  SessionFormat,
  SessionKind,
  SessionStatus,
} from '@lianxin/contracts';

// Each fact holds the newest snapshot of its aggregate (guarded by `sequence`) plus write-once
// facts (a check-in, a feedback) that no later event can undo. A view is a pure function of
// these documents, so a duplicate or a reordering across aggregates cannot skew a figure.

export interface BankFact {
  _id: string;
  sequence: number;
  code: string;
  shortName: string;
  nameZh: string;
  type: BankType;
  district: string;
  status: PartnershipStatus;
}

export interface SessionFact {
  _id: string;
  sequence: number;
  title: string;
  kind: SessionKind;
  format: SessionFormat;
  startsAt: string;
  endsAt: string;
  organisingUnit: string;
  hostOfficerIds: string[];
  invitedBankIds: string[];
  audiences: Audience[];
  fraudTopics: FraudType[];
  status: SessionStatus;
}

export interface RegistrationFact {
  _id: string;
  /** 0 while only a check-in or a feedback has arrived. */
  sequence: number;
  sessionId: string;
  bankId: string;
  status?: RegistrationStatus;
  checkedInAt?: string;
  feedback?: FeedbackRatings;
  feedbackAt?: string;
  /** When an officer closed the follow-up a red rating opened. */
  followUpClosedAt?: string;
}

export interface OpinionFact {
  _id: string;
  sequence: number;
  sessionId: string;
  category: OpinionCategory;
  ownerId: string;
  status: OpinionStatus;
  dueAt: string;
  resolvedAt: string | null;
  /** The time of its `opinion.raised` event (the snapshot has no creation time). */
  raisedAt?: string;
}

export interface BulletinFact {
  _id: string;
  sequence: number;
  version: number;
  title: string;
  fraudType: FraudType;
  audiences: Audience[];
  publishedAt: string;
  status: 'published' | 'retracted';
}

/** Everything a view is computed from. */
export interface Facts {
  banks: BankFact[];
  sessions: SessionFact[];
  registrations: RegistrationFact[];
  opinions: OpinionFact[];
  bulletins: BulletinFact[];
}

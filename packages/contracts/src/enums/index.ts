// Every labelled code in one place, and a registry of them for pickers and the label test.
import { BankType, LiaisonRole, PartnershipStatus } from './banks.ts';
import { BulletinStatus } from './bulletins.ts';
import { FeedbackColour, FeedbackDimension } from './feedback.ts';
import { OpinionCategory, OpinionStatus } from './opinions.ts';
import {
  CheckInMethod,
  RegistrationCancelReason,
  RegistrationStatus,
  WaitlistReason,
} from './registrations.ts';
import { Role } from './roles.ts';
import { SessionFormat, SessionKind, SessionStatus } from './sessions.ts';
import { Audience, FraudType } from './taxonomy.ts';

export * from './banks.ts';
export * from './bulletins.ts';
export * from './feedback.ts';
export * from './opinions.ts';
export * from './registrations.ts';
export * from './roles.ts';
export * from './sessions.ts';
export * from './taxonomy.ts';

/** A console can render any picker from this by name; adding an enum here puts it under the label test. */
export const LABELLED_ENUMS = {
  Audience,
  BankType,
  BulletinStatus,
  CheckInMethod,
  FeedbackColour,
  FeedbackDimension,
  FraudType,
  LiaisonRole,
  OpinionCategory,
  OpinionStatus,
  PartnershipStatus,
  RegistrationCancelReason,
  RegistrationStatus,
  Role,
  SessionFormat,
  SessionKind,
  SessionStatus,
  WaitlistReason,
} as const;

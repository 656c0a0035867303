// What each email template is given: plain data stored with its delivery, so a preview or a retry renders the same email.
import type {
  Audience,
  FraudType,
  Locale,
  OpinionCategory,
  Role,
  WaitlistReason,
} from '@lianxin/contracts';

export const TEMPLATE_NAMES = [
  'invitation',
  'confirmation',
  'waitlisted',
  'promoted',
  'rescheduled',
  'cancelled',
  'reminder',
  'bulletin',
  'activation',
  'password_reset',
  'digest',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface VenueInfo {
  name: string;
  address: string;
}

/** The session as an email shows it and its calendar entry describes it. */
export interface SessionInfo {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: VenueInfo;
  organisingUnit: string;
  /** Times or place changed this many times: the calendar entry's SEQUENCE. */
  revision: number;
}

export interface InvitationData {
  session: SessionInfo;
  liaisonName: string;
  bankName: string;
  registrationClosesAt: string;
  capacity: number;
  perBankQuota: number | null;
}

/** Confirmation, promotion and reminder: the attendee's seat, with the check-in QR code. */
export interface SeatData {
  session: SessionInfo;
  attendeeName: string;
  /** Set when the email goes to the liaison who registered the attendee. */
  liaisonName: string | null;
  checkInToken: string;
}

export interface WaitlistedData {
  session: SessionInfo;
  attendeeName: string;
  liaisonName: string | null;
  position: number;
  reason: WaitlistReason;
}

export interface RescheduledData {
  session: SessionInfo;
  previous: { startsAt: string; endsAt: string; venue: VenueInfo };
  recipientName: string;
}

export interface CancelledData {
  session: SessionInfo;
  recipientName: string;
  reason: string;
}

export interface BulletinData {
  bulletin: {
    id: string;
    version: number;
    title: string;
    fraudType: FraudType;
    audiences: Audience[];
    /** YYYY-MM-DD, the case's day in Beijing. */
    caseDate: string;
    region: string;
    lossFen: number;
    summary: string;
    warningSigns: string[];
    advice: string[];
    publishedAt: string;
  };
  recipientName: string | null;
  unsubscribeUrl: string;
}

export interface AccountLinkData {
  name: string;
  role: Role;
  url: string;
  expiresAt: string;
}

export interface DigestData {
  coordinatorName: string;
  weekStart: string;
  weekEnd: string;
  sessionsHeld: { title: string; startsAt: string; reached: number; red: number }[];
  peopleReached: number;
  redFeedback: number;
  openOpinions: { category: OpinionCategory; text: string; dueAt: string; overdue: boolean }[];
}

export interface TemplateDataMap {
  invitation: InvitationData;
  confirmation: SeatData;
  waitlisted: WaitlistedData;
  promoted: SeatData;
  rescheduled: RescheduledData;
  cancelled: CancelledData;
  reminder: SeatData;
  bulletin: BulletinData;
  activation: AccountLinkData;
  password_reset: AccountLinkData;
  digest: DigestData;
}

/** A template with its data: narrowing on `template` narrows `data`. */
export type EmailContent = {
  [K in TemplateName]: { template: K; data: TemplateDataMap[K] };
}[TemplateName];

/** What the renderer turns into a message. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  attachments: RenderedAttachment[];
  headers: Record<string, string>;
}

export interface RenderedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Set for inline images, referenced from the HTML as `cid:<cid>`. */
  cid?: string;
}

export type Language = Locale;

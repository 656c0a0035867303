// Events of the console's sign-in accounts that need an email: activation of a new account, a password reset.
import { z } from 'zod';
import { Role } from '../enums/index.ts';
import { Locale } from '../labels.ts';
import { Email, Instant, ObjectIdString, PersonName, UserId } from '../values.ts';

// The console owns accounts and their secrets; the notifier only carries the link it is handed.
// The link holds a one-time token the console checks and burns, so an expired or used link is
// refused by the console whatever the email says; the notifier also sends nothing past `expiresAt`.

/** A one-time https (or local http) link that stops working at `expiresAt`. */
export const OneTimeLink = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  expiresAt: Instant,
});
export type OneTimeLink = z.infer<typeof OneTimeLink>;

/** Who the email goes to and in which language (the account's own setting). */
export const AccountRecipient = z.object({
  accountId: UserId,
  role: Role,
  /** A liaison's bank; null for police staff. */
  bankId: ObjectIdString.nullable(),
  name: PersonName,
  email: Email,
  language: Locale,
});
export type AccountRecipient = z.infer<typeof AccountRecipient>;

/** A new liaison or staff account was created: its holder sets a password through the link. */
export const AccountActivationRequested = AccountRecipient.extend({ link: OneTimeLink });
export type AccountActivationRequested = z.infer<typeof AccountActivationRequested>;

/** Someone asked to reset the account's password: the link lets them choose a new one. */
export const AccountPasswordResetRequested = AccountRecipient.extend({ link: OneTimeLink });
export type AccountPasswordResetRequested = z.infer<typeof AccountPasswordResetRequested>;

// HTTP shapes of check-in and the public feedback link: a typed code or a scanned QR token in, who was checked in out.
import {
  CHECK_IN_CODE_ALPHABET,
  CHECK_IN_CODE_LENGTH,
  CheckInMethod,
  CheckInToken,
  FeedbackColour,
  NonEmptyText,
} from '@lianxin/contracts';
import { z } from 'zod';
import { normaliseCheckInCode } from '../registrations/check-in-code.ts';

/** As typed: lower case, spaces and dashes are forgiven (`k7p-m3q`), then it must be a code. */
export const TypedCheckInCode = z
  .string()
  .max(20)
  .overwrite(normaliseCheckInCode)
  .regex(new RegExp(`^[${CHECK_IN_CODE_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}$`), {
    error: `Expected the ${CHECK_IN_CODE_LENGTH}-character check-in code (letters and digits, no 0, 1, I, L or O)`,
  });

/** Exactly one of the two (checked by the use case, so the error names the fields). */
export const VenueCheckInBody = z.strictObject({
  code: TypedCheckInCode.optional(),
  token: CheckInToken.optional(),
});
export type VenueCheckInBody = z.output<typeof VenueCheckInBody>;

/** Who was checked in, for the officer's screen: the mobile is always masked. */
export const VenueCheckInView = z.object({
  registrationId: z.string(),
  sessionId: z.string(),
  bankId: z.string(),
  attendee: z.object({
    name: z.string(),
    mobile: z.string(),
    position: z.string().nullable(),
    branch: z.string().nullable(),
  }),
  checkedInAt: z.string(),
  method: CheckInMethod,
});
export type VenueCheckInView = z.infer<typeof VenueCheckInView>;

/** The public feedback link's body: the attendee's own code and a colour per dimension (ADR 035). */
export const PublicFeedbackBody = z.strictObject({
  code: TypedCheckInCode,
  attitude: FeedbackColour,
  tone: FeedbackColour,
  expression: FeedbackColour,
  comment: NonEmptyText(500).nullable().default(null),
});
export type PublicFeedbackBody = z.input<typeof PublicFeedbackBody>;

/** What a feedback answers: whose it was and whether a red rating opened a follow-up. */
export const FeedbackView = z.object({
  registrationId: z.string(),
  sessionId: z.string(),
  followUpOpened: z.boolean(),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

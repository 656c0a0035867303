// Codes for a registration's life: its status, why it waits, why it ended, how the attendee checked in.
import type { z } from 'zod';
import { labelledEnum } from '../labels.ts';

export const RegistrationStatus = labelledEnum({
  confirmed: { zh: '报名成功', en: 'Confirmed' },
  waitlisted: { zh: '候补中', en: 'Waitlisted' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** The liaison is told which limit was hit: the session's seats, or the seats set aside for their bank. */
export const WaitlistReason = labelledEnum({
  capacity: { zh: '会场名额已满', en: 'Session full' },
  bank_quota: { zh: '本行名额已满', en: 'Bank quota reached' },
});
export type WaitlistReason = z.infer<typeof WaitlistReason>;

/** Lets the notifier word the message (and avoid a second email when the whole session was cancelled). */
export const RegistrationCancelReason = labelledEnum({
  withdrawn: { zh: '主动取消报名', en: 'Withdrawn' },
  session_cancelled: { zh: '活动已取消', en: 'Session cancelled' },
});
export type RegistrationCancelReason = z.infer<typeof RegistrationCancelReason>;

export const CheckInMethod = labelledEnum({
  qr: { zh: '扫码签到', en: 'QR code' },
  officer: { zh: '民警现场登记', en: 'Checked in by an officer' },
});
export type CheckInMethod = z.infer<typeof CheckInMethod>;

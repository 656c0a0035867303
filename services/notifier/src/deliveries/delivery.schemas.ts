// zod schemas of the delivery API: list filters, ids, the delivery as listed, and a rendered preview.
import { Email, Locale, PageQuery, Uuid } from '@lianxin/contracts';
import { z } from 'zod';
import { TEMPLATE_NAMES } from '../email/email.schemas.ts';
import { DELIVERY_STATUSES } from './delivery.model.ts';

export const DeliveryId = z
  .string()
  .regex(/^[0-9a-f]{24}$/, { error: 'Expected a 24-hex-digit delivery id' });

export const DeliveryParams = z.strictObject({ deliveryId: DeliveryId });

export const ListDeliveriesQuery = PageQuery.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
  template: z.enum(TEMPLATE_NAMES).optional(),
  recipient: Email.optional(),
  eventId: Uuid.optional(),
  sessionId: z
    .string()
    .regex(/^[0-9a-f]{24}$/)
    .optional(),
}).strict();

const Reply = z.object({
  code: z.string().nullable(),
  response: z.string().nullable(),
  at: z.string(),
});

export const DeliveryView = z.object({
  id: z.string(),
  key: z.string(),
  eventId: z.string().nullable(),
  eventType: z.string().nullable(),
  template: z.enum(TEMPLATE_NAMES),
  recipient: z.string(),
  recipientName: z.string().nullable(),
  language: Locale,
  status: z.enum(DELIVERY_STATUSES),
  dueAt: z.string(),
  notAfter: z.string().nullable(),
  attempts: z.int(),
  attemptLog: z.array(
    z.object({
      at: z.string(),
      outcome: z.enum(['sent', 'retry', 'dead']),
      code: z.string().nullable(),
      response: z.string().nullable(),
      retryAt: z.string().optional(),
    }),
  ),
  lastError: Reply.nullable(),
  smtp: z.object({ messageId: z.string(), response: z.string() }).nullable(),
  cancelReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryView = z.infer<typeof DeliveryView>;

export const EmailPreview = z.object({
  to: z.string().nullable(),
  language: Locale,
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()),
  attachments: z.array(
    z.object({ filename: z.string(), contentType: z.string(), size: z.int(), inline: z.boolean() }),
  ),
});
export type EmailPreview = z.infer<typeof EmailPreview>;

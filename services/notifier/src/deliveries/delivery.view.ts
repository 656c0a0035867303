// Delivery document → what the API shows; rendered email → its preview.
import type { RenderedEmail } from '../email/email.schemas.ts';
import type { DeliveryDoc } from './delivery.model.ts';
import type { DeliveryView, EmailPreview } from './delivery.schemas.ts';

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function toDeliveryView(doc: DeliveryDoc): DeliveryView {
  return {
    id: doc._id,
    key: doc.key,
    eventId: doc.eventId,
    eventType: doc.eventType,
    template: doc.template,
    recipient: doc.recipient,
    recipientName: doc.recipientName,
    language: doc.language,
    status: doc.status,
    dueAt: new Date(doc.dueAt).toISOString(),
    notAfter: iso(doc.notAfter),
    attempts: doc.attempts,
    attemptLog: doc.attemptLog.map((a) => ({
      at: new Date(a.at).toISOString(),
      outcome: a.outcome,
      code: a.code,
      response: a.response,
      ...(a.retryAt ? { retryAt: new Date(a.retryAt).toISOString() } : {}),
    })),
    lastError: doc.lastError && { ...doc.lastError, at: new Date(doc.lastError.at).toISOString() },
    smtp: doc.smtp,
    cancelReason: doc.cancelReason,
    sentAt: iso(doc.sentAt),
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}

export function toPreview(
  email: RenderedEmail,
  to: string | null,
  language: 'zh' | 'en',
): EmailPreview {
  return {
    to,
    language,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers,
    attachments: email.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.content.length,
      inline: a.cid !== undefined,
    })),
  };
}

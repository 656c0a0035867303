// Turns a delivery's template and data into the email itself: subject, HTML, text, the .ics, the QR code, list headers.
import { buildCalendar, type CalendarMethod } from './build-calendar.ts';
import type { EmailContent, Language, RenderedAttachment, RenderedEmail } from './email.schemas.ts';
import { QR_CID, qrPng } from './draw-qr.ts';
import type { TemplateSet } from './template.repository.ts';

export interface ComposeContext {
  templates: TemplateSet;
  /** The sender, also the calendar organizer. */
  from: { name: string; email: string };
  recipient: { email: string; name: string | null };
  lang: Language;
}

function calendarMethod(content: EmailContent): CalendarMethod | null {
  switch (content.template) {
    case 'invitation':
    case 'confirmation':
    case 'promoted':
    case 'rescheduled':
    case 'reminder':
      return 'REQUEST';
    case 'cancelled':
      return 'CANCEL';
    default:
      return null;
  }
}

function checkInToken(content: EmailContent): string | null {
  switch (content.template) {
    case 'confirmation':
    case 'promoted':
    case 'reminder':
      return content.data.checkInToken;
    default:
      return null;
  }
}

export async function composeEmail(
  content: EmailContent,
  ctx: ComposeContext,
): Promise<RenderedEmail> {
  const { subject, html, text } = ctx.templates.render(content.template, ctx.lang, content.data);
  const attachments: RenderedAttachment[] = [];
  const headers: Record<string, string> = {};

  const method = calendarMethod(content);
  if (method !== null && 'session' in content.data) {
    const ics = buildCalendar({
      session: content.data.session,
      method,
      description: text,
      organizer: ctx.from,
      attendee: ctx.recipient,
      lang: ctx.lang,
    });
    attachments.push({
      filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
      contentType: `text/calendar; charset=utf-8; method=${method}`,
      content: Buffer.from(ics, 'utf8'),
    });
  }
  const token = checkInToken(content);
  if (token !== null) {
    attachments.push({
      filename: 'checkin-qr.png',
      contentType: 'image/png',
      content: await qrPng(token),
      cid: QR_CID,
    });
  }
  if (content.template === 'bulletin') {
    // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" to this URL.
    headers['List-Unsubscribe'] = `<${content.data.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { subject, html, text, attachments, headers };
}

// Sends one claimed delivery: too late → cancelled; else render, hand to SMTP, and say what happened.
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { composeEmail } from '../email/compose-email.ts';
import type { EmailContent } from '../email/email.schemas.ts';
import type { TemplateSet } from '../email/template.repository.ts';
import type { DeliveryDoc } from './delivery.model.ts';
import type { Outcome } from './delivery.repository.ts';
import { backoffMs, classifySmtpError, isLastAttempt } from './delivery.rules.ts';

export interface SendSettings {
  maxAttempts: number;
  backoffMs: number;
  backoffMaxMs: number;
}

export interface SendDeps {
  mailer: Mailer;
  templates: TemplateSet;
  from: { name: string; email: string };
  settings: SendSettings;
  now: () => Date;
}

/** The stored template and data, as the composer takes them (written only by DeliveryPlan, which pairs them). */
export function contentOf(doc: DeliveryDoc): EmailContent {
  const content: unknown = { template: doc.template, data: doc.data };
  return content as EmailContent;
}

export function renderDelivery(deps: Pick<SendDeps, 'templates' | 'from'>, doc: DeliveryDoc) {
  return composeEmail(contentOf(doc), {
    templates: deps.templates,
    from: deps.from,
    recipient: { email: doc.recipient, name: doc.recipientName },
    lang: doc.language,
  });
}

export async function sendDelivery(deps: SendDeps, doc: DeliveryDoc): Promise<Outcome> {
  const now = deps.now();
  if (doc.notAfter !== null && now >= doc.notAfter) {
    return { status: 'cancelled', at: now, reason: 'too late: past its last useful moment' };
  }
  let email;
  try {
    email = await renderDelivery(deps, doc);
  } catch (err) {
    // A template that cannot render this data will not render it on a retry either.
    return {
      status: 'dead',
      at: now,
      code: 'ERENDER',
      response: (err as Error).message.slice(0, 500),
    };
  }
  try {
    const info = await deps.mailer.sendMail({
      from: { name: deps.from.name, address: deps.from.email },
      to:
        doc.recipientName === null
          ? doc.recipient
          : { name: doc.recipientName, address: doc.recipient },
      subject: email.subject,
      html: email.html,
      text: email.text,
      // The same Message-ID on every attempt: a resend after a crash is recognisably the same email.
      messageId: `<${doc._id}@lianxin>`,
      headers: {
        ...email.headers,
        'X-Lianxin-Delivery': doc._id,
        'X-Lianxin-Template': doc.template,
      },
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
        ...(a.cid === undefined ? {} : { cid: a.cid, contentDisposition: 'inline' as const }),
      })),
    });
    return { status: 'sent', at: deps.now(), messageId: info.messageId, response: info.response };
  } catch (err) {
    const failure = classifySmtpError(err);
    const at = deps.now();
    if (failure.kind === 'permanent' || isLastAttempt(doc.attempts, deps.settings.maxAttempts)) {
      return { status: 'dead', at, code: failure.code, response: failure.response };
    }
    const wait = backoffMs(doc.attempts, deps.settings.backoffMs, deps.settings.backoffMaxMs);
    return {
      status: 'retry',
      at,
      dueAt: new Date(at.getTime() + wait),
      code: failure.code,
      response: failure.response,
    };
  }
}

export interface MailerOptions {
  url: string;
  poolSize: number;
}

export type Mailer = Transporter<SMTPPool.SentMessageInfo>;

export function createMailer(opts: MailerOptions): Mailer {
  const url = new URL(opts.url);
  const secure = url.protocol === 'smtps:';
  return createTransport({
    pool: true,
    maxConnections: opts.poolSize,
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 25)),
    secure,
    ...(url.username === ''
      ? {}
      : {
          auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
        }),
    // Short timeouts: a server that does not answer is a transient failure to retry later,
    // and the claim's lease must outlast one attempt.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // nodemailer would log message content at debug level: it never logs here.
    logger: false,
    debug: false,
  });
}

// The pooled SMTP transport every email leaves through (nodemailer), built from SMTP_URL.
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

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

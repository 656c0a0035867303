// Smoke test: nodemailer sends through the real SMTP server; the inbox API shows subject, recipients, attachment.
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { Mailbox } from '../mailbox.ts';
import { testEnv } from '../test-env.ts';

const env = testEnv(import.meta.url);

describe('smtp smoke', () => {
  it('when a mail with an attachment is sent, then MailDev received it with its subject, recipients and attachment', async () => {
    const transport = createTransport({
      host: env.smtp.host,
      port: env.smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    const to = `liaison-${env.id}@bank.example.com`;
    const cc = `backup-${env.id}@bank.example.com`;
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const info = await transport.sendMail({
      from: '"香河县反诈中心" <noreply@lianxin.example.com>',
      to,
      cc,
      subject: `开放式恳谈会邀请 ${env.id}`,
      text: '无主席台、无讲稿。',
      attachments: [{ filename: 'invite.ics', content: ics, contentType: 'text/calendar' }],
    });
    expect(info.accepted).toEqual([to, cc]);
    transport.close();

    const mailbox = new Mailbox(env.mailApiUrl);
    const mails = await mailbox.waitFor(to);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    if (!mail) throw new Error('unreachable: length checked above');
    expect(mail.subject).toBe(`开放式恳谈会邀请 ${env.id}`);
    expect(mail.to.map((a) => a.address)).toEqual([to]);
    expect(mail.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
      ['invite.ics', 'text/calendar'],
    ]);
    const body = await mailbox.attachment(mail, 'invite.ics');
    expect(body.toString('utf8')).toBe(ics);
  });
});

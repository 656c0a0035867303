// Test data put in place through the real topics: banks with liaisons, accounts, sessions; each unique to the test.
import { Mailbox, type ReceivedMail } from '@lianxin/testing';
import * as nodeIcal from 'node-ical';
import { envelope, newId, sessionData, type TestEnvelope } from './events.ts';
import { eventually, publish, type Harness } from './bus.ts';

export interface SeededLiaison {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

export interface SeededBank {
  bankId: string;
  liaisons: SeededLiaison[];
}

let n = 0;
export function address(h: Harness, who: string): string {
  n += 1;
  return `${who}${n}.${h.env.id}@bank.example.cn`.toLowerCase();
}

export async function seedBank(
  h: Harness,
  opts: { status?: 'active' | 'suspended'; liaisons?: { active?: boolean; name?: string }[] } = {},
): Promise<SeededBank> {
  n += 1;
  const bankId = newId();
  const status = opts.status ?? 'active';
  const events: TestEnvelope[] = [
    envelope('bank.registered', bankId, 1, {
      id: bankId,
      code: `B${n}-${bankId.slice(-6).toUpperCase()}`,
      name: { zh: `测试银行${n}香河支行`, en: `Test Bank ${n} Xianghe` },
      shortName: `测试银行${n}`,
      type: 'state_owned',
      district: '淑阳镇',
      status,
      suspension:
        status === 'suspended'
          ? { reason: '合作暂停', suspendedAt: new Date().toISOString() }
          : null,
    }),
  ];
  const liaisons = (opts.liaisons ?? [{}]).map((l, i) => ({
    id: newId(),
    name: l.name ?? `联络员${n}-${i + 1}`,
    email: address(h, `liaison`),
    active: l.active ?? true,
  }));
  liaisons.forEach((l, i) => {
    events.push(
      envelope('liaison.added', bankId, i + 2, {
        bankId,
        liaisonId: l.id,
        name: l.name,
        mobile: `1390000${String(1000 + n).slice(-4)}`,
        email: l.email,
        title: '运营主管',
        role: i === 0 ? 'primary' : 'backup',
        active: l.active,
      }),
    );
  });
  await publish(h, 'banks', events);
  await eventually(
    () => h.models.liaisons.countDocuments({ bankId }),
    (count) => count === liaisons.length,
  );
  return { bankId, liaisons };
}

/** The console's account of a recipient, so the notifier knows their language. */
export async function seedAccount(
  h: Harness,
  account: {
    id: string;
    email: string;
    name: string;
    language: 'zh' | 'en';
    role?: 'liaison' | 'coordinator';
  },
): Promise<void> {
  await publish(
    h,
    'accounts',
    envelope('account.activation_requested', account.id, 1, {
      accountId: account.id,
      role: account.role ?? 'liaison',
      bankId: null,
      name: account.name,
      email: account.email,
      language: account.language,
      link: {
        url: 'https://lianxin.example.cn/activate/x',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    }),
  );
  await eventually(
    () => h.models.accounts.countDocuments({ _id: account.id }),
    (c) => c === 1,
  );
}

/** Publishes a session.scheduled and waits until the read model holds it. */
export async function scheduleSession(
  h: Harness,
  overrides: Parameters<typeof sessionData>[0] = {},
  startsInMs?: number,
) {
  const data = sessionData(overrides, startsInMs);
  const event = envelope('session.scheduled', data.id, 1, data);
  await publish(h, 'sessions', event);
  await eventually(
    () => h.models.sessions.countDocuments({ _id: data.id }),
    (c) => c === 1,
  );
  return { data, event };
}

export const mailbox = (h: Harness): Mailbox => new Mailbox(h.env.mailApiUrl);

export interface ParsedCalendar {
  method: string | undefined;
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  tz: string | undefined;
  status: string | undefined;
}

/** The calendar attachment of a received mail, parsed back with node-ical. */
export async function calendarOf(
  h: Harness,
  mail: ReceivedMail,
  filename = 'invite.ics',
): Promise<ParsedCalendar> {
  const text = (await mailbox(h).attachment(mail, filename)).toString('utf8');
  const parsed = nodeIcal.sync.parseICS(text);
  const event = Object.values(parsed).find((c) => c?.type === 'VEVENT');
  if (event?.type !== 'VEVENT') throw new Error(`no VEVENT in ${filename}`);
  if (event.end === undefined) throw new Error(`no DTEND in ${filename}`);
  const calendar = (parsed as Record<string, { method?: string } | undefined>).vcalendar;
  return {
    method: calendar?.method,
    uid: event.uid,
    sequence: Number(event.sequence),
    start: new Date(event.start),
    end: new Date(event.end),
    tz: event.start.tz,
    status: event.status,
  };
}

/** Waits until `count` mails to `to` whose subject matches have arrived, and returns those. */
export async function mailsTo(
  h: Harness,
  to: string,
  subject: RegExp,
  count = 1,
  timeoutMs = 20_000,
): Promise<ReceivedMail[]> {
  return eventually(
    async () => (await mailbox(h).to(to)).filter((m) => subject.test(m.subject)),
    (mails) => mails.length >= count,
    timeoutMs,
  );
}

/** The message as the SMTP server received it (MailDev rewrites cid: images in its parsed HTML). */
export async function rawOf(h: Harness, mail: ReceivedMail): Promise<string> {
  const res = await fetch(`${h.env.mailApiUrl}/email/${mail.id}/source`);
  if (!res.ok) throw new Error(`MailDev source of ${mail.id} answered ${res.status}`);
  return res.text();
}

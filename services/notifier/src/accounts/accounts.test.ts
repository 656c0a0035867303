// Component tests of the console's account emails and the weekly digest, through the real broker, database and MailDev.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { dueDigestWeek } from '../digest/digest.rules.ts';
import { sendWeeklyDigest } from '../digest/send-weekly-digest.ts';
import {
  CHECK_IN_TOKEN,
  DAY,
  envelope,
  HOUR,
  newId,
  registrationData,
  sessionData,
} from '../test-support/events.ts';
import { notifierService } from '../service.ts';
import { deliveries, eventually, notifierEnv, publish } from '../test-support/bus.ts';
import { address, mailbox, mailsTo, seedAccount, seedBank } from '../test-support/world.ts';

const h = await serviceHarness(import.meta.url, notifierService, notifierEnv());

function linkEvent(
  type: 'account.activation_requested' | 'account.password_reset_requested',
  email: string,
  language: 'zh' | 'en',
  expiresInMs: number,
) {
  const accountId = `acct-${email}`;
  return envelope(type, accountId, 1, {
    accountId,
    role: 'liaison',
    bankId: '65a1b2c3d4e5f60718293a01',
    name: language === 'zh' ? '李娜' : 'Li Na',
    email,
    language,
    link: {
      url: `https://lianxin.example.cn/${type}/${accountId}?t=one-time`,
      expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    },
  });
}

describe('account emails', () => {
  it('when an activation is requested, then the new account holder gets its one-time link and expiry, in their language', async () => {
    const zh = address(h, 'new');
    const en = address(h, 'newen');
    await publish(h, 'accounts', [
      linkEvent('account.activation_requested', zh, 'zh', DAY),
      linkEvent('account.password_reset_requested', en, 'en', HOUR),
    ]);
    const [activation] = await mailsTo(h, zh, /^请激活您的连心账户$/);
    expect(activation?.text).toContain(
      `https://lianxin.example.cn/account.activation_requested/acct-${zh}?t=one-time`,
    );
    expect(activation?.text).toContain('银行联络员');
    expect(activation?.text).toContain('仅可使用一次');
    const [reset] = await mailsTo(h, en, /^Reset your Lianxin password$/);
    expect(reset?.text).toContain('Dear Li Na');
    // Handlebars escapes `=` too; the browser reads &#x3D; back as `=`.
    expect(reset?.html).toContain(
      `href="https://lianxin.example.cn/account.password_reset_requested/acct-${en}?t&#x3D;one-time"`,
    );
  });

  it('when a link has already expired, then no email is sent', async () => {
    const late = address(h, 'late');
    const event = linkEvent('account.password_reset_requested', late, 'zh', -1_000);
    const marker = linkEvent('account.password_reset_requested', address(h, 'marker'), 'zh', HOUR);
    await publish(h, 'accounts', [event, marker]);
    await mailsTo(h, marker.data.email, /^重置/); // the event after it was handled, so this one was too
    expect(await deliveries(h, { eventId: event.id })).toEqual([]);
    expect(await mailbox(h).to(late)).toEqual([]);
  });
});

describe('weekly digest', () => {
  it('when the digest is due, then each coordinator gets one with last week’s sessions, people reached, red feedback and open opinions; a second run sends nothing more', async () => {
    const week = dueDigestWeek(new Date());
    const coordinator = address(h, 'coord');
    await seedAccount(h, {
      id: `coord-${coordinator}`,
      email: coordinator,
      name: '张伟',
      language: 'zh',
      role: 'coordinator',
    });
    const bank = await seedBank(h);
    const liaisonId = bank.liaisons[0]?.id ?? '';
    const held = sessionData(
      { title: `校园反诈讲座 ${h.env.id}`, kind: 'campus', format: 'talk', invitedBankIds: [] },
      week.start.getTime() + DAY - Date.now(),
    );
    const opinionId = newId();
    const regs = [0, 1, 2].map((i) =>
      registrationData(held.id, bank.bankId, liaisonId, { name: `学生家长${i}`, email: null }),
    );
    await publish(h, 'sessions', [
      envelope('session.scheduled', held.id, 1, held, new Date(week.start.getTime() - DAY)),
      envelope('session.completed', held.id, 2, {
        ...held,
        status: 'completed',
        completedAt: held.endsAt,
      }),
      envelope('opinion.raised', opinionId, 1, {
        id: opinionId,
        sessionId: held.id,
        category: 'traffic',
        text: '学校门口早高峰电动车乱停放',
        raisedBy: '家长代表',
        recordedBy: 'officer-zhang',
        ownerId: 'officer-liu',
        dueAt: new Date(Date.now() - HOUR).toISOString(),
        status: 'open',
        resolutionNote: null,
        resolvedAt: null,
      }),
    ]);
    await publish(
      h,
      'registrations',
      regs.flatMap((r, i) => [
        envelope('registration.confirmed', r.registrationId, 1, {
          ...r,
          status: 'confirmed',
          waitlist: null,
          checkInToken: CHECK_IN_TOKEN,
        }),
        ...(i < 2
          ? [
              envelope('attendance.checked_in', r.registrationId, 2, {
                registrationId: r.registrationId,
                sessionId: held.id,
                bankId: bank.bankId,
                checkedInAt: held.startsAt,
                method: 'qr',
                checkedInBy: null,
              }),
            ]
          : []),
        ...(i === 0
          ? [
              envelope('feedback.submitted', r.registrationId, 3, {
                sessionId: held.id,
                registrationId: r.registrationId,
                bankId: bank.bankId,
                ratings: { attitude: 'blue', tone: 'red', expression: 'blue' },
                comment: null,
                submittedAt: held.endsAt,
              }),
            ]
          : []),
      ]),
    );
    await eventually(
      () =>
        h.models.registrations.countDocuments({
          sessionId: held.id,
          checkedInAt: { $exists: true },
        }),
      (c) => c === 2,
    );
    await eventually(
      () => h.models.opinions.countDocuments({ sessionId: held.id }),
      (c) => c === 1,
    );

    const first = await sendWeeklyDigest(h.deps);
    expect(first.week).toBe(week.week);
    const [mail] = await mailsTo(h, coordinator, /^连心周报/);
    expect(mail?.text).toContain(`校园反诈讲座 ${h.env.id}：签到 2 人，红色评价 1`);
    expect(mail?.text).toContain('[交通出行] 学校门口早高峰电动车乱停放');
    expect(mail?.text).toContain('已逾期');

    await sendWeeklyDigest(h.deps);
    await new Promise((r) => setTimeout(r, 800));
    expect(await mailsTo(h, coordinator, /^连心周报/)).toHaveLength(1);
  });
});

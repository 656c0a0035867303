// Component tests of bulletin emails: matching subscribers, one per recipient per version, RFC 8058 one-click unsubscribe.
import type { EventMap } from '@lianxin/contracts';
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { envelope, newId } from '../test-support/events.ts';
import { notifierService } from '../service.ts';
import { deliveries, eventually, notifierEnv, publish } from '../test-support/bus.ts';
import { address, mailbox, mailsTo, rawOf, seedBank } from '../test-support/world.ts';
import { unsubscribeToken } from './unsubscribe.rules.ts';

const h = await serviceHarness(import.meta.url, notifierService, notifierEnv());

type Subscription = z.input<EventMap['subscription.created']>;

function subscription(
  subscriber: Subscription['subscriber'],
  filter: Pick<Subscription, 'fraudTypes' | 'audiences'>,
  language: 'zh' | 'en' = 'zh',
): Subscription {
  return { id: newId(), subscriber, ...filter, language, createdAt: new Date().toISOString() };
}

function bulletin(
  id: string,
  version: number,
  title: string,
): z.input<EventMap['bulletin.published']> {
  return {
    id,
    version,
    title,
    fraudType: 'fake_investment',
    audiences: ['elderly', 'bank_staff'],
    caseDate: '2026-11-02',
    region: '香河县淑阳镇',
    lossFen: 38_000_000,
    summary: '受害人被拉入所谓“理财群”，在虚假平台上多次转账后无法提现。<b>勿信</b>',
    warningSigns: ['陌生人拉入投资群'],
    advice: ['遇到可疑情况拨打96110'],
    authorId: 'officer-zhao',
    reviewerId: 'officer-sun',
    publishedAt: new Date().toISOString(),
    status: 'published',
  };
}

describe('bulletin emails', () => {
  it('when a bulletin is published, then each matching subscriber gets it once, in their language, with one-click unsubscribe; a removed or unmatched subscription gets nothing', async () => {
    const bank = await seedBank(h);
    const [liaison] = bank.liaisons;
    if (!liaison) throw new Error('seed');
    const officerEmail = address(h, 'officer');
    const otherEmail = address(h, 'other');
    const removedEmail = address(h, 'removed');
    const subs = [
      subscription(
        { id: liaison.id, role: 'liaison', bankId: bank.bankId, name: liaison.name, email: null },
        { fraudTypes: ['fake_investment'], audiences: [] },
      ),
      subscription(
        { id: 'officer-li', role: 'officer', bankId: null, name: 'Li Ming', email: officerEmail },
        { fraudTypes: [], audiences: ['elderly'] },
        'en',
      ),
      subscription(
        { id: 'officer-li', role: 'officer', bankId: null, name: 'Li Ming', email: officerEmail },
        { fraudTypes: ['fake_investment'], audiences: [] },
        'en',
      ),
      subscription(
        { id: 'coord-x', role: 'coordinator', bankId: null, name: '张伟', email: otherEmail },
        { fraudTypes: ['task_rebate'], audiences: [] },
      ),
      subscription(
        { id: 'coord-y', role: 'coordinator', bankId: null, name: '刘洋', email: removedEmail },
        { fraudTypes: ['fake_investment'], audiences: [] },
      ),
    ];
    const removed = subs[4];
    if (!removed) throw new Error('seed');
    await publish(h, 'bulletins', [
      ...subs.map((s) => envelope('subscription.created', s.id, 1, s)),
      envelope('subscription.removed', removed.id, 2, {
        id: removed.id,
        subscriber: { id: 'coord-y', role: 'coordinator', bankId: null },
        removedBy: 'coord-y',
        removedAt: new Date().toISOString(),
      }),
    ]);
    await eventually(
      () => h.models.subscriptions.countDocuments({ removed: true }),
      (c) => c === 1,
    );

    const id = newId();
    const v1 = envelope('bulletin.published', id, 1, bulletin(id, 1, '“高收益理财群”骗局'));
    await publish(h, 'bulletins', [v1, v1, { ...v1, id: crypto.randomUUID() }]);

    const [zh] = await mailsTo(h, liaison.email, /^反诈案例通报：“高收益理财群”骗局/);
    const [en] = await mailsTo(h, officerEmail, /^Fraud case bulletin: /);
    if (!zh || !en) throw new Error('unreachable');
    expect(zh.text).toContain(`${liaison.name}，您好`);
    expect(zh.text).toContain('¥380,000.00');
    expect(zh.html).toContain('&lt;b&gt;勿信&lt;/b&gt;');
    expect(en.text).toContain('Dear Li Ming');
    const raw = (await rawOf(h, zh)).replace(/\r\n[ \t]+/g, ' '); // unfold long header lines
    const link = `http://127.0.0.1:4104/unsubscribe/${unsubscribeToken(h.ctx.config.UNSUBSCRIBE_SECRET, liaison.email)}`;
    expect(raw).toContain(`List-Unsubscribe: <${link}>`);
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(zh.text).toContain(link);

    await new Promise((r) => setTimeout(r, 1_000));
    expect(await mailsTo(h, liaison.email, /^反诈案例通报/)).toHaveLength(1);
    expect(await mailsTo(h, officerEmail, /^Fraud case bulletin/)).toHaveLength(1);
    expect(await mailbox(h).to(otherEmail)).toEqual([]);
    expect(await mailbox(h).to(removedEmail)).toEqual([]);

    const v2 = envelope('bulletin.published', id, 2, bulletin(id, 2, '“高收益理财群”骗局'));
    await publish(h, 'bulletins', v2);
    await mailsTo(h, liaison.email, /^反诈案例通报/, 2);
    expect(
      (await deliveries(h, { template: 'bulletin', recipient: liaison.email }))
        .map((d) => d.key)
        .sort(),
    ).toEqual([`bulletin:${id}:v1`, `bulletin:${id}:v2`]);
  });
});

describe('one-click unsubscribe', () => {
  it('when a mail client posts List-Unsubscribe=One-Click without signing in, then only that address stops receiving bulletins', async () => {
    const mine = address(h, 'mine');
    const theirs = address(h, 'theirs');
    await publish(
      h,
      'bulletins',
      [mine, theirs].map((email, i) => {
        const s = subscription(
          { id: `staff-${i}`, role: 'officer', bankId: null, name: `民警${i}`, email },
          { fraudTypes: ['fake_investment'], audiences: [] },
        );
        return envelope('subscription.created', s.id, 1, s);
      }),
    );
    await eventually(
      () => h.models.subscriptions.countDocuments({ 'subscriber.email': { $in: [mine, theirs] } }),
      (c) => c === 2,
    );
    const token = unsubscribeToken(h.ctx.config.UNSUBSCRIBE_SECRET, mine);

    const page = await h.app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(await h.models.unsubscribes.countDocuments({ _id: mine })).toBe(0); // a GET (a link scanner) changes nothing

    const [, sig] = token.split('.');
    const forged = `${Buffer.from(theirs).toString('base64url')}.${sig ?? ''}`;
    const refused = await h.app.inject({
      method: 'POST',
      url: `/unsubscribe/${forged}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(refused.statusCode).toBe(400);
    expect(
      refused.json<{ error: { code: string; details: { path: string }[] } }>().error.details[0]
        ?.path,
    ).toEqual('token');

    const done = await h.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('已退订');

    const id = newId();
    await publish(
      h,
      'bulletins',
      envelope('bulletin.published', id, 1, bulletin(id, 1, '冒充客服退款骗局')),
    );
    await mailsTo(h, theirs, /^反诈案例通报：冒充客服退款骗局/);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await mailsTo(h, mine, /^反诈案例通报：冒充客服退款骗局/, 0)).toEqual([]);
  });
});

// Component tests of the delivery API (coordinators only): filters, preview of a sent email, template previews, retry rules.
import { serviceHarness, testAuth } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES } from '../email/email.schemas.ts';
import { envelope } from '../test-support/events.ts';
import { notifierService } from '../service.ts';
import { deliveries, eventually, notifierEnv, publish } from '../test-support/bus.ts';
import { address } from '../test-support/world.ts';

const h = await serviceHarness(import.meta.url, notifierService, notifierEnv());
const coordinator = await (await testAuth()).token('coordinator');

const get = (url: string, token = coordinator) =>
  h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

async function sentActivation() {
  const email = address(h, 'acct');
  const event = envelope('account.activation_requested', `acct-${email}`, 1, {
    accountId: `acct-${email}`,
    role: 'officer',
    bankId: null,
    name: '民警小王',
    email,
    language: 'zh',
    link: {
      url: 'https://lianxin.example.cn/activate/abc',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  });
  await publish(h, 'accounts', event);
  const [doc] = await eventually(
    () => deliveries(h, { eventId: event.id }),
    (d) => d[0]?.status === 'sent',
  );
  if (!doc) throw new Error('unreachable');
  return { doc, email, event };
}

describe('GET /deliveries', () => {
  it('when a coordinator filters by recipient, template, status and event, then only the matching deliveries are listed', async () => {
    const { doc, email, event } = await sentActivation();
    await sentActivation();
    const res = await get(
      `/deliveries?recipient=${encodeURIComponent(email.toUpperCase())}&template=activation&status=sent&eventId=${event.id}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      items: { id: string; status: string; smtp: { response: string } }[];
      total: number;
    }>();
    expect(body.total).toBe(1);
    expect(body.items[0]?.id).toBe(doc._id);
    expect(body.items[0]?.smtp.response).toMatch(/^250/);
  });

  it('when the filter is not valid, then 400 names the field; an unknown filter is refused too', async () => {
    const bad = await get('/deliveries?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('status');
    const unknown = await get('/deliveries?colour=red');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('colour');
  });

  it('when a liaison or an anonymous caller asks, then 403 and 401', async () => {
    const liaison = h.as({ liaison: '65a1b2c3d4e5f60718293a01' });
    expect((await liaison('GET', '/deliveries')).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/deliveries' })).statusCode).toBe(401);
  });
});

describe('previews and retry', () => {
  it('when a coordinator previews a delivery, then they see the email as rendered for its recipient', async () => {
    const { doc, email } = await sentActivation();
    const res = await get(`/deliveries/${doc._id}/preview`);
    expect(res.statusCode).toBe(200);
    const preview = res.json<{ to: string; subject: string; text: string; html: string }>();
    expect(preview).toMatchObject({ to: email, subject: '请激活您的连心账户' });
    expect(preview.text).toContain('民警小王，您好');
    expect((await get('/deliveries/0123456789abcdef01234567/preview')).statusCode).toBe(404);
    expect((await get('/deliveries/not-an-id/preview')).statusCode).toBe(400);
  });

  it.each(TEMPLATE_NAMES)(
    'when the %s template is previewed in zh and en, then sample emails come back in each language',
    async (name) => {
      const zh = await get(`/templates/${name}/preview?lang=zh`);
      const en = await get(`/templates/${name}/preview?lang=en`);
      expect(zh.statusCode).toBe(200);
      expect(en.statusCode).toBe(200);
      expect(zh.json<{ html: string }>().html).toContain('lang="zh-CN"');
      expect(en.json<{ html: string }>().html).toContain('lang="en"');
    },
  );

  it('when a template that does not exist or a language we do not write is asked for, then 400', async () => {
    expect((await get('/templates/nope/preview')).statusCode).toBe(400);
    expect((await get('/templates/invitation/preview?lang=fr')).statusCode).toBe(400);
  });

  it('when a sent delivery is retried, then 409 says only dead or cancelled ones can be; an unknown one is 404', async () => {
    const { doc } = await sentActivation();
    const post = (id: string) =>
      h.app.inject({
        method: 'POST',
        url: `/deliveries/${id}/retry`,
        headers: { authorization: `Bearer ${coordinator}` },
      });
    const res = await post(doc._id);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('INVALID_TRANSITION');
    expect((await post('0123456789abcdef01234567')).statusCode).toBe(404);
  });
});

// Bad and hostile input on the bulletin endpoints: size limit, unknown fields, personal data, Markdown and <script>.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { bulletinBody } from '../test-support/fixtures.ts';
import { bulletinAt, castOf } from '../test-support/workflow.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });
const cast = castOf(h);

describe('bulletin input', () => {
  it('when a body is over the size limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await cast.author(
      'POST',
      '/bulletins',
      bulletinBody({ body: '案'.repeat(50_000) }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when a body is within the limit but the Markdown is too long, then 400 names body', async () => {
    const res = await cast.author('POST', '/bulletins', bulletinBody({ body: 'a'.repeat(20_001) }));
    expect(res.statusCode).toBe(400);
    expect(
      res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path),
    ).toEqual(['body']);
  });

  it('when a text field holds a NUL character, then 400 names the field (the database cannot store it)', async () => {
    for (const [extra, path] of [
      [{ title: '标题\u0000' }, 'title'],
      [{ body: '正文\u0000正文' }, 'body'],
      [{ advice: ['建议', '\u0000'] }, 'advice.1'],
    ] as const) {
      const res = await cast.author('POST', '/bulletins', bulletinBody(extra));
      expect(res.statusCode, res.body).toBe(400);
      expect(
        res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path),
      ).toEqual([path]);
    }
    const b = await bulletinAt(cast, 'in_review');
    const rejected = await cast.reviewer('POST', `/bulletins/${b.id}/reject`, {
      comment: '请\u0000补充',
    });
    expect(rejected.statusCode).toBe(400);
  });

  it('when a body has an unknown field or a victim name, then 400 names it', async () => {
    const res = await cast.author(
      'POST',
      '/bulletins',
      bulletinBody({ victimProfile: { ageBand: '60_plus', occupation: null, name: '张三' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('name');
  });

  it('when submitted text holds a mobile, an ID and a card, then 422 PII_DETECTED lists each field, span and mask', async () => {
    const b = await bulletinAt(cast, 'draft', {
      summary: '嫌疑人留下手机１３８ １２３４ ５６７８',
      warningSigns: ['正常提示', '对方让转账到6222021234567894'],
      body: '受害人身份证号110101199003074514已挂失',
    });
    const res = await cast.author('POST', `/bulletins/${b.id}/submit`);
    expect(res.statusCode).toBe(422);
    const error = res.json<{ error: { code: string; details: unknown[] } }>().error;
    expect(error.code).toBe('PII_DETECTED');
    expect(error.details).toEqual([
      expect.objectContaining({
        path: 'summary',
        kind: 'mobile',
        start: 7,
        end: 20,
        masked: '138****5678',
      }),
      expect.objectContaining({
        path: 'body',
        kind: 'resident_id',
        start: 7,
        end: 25,
        masked: '110101********4514',
      }),
      expect.objectContaining({
        path: 'warningSigns.1',
        kind: 'bank_card',
        start: 6,
        end: 22,
        masked: '6222********7894',
      }),
    ]);
    expect(res.body).not.toContain('6222021234567894');
    const masked = await cast.author('PATCH', `/bulletins/${b.id}`, {
      expectedRevision: b.revision,
      summary: '嫌疑人留下手机138****5678',
      warningSigns: ['正常提示', '对方让转账到6222********7894'],
      body: '受害人身份证号110101********4514已挂失',
    });
    expect(masked.statusCode).toBe(200);
    expect((await cast.author('POST', `/bulletins/${b.id}/submit`)).statusCode).toBe(200);
  });

  it('when text in review gained a number some other way, then approval refuses it too', async () => {
    const b = await bulletinAt(cast, 'in_review');
    const current = await h.deps.bulletins.find('staff', b.id);
    if (current === null) throw new Error('missing');
    const tampered = {
      ...current,
      revision: current.revision + 1,
      versions: current.versions.map((v) => ({
        ...v,
        content: { ...v.content, advice: ['拨打13912345678咨询'] },
      })),
    };
    expect(await h.deps.bulletins.save(current, tampered, [])).not.toBeNull();
    const res = await cast.reviewer('POST', `/bulletins/${b.id}/approve`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      error: { code: 'PII_DETECTED', details: [{ path: 'advice.0', kind: 'mobile' }] },
    });
  });

  it('when fields hold Markdown and <script>, then every response returns them as JSON text, unrendered', async () => {
    const hostile = '<script>alert("x")</script>';
    const markdown = `## 标题\n\n**加粗** [链接](javascript:alert(1)) ${hostile}`;
    const b = await bulletinAt(cast, 'published', {
      title: `标题${hostile}`,
      body: markdown,
      tags: [hostile.slice(0, 20)],
    });
    for (const res of [
      await cast.liaison('GET', `/bulletins/${b.id}`),
      await h.as(null)('GET', `/bulletins?q=${encodeURIComponent('标题')}`),
      await cast.author('GET', `/bulletins/${b.id}/versions`),
    ]) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).not.toContain('<h2>');
      expect(res.body).not.toContain('<strong>');
    }
    const one = (await cast.liaison('GET', `/bulletins/${b.id}`)).json<{
      title: string;
      body: string;
    }>();
    expect(one).toMatchObject({ title: `标题${hostile}`, body: markdown });
  });

  it('when a hostile string is in the URL, then the error answer is JSON, not an HTML page echoing it', async () => {
    for (const url of [
      '/bulletins/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '/bulletins?status=%3Cscript%3E',
      '/nothing/%3Cscript%3E',
    ]) {
      const res = await h.as(null)('GET', url);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});

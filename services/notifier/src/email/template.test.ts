// Unit tests of the templates: each renders in both languages, every value is escaped, the .ics and QR are attached.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as nodeIcal from 'node-ical';
import { describe, expect, it } from 'vitest';
import { composeEmail } from './compose-email.ts';
import { TEMPLATE_NAMES, type EmailContent } from './email.schemas.ts';
import { TEMPLATE_SAMPLES } from './preview-template.ts';
import { loadTemplates, TEMPLATES_DIR } from './template.repository.ts';

const templates = loadTemplates();
const ctx = {
  templates,
  from: { name: '连心', email: 'noreply@lianxin.local' },
  recipient: { email: 'wang.fang@bank.example.cn', name: '王芳' },
};

function sample(name: (typeof TEMPLATE_NAMES)[number]): EmailContent {
  return { template: name, data: TEMPLATE_SAMPLES[name] } as EmailContent;
}

describe('templates', () => {
  it.each(TEMPLATE_NAMES)(
    'when %s is rendered in zh and en, then both have subject, html and text',
    (name) => {
      const zh = templates.render(name, 'zh', TEMPLATE_SAMPLES[name]);
      const en = templates.render(name, 'en', TEMPLATE_SAMPLES[name]);
      expect(zh.subject).toMatch(/[\u4e00-\u9fff]/);
      expect(en.subject).toMatch(/^[A-Z][a-z]/);
      expect(zh.html).toContain('<html lang="zh-CN">');
      expect(en.html).toContain('<html lang="en">');
      expect(zh.text.length).toBeGreaterThan(20);
      expect(en.text).not.toContain('<');
    },
  );

  it('when a value holds HTML, then the HTML part shows it escaped and the text part as written', () => {
    const data = { ...TEMPLATE_SAMPLES.cancelled, reason: '<script>alert("x")</script> & 更多' };
    const out = templates.render('cancelled', 'zh', data);
    expect(out.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 更多');
    expect(out.html).not.toContain('<script>');
    expect(out.text).toContain('<script>alert("x")</script> & 更多');
  });

  it('when the template files are read, then none uses the unescaped {{{ }}} form', () => {
    for (const lang of ['zh', 'en']) {
      for (const file of readdirSync(join(TEMPLATES_DIR, lang))) {
        const body = readFileSync(join(TEMPLATES_DIR, lang, file), 'utf8');
        expect(body, `${lang}/${file}`).not.toMatch(/\{\{\{|\{\{&/);
      }
    }
  });

  it('when a value the template needs is missing, then rendering fails instead of sending a blank', () => {
    const { attendeeName: _drop, ...data } = TEMPLATE_SAMPLES.confirmation;
    expect(() => templates.render('confirmation', 'zh', data)).toThrow(/attendeeName/);
  });

  it('when a confirmation is composed, then it carries a REQUEST .ics in Beijing time and the QR inline', async () => {
    const email = await composeEmail(sample('confirmation'), { ...ctx, lang: 'zh' });
    const ics = email.attachments.find((a) => a.filename === 'invite.ics');
    const qr = email.attachments.find((a) => a.cid === 'checkin-qr@lianxin');
    expect(qr?.content.subarray(1, 4).toString()).toBe('PNG');
    expect(email.html).toContain('src="cid:checkin-qr@lianxin"');
    const parsed = nodeIcal.sync.parseICS(ics?.content.toString() ?? '');
    const event = Object.values(parsed).find((c) => c?.type === 'VEVENT');
    if (event?.type !== 'VEVENT') throw new Error('no VEVENT');
    expect(event.uid).toBe('session-65a1b2c3d4e5f60718293b01@lianxin');
    expect(event.start.toISOString()).toBe('2026-12-10T01:30:00.000Z');
    expect(event.start.tz).toBe('Asia/Shanghai');
    expect(ics?.content.toString()).toContain('DTSTART;TZID=Asia/Shanghai:20261210T093000');
    expect(ics?.content.toString()).toContain('METHOD:REQUEST');
  });

  it('when a cancellation is composed, then its .ics is METHOD:CANCEL with the sequence moved on', async () => {
    const email = await composeEmail(sample('cancelled'), { ...ctx, lang: 'en' });
    const ics =
      email.attachments.find((a) => a.filename === 'cancel.ics')?.content.toString() ?? '';
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:1');
  });

  it('when a bulletin is composed, then it has the RFC 8058 one-click headers and no attachment', async () => {
    const email = await composeEmail(sample('bulletin'), { ...ctx, lang: 'zh' });
    expect(email.headers['List-Unsubscribe']).toBe(
      '<http://127.0.0.1:4104/unsubscribe/sample-token>',
    );
    expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(email.attachments).toEqual([]);
    expect(email.html).toContain('¥380,000.00');
  });
});

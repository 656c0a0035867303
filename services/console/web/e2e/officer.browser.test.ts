// The officer at the venue, on a 375-px phone in a real browser: their session, check-in by code, attendance, opinions, the handout.
import { bankBody, liaisonBody } from '@lianxin/banks/src/test-support/fixtures.ts';
import { castOf, bulletinAt } from '@lianxin/content/src/test-support/workflow.ts';
import { attendee, sessionBody } from '@lianxin/outreach/src/test-support/fixtures.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  newContext,
  screenshot,
  seedStaff,
  signIn,
  startStack,
} from './stack.ts';

const stack = await startStack(import.meta.url, { outreach: true, content: true });
const { outreach, content } = stack;
if (outreach === undefined || content === undefined) throw new Error('services not started');

const officer = await seedStaff(stack.console.deps, 'officer');

/** Retries `attempt` until it answers `status`: the read models fill from Kafka a moment later. */
async function eventually<T extends { statusCode: number; body: string }>(
  attempt: () => Promise<T>,
  status: number,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await attempt();
    if (res.statusCode === status) return res;
    if (Date.now() > deadline) throw new Error(`still ${res.statusCode}: ${res.body}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// A partner bank with a liaison (banks → outreach by Kafka), a forum the officer hosts starting in
// half an hour (check-in is open), three staff registered, and two published bulletins for it.
const bank = bankBody();
const coordinatorOnBanks = stack.banks.as('coordinator');
const bankId = (await coordinatorOnBanks('POST', '/banks', bank)).json<{ id: string }>().id;
const liaisonId = (
  await coordinatorOnBanks('POST', `/banks/${bankId}/liaisons`, liaisonBody())
).json<{ id: string }>().id;
await stack.banks.flush();

const title = `银警反诈恳谈会 ${bankId.slice(-6)}`;
const sessionId = (
  await eventually(
    () =>
      outreach.as('coordinator')(
        'POST',
        '/sessions',
        sessionBody(
          {
            title,
            kind: 'bank_forum',
            format: 'open_forum',
            invitedBankIds: [bankId],
            hostOfficerIds: [officer.id],
            audiences: ['bank_staff'],
            fraudTopics: ['fake_customer_service'],
          },
          30 * 60_000,
        ),
      ),
    201,
  )
).json<{ id: string }>().id;

const liaison = outreach.as({ liaison: bankId, id: liaisonId, name: '测试联络员' });
interface Registered {
  id: string;
  attendee: { name: string };
  checkInCode: string | null;
  checkInToken: string | null;
}
const registered: Registered[] = [];
for (const n of [1, 2, 3]) {
  const res = await eventually(
    () => liaison('POST', `/sessions/${sessionId}/registrations`, attendee(n)),
    201,
  );
  registered.push(res.json<Registered>());
}
await outreach.flush();

const cast = castOf(content);
const bulletins = [
  await bulletinAt(cast, 'published', { title: '冒充客服退款骗局', audiences: ['bank_staff'] }),
  await bulletinAt(cast, 'published', { title: '冒充银行客服注销账户', audiences: ['bank_staff'] }),
];
await eventually(async () => {
  const res = await content.as('officer')('GET', `/sessions/${sessionId}/materials`);
  const found = res.statusCode === 200 ? res.json<{ items: unknown[] }>().items.length : 0;
  return { statusCode: found >= bulletins.length ? 200 : 404, body: res.body };
}, 200);

const [first, second, third] = registered;
if (first === undefined || second === undefined || third === undefined) throw new Error('no regs');
const code = first.checkInCode ?? '';
const codeBox = (page: Page) => page.getByLabel('签到码');
const outcome = (page: Page) => page.getByTestId('check-in-outcome');

describe('officer console on a phone', () => {
  it('when an officer signs in at 375 px and checks one attendee in by typed code, then they see them checked in; the same code again says already checked in; each main page is accessible', async () => {
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const context = await newContext(stack, true);
    const page = await context.newPage();
    await signIn(page, stack, officer.email);

    // My sessions: the hosted forum with its counts.
    await page.getByRole('link', { name: title }).waitFor();
    await expectAccessible(page, 'my sessions');
    await screenshot(page, 'officer-sessions-375');

    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: '活动概况' }).waitFor();
    await page.getByRole('button', { name: '现场签到' }).click();

    // Check-in by typed code, lower case as a hurried person types it.
    await codeBox(page).fill(code.toLowerCase());
    await codeBox(page).press('Enter');
    await outcome(page).getByText('签到成功').waitFor();
    expect(await page.getByTestId('checked-in-name').textContent()).toBe('员工1');
    expect(await outcome(page).textContent()).toMatch(/1\d{2}\*{4}\d{4}/);
    await expect.poll(() => outcome(page).textContent()).toContain(bank.name.zh);
    // Ready for the next person: the box is empty and has the focus.
    expect(await codeBox(page).inputValue()).toBe('');
    expect(
      await page.evaluate<string | null>(
        "document.activeElement?.getAttribute('aria-label') ?? null",
      ),
    ).toBe('签到码');
    await expectAccessible(page, 'check-in');
    await screenshot(page, 'officer-check-in-375');

    await codeBox(page).fill(code);
    await codeBox(page).press('Enter');
    await outcome(page).getByText('已签到，请勿重复').waitFor();
    await screenshot(page, 'officer-check-in-again-375');

    // What the camera hands over when it decodes a QR code: the signed token, through the same handler.
    await codeBox(page).fill(second.checkInToken ?? '');
    await codeBox(page).press('Enter');
    await expect.poll(() => page.getByTestId('checked-in-name').textContent()).toBe('员工2');

    // Attendance: two checked in, the third ticked from the list.
    await page.getByRole('button', { name: '签到名单' }).click();
    await page.getByRole('cell', { name: '员工3', exact: true }).waitFor();
    await page.getByRole('button', { name: '签到 员工3' }).click();
    await expect.poll(() => page.getByText(/签到成功/).count()).toBe(3);
    await expectAccessible(page, 'attendance');
    await screenshot(page, 'officer-attendance-375');

    // Feedback: the tally of the session.
    await page.getByRole('button', { name: '三色评价' }).click();
    await page.getByRole('heading', { name: /评价统计/ }).waitFor();
    await expectAccessible(page, 'feedback');
    await screenshot(page, 'officer-feedback-375');

    // Opinions: record one raised in the room, then resolve it with what was done.
    await page.getByRole('button', { name: '社情民意' }).click();
    await page.getByLabel('类别').click();
    await page.getByTitle('交通出行').click();
    await page.getByLabel('内容').fill('网点门口电动车乱停，希望加强管理');
    await page.getByLabel('反映人').fill('某银行网点负责人');
    await page.getByRole('button', { name: '登记社情民意' }).last().click();
    await page.getByRole('cell', { name: '网点门口电动车乱停，希望加强管理' }).waitFor();
    await expectAccessible(page, 'opinions');
    await screenshot(page, 'officer-opinions-375');
    await page.getByRole('button', { name: /办结/ }).click();
    await page.getByLabel('办理结果或答复').fill('已联系交警中队设置停车区');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /办\s*结/ })
      .click();
    await page.getByText('已联系交警中队设置停车区').waitFor();

    // The handout: both bulletins; printed, no menu or header, one bulletin per page.
    await page.getByRole('button', { name: '宣传资料' }).click();
    await page.getByRole('heading', { name: '冒充客服退款骗局' }).waitFor();
    await page.getByRole('heading', { name: '冒充银行客服注销账户' }).waitFor();
    await expectAccessible(page, 'handout');
    await screenshot(page, 'officer-handout-375');
    await page.emulateMedia({ media: 'print' });
    // A string, run in the page: this file is type-checked without the DOM's types.
    const printed = await page.evaluate<Record<string, unknown>>(`(() => {
      const shown = (el) => getComputedStyle(el).display !== 'none';
      const articles = [...document.querySelectorAll('.of-handout-bulletin')];
      return {
        nav: [...document.querySelectorAll('nav')].filter(shown).length,
        header: [...document.querySelectorAll('header, .ant-layout-header')].filter(shown).length,
        buttons: [...document.querySelectorAll('.of-handout button')].filter(shown).length,
        articles: articles.filter(shown).length,
        breaks: articles.map((a) => getComputedStyle(a).breakBefore),
        colour: articles.map((a) => getComputedStyle(a.querySelector('h2') ?? a).color),
      };
    })()`);
    expect(printed).toEqual({
      nav: 0,
      header: 0,
      buttons: 0,
      articles: 2,
      breaks: ['auto', 'page'],
      colour: ['rgb(0, 0, 0)', 'rgb(0, 0, 0)'],
    });
    await screenshot(page, 'officer-handout-print');
    await context.close();
  }, 240_000);

  it("when the officer shows the room its feedback QR, then an attendee at 375 px without an account opens the link, rates with their code, and the officer's tally shows it", async () => {
    // A fourth attendee, seated and checked in at the door (outreach's own route).
    const res = await eventually(
      () => liaison('POST', `/sessions/${sessionId}/registrations`, attendee(4)),
      201,
    );
    const fourth = res.json<Registered>();
    const scanned = await outreach.app.inject({
      method: 'POST',
      url: '/check-ins',
      payload: { token: fourth.checkInToken },
    });
    expect(scanned.statusCode).toBe(201);

    const officerContext = await newContext(stack, true);
    const page = await officerContext.newPage();
    await signIn(page, stack, officer.email);
    await page.goto(`${stack.url}/sessions/${sessionId}/feedback`);
    await page.getByRole('heading', { name: '全场评价二维码' }).waitFor();
    const before = await page.getByRole('heading', { name: /评价统计/ }).textContent();
    await page.getByRole('img', { name: '本场活动评价链接的二维码' }).waitFor();
    const link = await page.getByTestId('room-feedback-link').getAttribute('href');
    expect(link).toBe(`${stack.url}/feedback/${sessionId}`);
    // Nothing on the feedback page is wider than the phone (the tally's colour headers were).
    expect(
      await page.evaluate<boolean>(
        'document.documentElement.scrollWidth > document.documentElement.clientWidth',
      ),
    ).toBe(false);
    await expectAccessible(page, 'feedback with the room QR');
    await screenshot(page, 'officer-feedback-qr-375');

    // The attendee's own phone: a fresh context, no cookie, the link the QR holds.
    const phone = await newContext(stack, true);
    const attendeePage = await phone.newPage();
    await attendeePage.goto(link ?? '');
    await attendeePage.getByRole('heading', { name: '活动评价' }).waitFor();
    expect(await attendeePage.getByTestId('account-menu').count()).toBe(0);
    await expectAccessible(attendeePage, 'public feedback');
    await screenshot(attendeePage, 'public-feedback-375');
    const overflow = () =>
      attendeePage.evaluate<boolean>(
        'document.documentElement.scrollWidth > document.documentElement.clientWidth',
      );
    expect(await overflow()).toBe(false);

    // A wrong code first: the field says so; then the right one, typed by keyboard.
    const codeBox = attendeePage.getByLabel('签到码');
    await codeBox.fill('ZZZZZZ' === fourth.checkInCode ? 'YYYYYY' : 'ZZZZZZ');
    const pickColour = async (dimension: string, colour: string) => {
      await attendeePage
        .getByRole('radiogroup', { name: dimension })
        .getByText(colour, { exact: true })
        .click();
    };
    await pickColour('态度', '蓝（优质服务）');
    await pickColour('语气', '红（问题整改）');
    await pickColour('表情', '黄（有待提升）');
    await attendeePage.getByLabel('意见').fill('讲解语速太快，希望放慢');
    await attendeePage.getByRole('button', { name: /提交评价/ }).click();
    await attendeePage.getByRole('alert').getByText('签到码不正确').waitFor();
    await codeBox.fill((fourth.checkInCode ?? '').toLowerCase());
    await codeBox.press('Enter');
    await attendeePage.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await attendeePage.getByText('您的意见已转交民警跟进整改。').waitFor();
    await expectAccessible(attendeePage, 'public feedback sent');
    await screenshot(attendeePage, 'public-feedback-sent-375');
    await phone.close();

    // The officer's tally counts it, and the red tone opened a follow-up with the comment.
    await page.reload();
    await page.getByRole('cell', { name: '讲解语速太快，希望放慢' }).waitFor();
    const after = await page.getByRole('heading', { name: /评价统计/ }).textContent();
    const count = (text: string | null) => Number(/(\d+)/.exec(text ?? '')?.[1] ?? NaN);
    expect(count(after)).toBe(count(before) + 1);
    await officerContext.close();
  }, 240_000);
});

// Bulletins in a real browser: an officer writes (the personal-data check shows as they type), a reviewer approves after the diff, a liaison reads and subscribes.
import { bankBody, liaisonBody } from '@lianxin/banks/src/test-support/fixtures.ts';
import { staff } from '@lianxin/content/src/test-support/fixtures.ts';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  activationTokenFor,
  expectAccessible,
  newContext,
  PASSWORD,
  screenshot,
  seedStaff,
  signIn,
  startStack,
} from './stack.ts';

const stack = await startStack(import.meta.url, { content: true });
const { banks } = stack;
const h = stack.console;
const content = stack.content;
if (content === undefined) throw new Error('the stack was asked for content');

const officer = await seedStaff(h.deps, 'officer');
const reviewer = await seedStaff(h.deps, 'reviewer');

/** A bank with a liaison whose account is activated through the emailed link, as a person would. */
async function activeLiaison(page: Page): Promise<{ email: string }> {
  const bank = (await banks.as('coordinator')('POST', '/banks', bankBody())).json<{ id: string }>();
  const liaison = liaisonBody();
  const added = await banks.as('coordinator')('POST', `/banks/${bank.id}/liaisons`, liaison);
  expect(added.statusCode, added.body).toBe(201);
  await banks.flush();
  await h.flush();
  const token = await activationTokenFor(h.env, liaison.email);
  await page.goto(`${stack.url}/activate/${token}`);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /激活账号/ }).click();
  await page.getByText('账号已激活，请登录').waitFor();
  await signIn(page, stack, liaison.email);
  return { email: liaison.email };
}

/** Picks options of an antd Select: opens it, types to filter, clicks the option shown. */
async function choose(page: Page, label: string, ...options: string[]): Promise<void> {
  const item = page
    .locator('.ant-form-item')
    .filter({ has: page.getByText(label, { exact: true }) });
  await item.locator('.ant-select').click();
  for (const option of options) {
    await page.keyboard.type(option);
    await page
      .locator('.ant-select-item-option:visible')
      .filter({ hasText: option })
      .first()
      .click();
  }
  await page.keyboard.press('Escape');
  for (const option of options)
    await item.getByText(option).filter({ visible: true }).first().waitFor();
}

const MOBILE = '13812345678';
const RESIDENT_ID = '11010519491231002X';

describe('bulletins in the browser', () => {
  it('when an officer types a mobile and an ID number, then the warning shows before saving; once removed the bulletin is submitted, a reviewer approves the second version after its diff, and the liaison finds it and subscribes to its fraud type', async () => {
    const run = randomBytes(3).toString('hex');
    const title = `冒充客服退款骗局${run}`;
    const officerContext = await newContext(stack);
    const write = await officerContext.newPage();
    await signIn(write, stack, officer.email);

    // 1. The officer writes; the numbers are flagged as typed, before anything is saved.
    await write.getByRole('link', { name: '撰写简报' }).click();
    await write.getByLabel('标题').fill(title);
    await choose(write, '诈骗类型', '冒充电商物流');
    await choose(write, '宣传对象', '银行网点', '社会公众');
    await write.getByLabel('摘要').fill(`受害人身份证号${RESIDENT_ID}，接到自称客服的电话。`);
    await write
      .getByLabel('正文（Markdown）')
      .fill(`## 经过\n\n受害人手机号 ${MOBILE} 接到“退款”电话，被诱导开启屏幕共享。`);
    await write.getByLabel('案发日期').fill('2025-06-01');
    await write.getByLabel('发案地区').fill('香河县');
    await write.getByLabel('损失金额（元）').fill('52000');
    await write.getByLabel('识别要点（每行一条）').fill('主动来电要退款\n要求屏幕共享');
    await write.getByLabel('防范建议（每行一条）').fill('只在官方APP办理退款');
    await write.getByTestId('pii-warning').waitFor();
    const findings = write.getByTestId('pii-field-finding');
    await expect.poll(() => findings.count()).toBe(2);
    await expect
      .poll(() => findings.allTextContents())
      .toEqual([
        expect.stringContaining('110105********002X'),
        expect.stringContaining('138****5678'),
      ]);
    const officerOnContent = content.as(staff(officer.id, 'officer', '测试民警'));
    const before = await officerOnContent('GET', '/bulletins/mine');
    expect(before.json<{ total: number }>().total).toBe(0);
    await expectAccessible(write, 'write with findings');
    await screenshot(write, 'bulletins-write-pii');

    // 2. The officer removes the ID number and masks the mobile; the check clears; save, submit.
    await write.getByLabel('摘要').fill('受害人接到自称客服的电话。');
    await expect.poll(() => findings.count()).toBe(1);
    await write.getByRole('button', { name: '替换为脱敏写法' }).click();
    await write.getByTestId('pii-ok').waitFor();
    await expect
      .poll(() => write.getByLabel('正文（Markdown）').inputValue())
      .toContain('138****5678');
    await write.getByRole('button', { name: '保存草稿' }).click();
    await write.waitForURL(/\/bulletins\/[0-9a-f]{24}\/edit$/);
    const id = /\/bulletins\/([0-9a-f]{24})\/edit$/.exec(write.url())?.[1] ?? '';
    await write.getByRole('button', { name: '提交审核' }).click();
    await write.waitForURL(/\/bulletins\/mine$/);
    await write
      .getByRole('row', { name: new RegExp(title) })
      .getByText('待审核')
      .waitFor();
    await expectAccessible(write, 'my bulletins');
    await screenshot(write, 'bulletins-mine');

    // 3. Another account, a reviewer, approves the first version from the queue.
    const reviewerContext = await newContext(stack);
    const review = await reviewerContext.newPage();
    await signIn(review, stack, reviewer.email);
    await review.getByRole('link', { name: '审核队列' }).click();
    await review.getByRole('link', { name: title }).waitFor();
    await expectAccessible(review, 'review queue');
    await screenshot(review, 'bulletins-review-queue');
    await review.getByRole('link', { name: title }).click();
    await review.getByText('这是第一版').waitFor();
    await review.getByRole('button', { name: '审核通过并发布' }).click();
    await review.getByRole('button', { name: '确定发布' }).click();
    await review.waitForURL(/\/review$/);

    // 4. The officer edits the published bulletin: a second version, submitted again.
    await write.goto(`${stack.url}/bulletins/${id}/edit`);
    await write.getByText('该简报已发布').waitFor();
    const body = write.getByLabel('正文（Markdown）');
    await body.fill(
      `${(await body.inputValue()).replace('退款', '理赔')}\n\n补充：对方还要求下载会议软件。`,
    );
    await write.getByRole('button', { name: '提交审核' }).click();
    await write.waitForURL(/\/bulletins\/mine$/);

    // 5. The reviewer sees what changed, character by character, and approves version 2.
    await review.goto(`${stack.url}/review/${id}`);
    const diff = review.getByTestId('version-diff');
    await diff.waitFor();
    // Which of two equally short edit scripts diff picks is its own; the changed text is not.
    const added = async () => (await diff.locator('ins').allTextContents()).join('');
    await expect.poll(added).toContain('理赔');
    await expect.poll(added).toContain('补充：对方还要求下载会议软件');
    expect((await diff.locator('del').allTextContents()).join('')).toContain('退款');
    await expectAccessible(review, 'review with diff');
    await screenshot(review, 'bulletins-review-diff');
    await review.getByRole('button', { name: '审核通过并发布' }).click();
    await review.getByRole('button', { name: '确定发布' }).click();
    await review.waitForURL(/\/review$/);

    // 6. The liaison finds it among their bank's bulletins and subscribes to its fraud type.
    // (Search may be served by a read model fed by events: wait until it has the publication.)
    await expect
      .poll(
        async () =>
          (await content.as(null)('GET', `/bulletins?q=${run}&audience=bank_staff`)).json<{
            total: number;
          }>().total,
        { timeout: 30_000 },
      )
      .toBe(1);
    const liaisonContext = await newContext(stack);
    const read = await liaisonContext.newPage();
    await activeLiaison(read);
    await read.getByRole('link', { name: '本行简报' }).click();
    await read.getByLabel('搜索标题、摘要、正文').fill(run);
    await read.getByLabel('搜索标题、摘要、正文').press('Enter');
    await read.getByRole('link', { name: title }).waitFor();
    await expectAccessible(read, 'liaison bulletins');
    await screenshot(read, 'bulletins-liaison');
    await read.getByRole('link', { name: title }).click();
    await read.getByText('补充：对方还要求下载会议软件。').waitFor();
    await read.getByRole('button', { name: '订阅此类诈骗简报' }).click();
    await read.getByText('订阅成功').waitFor();
    await read.getByRole('link', { name: '我的订阅' }).click();
    await read.getByTestId('subscriptions').getByText('冒充电商物流客服').waitFor();
    await expectAccessible(read, 'subscriptions');
    await screenshot(read, 'bulletins-subscriptions');
    const stored = await read.evaluate(async () => {
      const res = await fetch('/api/content/subscriptions');
      return (await res.json()) as { items: { fraudTypes: string[] }[] };
    });
    expect(stored.items.map((s) => s.fraudTypes)).toEqual([['fake_customer_service']]);

    await Promise.all([officerContext.close(), reviewerContext.close(), liaisonContext.close()]);
  }, 240_000);

  it('when a liaison opens a draft bulletin’s URL, then the console shows its 404 page and the API answers 404', async () => {
    const officerOnContent = content.as(staff(officer.id, 'officer', '测试民警'));
    const draft = await officerOnContent('POST', '/bulletins', {
      title: '尚未发布的草稿',
      fraudType: 'fake_investment',
      summary: '仍在撰写中的简报。',
      body: '草稿正文',
      caseDate: '2025-05-01',
      region: '香河县',
      lossFen: 0,
      warningSigns: ['高收益承诺'],
      advice: ['不轻信'],
      audiences: ['bank_staff'],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json<{ id: string }>().id;
    const context = await newContext(stack, true);
    const page = await context.newPage();
    await activeLiaison(page);
    await page.goto(`${stack.url}/bulletins/${id}`);
    await page.getByText('页面不存在').waitFor();
    const status = await page.evaluate(
      async (bulletinId) => (await fetch(`/api/content/bulletins/${bulletinId}`)).status,
      id,
    );
    expect(status).toBe(404);
    await context.close();
  }, 120_000);
});

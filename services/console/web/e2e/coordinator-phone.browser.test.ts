// The coordinator's main pages on a 375-px phone in a real browser: each reached through the drawer menu, none wider than the screen, each accessible.
import { bankBody, liaisonBody } from '@lianxin/banks/src/test-support/fixtures.ts';
import { sessionBody } from '@lianxin/outreach/src/test-support/fixtures.ts';
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

const stack = await startStack(import.meta.url, { outreach: true, insights: true });
const outreach = stack.outreach;
if (outreach === undefined) throw new Error('outreach did not start');

// A bank with a liaison (banks → outreach by Kafka) and a forum inviting it, so no page is empty.
const onBanks = stack.banks.as('coordinator');
const bank = bankBody();
const bankId = (await onBanks('POST', '/banks', bank)).json<{ id: string }>().id;
expect((await onBanks('POST', `/banks/${bankId}/liaisons`, liaisonBody())).statusCode).toBe(201);
await stack.banks.flush();
const coordinator = await seedStaff(stack.console.deps, 'coordinator');
const title = `手机端协调员测试 ${bankId.slice(-6)}`;
let sessionId = '';
for (let waited = 0; sessionId === ''; waited += 250) {
  const res = await outreach.as('coordinator')(
    'POST',
    '/sessions',
    sessionBody({ title, kind: 'bank_forum', format: 'open_forum', invitedBankIds: [bankId] }),
  );
  if (res.statusCode === 201) sessionId = res.json<{ id: string }>().id;
  else if (waited > 30_000) throw new Error(`no session: ${res.body}`);
  else await new Promise((r) => setTimeout(r, 250));
}

/** Wider than the screen: the page itself scrolls sideways (a table's own scroller does not count). */
const overflowing = (page: Page) =>
  page.evaluate<{ scroll: number; client: number; wide: string[] }>(`(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((el) => !el.closest('.ant-table-content, .ant-table-body, .ant-drawer'))
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + '.' + String(el.className).split(' ').slice(0, 2).join('.'));
    return { scroll: root.scrollWidth, client: root.clientWidth, wide };
  })()`);

async function expectFits(page: Page, name: string) {
  const fit = await overflowing(page);
  expect(
    fit.scroll,
    `${name}: page wider than the screen (${fit.wide.join(', ')})`,
  ).toBeLessThanOrEqual(fit.client);
}

/** Opens the drawer from the header's button and picks `entry`; the drawer closes. */
async function viaMenu(page: Page, entry: string) {
  await page.getByRole('button', { name: '导航' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('link', { name: entry }).click();
  await drawer.waitFor({ state: 'hidden' });
}

describe('coordinator console on a phone', () => {
  it('when a coordinator walks the dashboard, banks, a bank, scheduling, sessions, registrations and accounts at 375 px through the drawer, then no page is wider than the screen and each is accessible', async () => {
    const context = await newContext(stack, true);
    const page = await context.newPage();
    await signIn(page, stack, coordinator.email);
    // On a phone the menu is behind the header's button, not a side bar.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);

    await page.getByRole('heading', { name: /工作台/ }).waitFor();
    await page.getByTestId('panel-upcoming').waitFor();
    await expectFits(page, 'dashboard');
    await expectAccessible(page, 'dashboard 375');
    await screenshot(page, 'coordinator-dashboard-375');

    await viaMenu(page, '合作银行');
    await page.getByRole('heading', { name: '合作银行' }).waitFor();
    const firstRow = () => page.locator('.ant-table-row').first();
    await firstRow().waitFor();
    await expectFits(page, 'banks');
    await expectAccessible(page, 'banks 375');
    await screenshot(page, 'coordinator-banks-375');

    const bankName = (await firstRow().getByRole('link').first().textContent()) ?? '';
    await firstRow().getByRole('link').first().click();
    await page.getByRole('heading', { name: bankName }).waitFor();
    await expectFits(page, 'bank detail');
    await expectAccessible(page, 'bank detail 375');
    await screenshot(page, 'coordinator-bank-375');

    await viaMenu(page, '安排活动');
    await page.getByRole('heading', { name: '安排活动' }).waitFor();
    await expectFits(page, 'schedule');
    await expectAccessible(page, 'schedule 375');
    await screenshot(page, 'coordinator-schedule-375');

    await viaMenu(page, '活动与报名');
    await page.getByRole('heading', { name: '活动与报名' }).waitFor();
    await firstRow().waitFor();
    await expectFits(page, 'sessions');
    await expectAccessible(page, 'sessions 375');
    await screenshot(page, 'coordinator-sessions-375');

    await firstRow().getByRole('link').first().click();
    await page.getByRole('heading', { name: /报名名单/ }).waitFor();
    await expectFits(page, 'registrations');
    await expectAccessible(page, 'registrations 375');
    await screenshot(page, 'coordinator-registrations-375');

    await viaMenu(page, '账号管理');
    await page.getByRole('heading', { name: '账号管理' }).waitFor();
    await firstRow().waitFor();
    await expectFits(page, 'accounts');
    await expectAccessible(page, 'accounts 375');
    await screenshot(page, 'coordinator-accounts-375');
    await context.close();
  }, 300_000);
});

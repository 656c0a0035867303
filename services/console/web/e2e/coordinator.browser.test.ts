// The coordinator's path in a real browser against banks, outreach, insights and the console: schedule a forum, see it, export its registrations.
import { readFile } from 'node:fs/promises';
import { bankBody, liaisonBody } from '@lianxin/banks/src/test-support/fixtures.ts';
import { maskMobile } from '@lianxin/contracts';
import ExcelJS from 'exceljs';
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
const onBanks = stack.banks.as('coordinator');

/** The budget for the dashboard's first load on this machine. */
const FIRST_LOAD_BUDGET_MS = 2000;
const HOUR = 3_600_000;

async function bankWithLiaison() {
  const body = bankBody();
  const bank = (await onBanks('POST', '/banks', body)).json<{ id: string }>();
  const liaison = liaisonBody();
  const added = await onBanks('POST', `/banks/${bank.id}/liaisons`, liaison);
  expect(added.statusCode).toBe(201);
  return {
    id: bank.id,
    code: body.code,
    short: body.shortName,
    liaisonId: added.json<{ id: string }>().id,
    mobile: liaison.mobile,
  };
}

const bankA = await bankWithLiaison();
const bankB = await bankWithLiaison();
await stack.banks.flush();
// Outreach learns the banks from lianxin.banks.v1: a forum may invite only banks it knows as active.
for (let waited = 0; ; waited += 100) {
  const known = await outreach.models.banks.countDocuments({ _id: { $in: [bankA.id, bankB.id] } });
  if (known === 2) break;
  if (waited > 30_000) throw new Error('outreach never learned the two banks');
  await new Promise((r) => setTimeout(r, 100));
}

const coordinator = await seedStaff(stack.console.deps, 'coordinator');
const officer = await seedStaff(stack.console.deps, 'officer');

/** A Shanghai wall-clock time a week ahead, as the pickers take it, and its instant. */
function shanghaiSlot(daysAhead: number, hour: number, minute = 0) {
  const local = new Date(Date.now() + daysAhead * 24 * HOUR + 8 * HOUR);
  local.setUTCHours(hour, minute, 0, 0);
  const text = local.toISOString().slice(0, 16).replace('T', ' ');
  return { text, iso: new Date(local.getTime() - 8 * HOUR).toISOString() };
}

// Already booked: the first-floor room, 10:00–12:00 a week from now.
const booked = shanghaiSlot(7, 10);
const venue = { name: '反诈中心一楼会议室', address: '香河县新开街1号' };
const bookedTitle = '社区反诈宣传（已排期）';
const first = await outreach.as('coordinator')('POST', '/sessions', {
  title: bookedTitle,
  kind: 'community',
  format: 'talk',
  startsAt: booked.iso,
  endsAt: new Date(Date.parse(booked.iso) + 2 * HOUR).toISOString(),
  venue,
  organisingUnit: '淑阳派出所',
  hostOfficerIds: ['officer-elsewhere'],
  capacity: 30,
  audiences: ['general_public'],
});
expect(first.statusCode).toBe(201);

const FORUM = '反诈银警恳谈会（第四季度）';

/** Picks an option of a multiple select by keyboard, as a person does: focus, type, Enter. */
async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(option);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

async function menu(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

describe('the coordinator in the browser', () => {
  it('when a coordinator schedules a forum for two banks, then a venue conflict shows as they type and goes when fixed, the forum is on the dashboard, and its registrations export as CSV and XLSX', async () => {
    const context = await newContext(stack);
    const page = await context.newPage();
    await signIn(page, stack, coordinator.email);

    // --- schedule, meeting the booked room on the way ---
    await menu(page, '安排活动');
    await page.getByLabel('活动主题').fill(FORUM);
    const start = shanghaiSlot(7, 10, 30);
    await page.getByLabel('开始时间').fill(start.text);
    await page.getByLabel('开始时间').press('Tab');
    await expect
      .poll(() => page.getByLabel('结束时间').inputValue())
      .toBe(shanghaiSlot(7, 12, 30).text);
    await page.getByLabel('场地名称').fill(venue.name);
    await page.getByLabel('场地地址').fill(venue.address);
    const conflict = page.getByTestId('venue-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(bookedTitle);
    await screenshot(page, 'coordinator-schedule-conflict');

    await page.getByLabel('场地名称').fill('反诈中心二楼会议室');
    await page.getByTestId('slot-free').waitFor();
    expect(await conflict.count()).toBe(0);
    await pick(page, '主持民警', officer.email);
    await page.getByLabel('名额', { exact: true }).fill('2');
    await pick(page, '邀请银行', bankA.code);
    await pick(page, '邀请银行', bankB.code);
    await page.getByTestId('slot-free').waitFor();
    await expectAccessible(page, 'schedule');
    await screenshot(page, 'coordinator-schedule');
    await page.getByRole('button', { name: '发布活动' }).click();
    await page.getByRole('heading', { name: new RegExp(`报名名单 · ${FORUM}`) }).waitFor();
    const sessionId = /\/sessions\/([0-9a-f]{24})\/registrations/.exec(page.url())?.[1] ?? '';
    expect(sessionId).toMatch(/^[0-9a-f]{24}$/);

    // --- two liaisons register three staff: two seats, so the third waits ---
    const staff = [
      { bank: bankA, name: '李明', mobile: `136${String(Date.now()).slice(-8)}` },
      { bank: bankA, name: '王芳', mobile: `137${String(Date.now()).slice(-8)}` },
      { bank: bankB, name: '赵磊', mobile: `138${String(Date.now()).slice(-8)}` },
    ];
    for (const s of staff) {
      const res = await outreach.as({ liaison: s.bank.id, id: s.bank.liaisonId })(
        'POST',
        `/sessions/${sessionId}/registrations`,
        { name: s.name, mobile: s.mobile, position: '柜员', branch: '营业部' },
      );
      expect(res.statusCode, res.body).toBe(201);
    }

    // --- the dashboard shows it, with the seats chart; first load measured on a fresh page ---
    await menu(page, '工作台');
    await page.getByTestId('panel-upcoming').getByRole('link', { name: FORUM }).waitFor();
    await page.getByTestId('seats-chart').locator('canvas').waitFor();
    await page
      .getByTestId('panel-not-reached')
      .getByText(bankA.code, { exact: true })
      .waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'dashboard');
    await screenshot(page, 'coordinator-dashboard');

    // First load as a signed-in coordinator opening the console anew: a cold cache, so every
    // asset travels (compressed), until the upcoming forum and the seats chart are drawn.
    const cold = await stack.browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 900 },
      storageState: await context.storageState(),
    });
    const fresh = await cold.newPage();
    const started = performance.now();
    await fresh.goto(stack.url);
    await fresh.getByTestId('panel-upcoming').getByRole('link', { name: FORUM }).waitFor();
    await fresh.getByTestId('seats-chart').locator('canvas').waitFor();
    const firstLoadMs = Math.round(performance.now() - started);
    // Bytes over the wire (compressed where the server compressed), page and every resource.
    const transferred = await fresh.evaluate<number>(
      'performance.getEntries().reduce((sum, e) => sum + (e.transferSize ?? 0), 0)',
    );
    const decoded = await fresh.evaluate<number>(
      'performance.getEntries().reduce((sum, e) => sum + (e.decodedBodySize ?? 0), 0)',
    );
    // The figure for the budget (2 s); the console's own browser test asserts it, this one
    // records it beside the bytes, since a loaded shared machine moves it by seconds.
    console.log(
      `[coordinator] dashboard first load with its chart, cold cache: ${firstLoadMs} ms (budget ${FIRST_LOAD_BUDGET_MS}), ${Math.round(transferred / 1024)} KiB transferred for ${Math.round(decoded / 1024)} KiB decoded`,
    );
    await cold.close();

    // --- its registrations: masked mobiles, the waitlist place, and both exports ---
    await page.getByTestId('panel-upcoming').getByRole('link', { name: FORUM }).click();
    await page.getByRole('cell', { name: '赵磊' }).waitFor();
    const html = await page.content();
    for (const s of staff) {
      expect(html).toContain(maskMobile(s.mobile));
      expect(html).not.toContain(s.mobile);
    }
    expect(await page.getByRole('row', { name: /赵磊/ }).textContent()).toMatch(
      /候补中.*1（会场名额已满）/,
    );
    await expectAccessible(page, 'registrations');
    await screenshot(page, 'coordinator-registrations');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^报名名单-.*\.csv$/);
    const bytes = await readFile(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '序号,银行,姓名,手机号,邮箱,职务,网点,状态,候补位次,候补原因,报名时间,签到时间',
    );
    expect(
      lines.slice(1, 4).map((l) => l.split(',').slice(0, 4).concat(l.split(',').slice(7, 9))),
    ).toEqual([
      ['1', bankA.short, '李明', maskMobile(staff[0]?.mobile ?? ''), '报名成功', ''],
      ['2', bankA.short, '王芳', maskMobile(staff[1]?.mobile ?? ''), '报名成功', ''],
      ['3', bankB.short, '赵磊', maskMobile(staff[2]?.mobile ?? ''), '候补中', '1'],
    ]);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^报名名单-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(await readFile(await xlsx.path())).buffer);
    const rows: unknown[][] = [];
    book
      .getWorksheet('报名名单')
      ?.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 9)));
    expect(rows).toEqual([
      ['序号', '银行', '姓名', '手机号', '邮箱', '职务', '网点', '状态'],
      [
        1,
        bankA.short,
        '李明',
        maskMobile(staff[0]?.mobile ?? ''),
        '',
        '柜员',
        '营业部',
        '报名成功',
      ],
      [
        2,
        bankA.short,
        '王芳',
        maskMobile(staff[1]?.mobile ?? ''),
        '',
        '柜员',
        '营业部',
        '报名成功',
      ],
      [3, bankB.short, '赵磊', maskMobile(staff[2]?.mobile ?? ''), '', '柜员', '营业部', '候补中'],
    ]);
    await context.close();
  }, 300_000);

  it('when a coordinator opens the banks, a bank and the accounts, then each page is accessible, lists what it should with mobiles masked, and a new officer account is pending', async () => {
    const context = await newContext(stack);
    const page = await context.newPage();
    await signIn(page, stack, coordinator.email);

    await menu(page, '合作银行');
    await page.getByRole('cell', { name: bankA.code, exact: true }).waitFor();
    await expectAccessible(page, 'banks');
    await screenshot(page, 'coordinator-banks');

    await page.getByRole('link', { name: `测试银行${bankA.code}`, exact: true }).click();
    await page.getByTestId('liaisons').getByText(maskMobile(bankA.mobile)).waitFor();
    expect(await page.getByRole('cell', { name: bankA.mobile, exact: true }).count()).toBe(0);
    await page.getByLabel('网点名称', { exact: true }).fill('香河支行营业部');
    await page.getByLabel('地址', { exact: true }).last().fill('香河县新华大街8号');
    await page.getByRole('button', { name: '新增网点' }).click();
    await page
      .getByTestId('branches')
      .getByRole('cell', { name: '香河支行营业部', exact: true })
      .waitFor();
    await expectAccessible(page, 'bank');
    await screenshot(page, 'coordinator-bank');

    await menu(page, '账号管理');
    await page.getByRole('cell', { name: officer.email }).waitFor();
    await page.getByRole('button', { name: '新建账号' }).click();
    const email = `new-officer-${Date.now()}@police.example.cn`;
    await page.getByRole('dialog').getByLabel('姓名').fill('新民警');
    await page.getByRole('dialog').getByLabel('邮箱').fill(email);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page
      .getByRole('row', { name: new RegExp(email) })
      .getByText('待激活')
      .waitFor();
    await expectAccessible(page, 'accounts');
    await screenshot(page, 'coordinator-accounts');
    await context.close();
  }, 180_000);
});

// The bank liaison's main path in a real browser against banks, outreach and the console: activate, register staff (one waitlisted), see places, cancel, calendar, a pasted list and an uploaded .xlsx with wrong rows.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  activateAndSignIn,
  bankWithLiaison,
  scheduleForum,
  type TestBank,
} from './liaison-setup.ts';
import { readCalendarEvent } from './read-calendar.ts';
import { expectAccessible, newContext, screenshot, signIn, startStack } from './stack.ts';

const stack = await startStack(import.meta.url, { outreach: true });
const a: TestBank = await bankWithLiaison(stack);
const b: TestBank = await bankWithLiaison(stack);
const FORUM = '香河县反诈中心·合作银行开放式恳谈会';
const TRAINING = '银行网点反诈培训交流会';
// Two seats: the third of bank A's staff waits.
const forum = await scheduleForum(stack, [a, b], { title: FORUM, capacity: 2, startsInDays: 2 });
const training = await scheduleForum(stack, [a], { title: TRAINING, capacity: 30 });
const DRILL = '网点员工反诈应急演练';
const drill = await scheduleForum(stack, [a], { title: DRILL, capacity: 30 });

/** A mobile number no other test uses, as Excel keeps it: a number. */
const mobileCell = () => 13_900_000_000 + Math.floor(Math.random() * 99_999_999);

/** A real workbook, as a liaison exports it from their HR sheet: a header row, then people. */
async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('员工名单');
  sheet.addRow(['姓名', '手机号码', '岗位', '所属网点']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The browser's `getComputedStyle`, typed here (this file compiles without the DOM library). */
interface Styles {
  getComputedStyle: (el: unknown) => { backgroundColor: string };
}

const rowOf = (page: Page, name: string) =>
  page.getByTestId('registrations').getByRole('row').filter({ hasText: name });

describe('the bank liaison’s console', () => {
  it('when a liaison activates, registers 3 staff for a 2-seat forum and cancels one, then the third waits at place 1, is seated by the cancel, and the session goes into a calendar in Beijing time', async () => {
    const context = await newContext(stack);
    const page = await context.newPage();
    await activateAndSignIn(page, stack, a.email);

    // Home: the invitations and the registrations, and the bank's details stay.
    await page.getByTestId('my-bank').getByText(a.code, { exact: true }).waitFor();
    await page.getByTestId('invitation').filter({ hasText: FORUM }).waitFor();

    await page.getByRole('link', { name: '受邀活动', exact: true }).click();
    const invitation = page.getByTestId('invitation').filter({ hasText: FORUM });
    await expect.poll(() => invitation.textContent()).toContain('剩余名额：2 / 2');
    expect(await invitation.textContent()).toContain('本行名额：不限');
    await expectAccessible(page, 'liaison invitations');
    await screenshot(page, 'liaison-invitations');

    await invitation.getByRole('button', { name: `报名本行员工：${FORUM}` }).click();
    await page.getByRole('heading', { name: FORUM, level: 2 }).waitFor();
    // One person through the form.
    await page.getByLabel('姓名', { exact: true }).fill('周敏');
    await page.getByLabel('手机号', { exact: true }).fill('13700001111');
    await page.getByLabel('职务', { exact: true }).fill('客户经理');
    await page.getByLabel('所属网点', { exact: true }).fill('营业部');
    await page.getByRole('button', { name: /提交报名/ }).click();
    await page.getByRole('status').filter({ hasText: '周敏：报名成功，已确认席位' }).waitFor();

    // Two more pasted as from Excel: one takes the last seat, one waits.
    await page.getByRole('tab', { name: '批量报名' }).click();
    await page
      .getByLabel(/从 Excel 复制粘贴/)
      .fill('吴刚\t13700002222\t柜员\t城关支行\n郑洁\t13700003333\t理财经理\t城关支行');
    const roster = page.getByTestId('roster');
    await expect.poll(() => roster.getByRole('row').count()).toBe(3);
    // The submit button fades from disabled to the primary red: axe must see it after the fade.
    const submit = page.getByRole('button', { name: /提交全部/ });
    await expect
      .poll(() =>
        submit.evaluate(
          (el) => (globalThis as unknown as Styles).getComputedStyle(el).backgroundColor,
        ),
      )
      .toBe('rgb(192, 57, 43)');
    await expectAccessible(page, 'liaison register');
    await screenshot(page, 'liaison-register');
    await submit.click();
    await roster.getByText('候补第 1 位').waitFor();
    expect(await roster.getByTestId('registration-status').allTextContents()).toEqual([
      '已确认',
      '候补第 1 位',
    ]);

    await page.getByRole('link', { name: '我的报名', exact: true }).click();
    await rowOf(page, '郑洁').getByText('候补第 1 位').waitFor();
    expect(await rowOf(page, '周敏').getByTestId('registration-status').textContent()).toBe(
      '已确认',
    );
    // Masked in the list, whoever registered them.
    expect(await rowOf(page, '吴刚').textContent()).toContain('137****2222');
    await expectAccessible(page, 'liaison registrations');
    await screenshot(page, 'liaison-registrations');

    // Cancel a confirmed one, behind a confirmation dialog: the waiter takes the seat.
    await rowOf(page, '周敏').getByRole('button', { name: '取消报名：周敏' }).click();
    const dialog = page.getByRole('dialog', { name: '确认取消该报名？' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /确认取消/ }).click();
    await rowOf(page, '周敏').getByText('已取消').waitFor();
    await expect
      .poll(() => rowOf(page, '郑洁').getByTestId('registration-status').textContent())
      .toBe('已确认');
    const seats = await stack.outreach?.as('coordinator')('GET', `/sessions/${forum.id}`);
    expect(seats?.json()).toMatchObject({ seats: { confirmed: 2, waitlisted: 0 } });

    // The calendar file: one event at the session's instant, written in Beijing time.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rowOf(page, '吴刚')
        .getByRole('button', { name: /加入日历/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const event = readCalendarEvent(await readFile(await download.path(), 'utf8'));
    expect(event).toMatchObject({
      summary: FORUM,
      tzid: 'Asia/Shanghai',
      uid: `session-${forum.id}@lianxin`,
      method: 'PUBLISH',
    });
    // iCalendar times are to the second; the test's session starts at a millisecond.
    const toSecond = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;
    expect(event.start.getTime()).toBe(toSecond(forum.startsAt));
    expect(event.end.getTime()).toBe(toSecond(forum.endsAt));
    await context.close();
    // Some forty steps through the real services; on the shared machine under other engineers'
    // suites (load 10) this has taken over a minute.
  }, 240_000);

  it('when 5 rows are pasted on a phone and 2 are wrong, then each wrong row shows its error beside it and nobody is registered until they are fixed', async () => {
    const context = await newContext(stack, true);
    const page = await context.newPage();
    await signIn(page, stack, a.email);
    await page.goto(`${stack.url}/sessions/${training.id}/register`);
    await page.getByRole('heading', { name: TRAINING, level: 2 }).waitFor();
    await page.getByRole('tab', { name: '批量报名' }).click();
    const rows = [
      '姓名\t手机号\t职务\t网点',
      '冯超\t13800004444\t柜员\t营业部',
      '陈静\t1380000555\t柜员\t营业部',
      '褚亮\t13800006666\t大堂经理\t营业部',
      '\t13800007777\t保安\t营业部',
      '卫华\t13800008888\t行长\t营业部',
    ];
    const paste = page.getByLabel(/从 Excel 复制粘贴/);
    await paste.fill(rows.join('\n'));
    await page.getByRole('button', { name: /提交全部（5 人）/ }).click();
    const errors = page.getByTestId('roster').getByTestId('row-error');
    await expect.poll(() => errors.count()).toBe(2);
    const roster = page.getByTestId('roster');
    expect(await roster.getByRole('row').filter({ hasText: '第 2 行' }).textContent()).toContain(
      '手机号：应为大陆手机号',
    );
    expect(await roster.getByRole('row').filter({ hasText: '第 4 行' }).textContent()).toContain(
      '姓名：',
    );
    await page.getByText('2 行有误，本次未提交任何报名').waitFor();
    await expectAccessible(page, 'liaison register on a phone');
    await screenshot(page, 'liaison-register-375');
    const before = await stack.outreach?.as('coordinator')(
      'GET',
      `/sessions/${training.id}/registrations`,
    );
    expect(before?.json<{ items: unknown[] }>().items).toHaveLength(0);

    // Fixed, the same five go through.
    await paste.fill(
      rows.join('\n').replace('1380000555\t', '13800005555\t').replace('\n\t', '\n蒋平\t'),
    );
    await page.getByRole('button', { name: /提交全部（5 人）/ }).click();
    await page.getByText('已提交，请查看每行结果').waitFor();
    expect(
      await page.getByTestId('roster').getByTestId('registration-status').allTextContents(),
    ).toEqual(['已确认', '已确认', '已确认', '已确认', '已确认']);

    // The phone's home: invitations and registrations, the menu behind the header's button.
    await page.goto(stack.url);
    await page.getByTestId('invitation').filter({ hasText: TRAINING }).waitFor();
    await page.getByRole('button', { name: '导航' }).click();
    await page.getByRole('link', { name: '我的报名', exact: true }).click();
    await rowOf(page, '卫华').waitFor();
    await context.close();
  }, 180_000);

  it('when an .xlsx of 4 staff with 2 wrong rows is uploaded through the file input, then each wrong row shows its error and nobody is registered; the fixed file registers all 4', async () => {
    const context = await newContext(stack);
    const page = await context.newPage();
    await signIn(page, stack, a.email);
    await page.goto(`${stack.url}/sessions/${drill.id}/register`);
    await page.getByRole('heading', { name: DRILL, level: 2 }).waitFor();
    await page.getByRole('tab', { name: '批量报名' }).click();
    const good = [mobileCell(), mobileCell(), mobileCell(), mobileCell()];
    const people: (string | number)[][] = [
      ['孔明', good[0] ?? 0, '柜员', '城关支行'],
      ['曹敏', 1_390_000_123, '柜员', '城关支行'],
      ['严峰', good[2] ?? 0, '理财经理', '城关支行'],
      ['', good[3] ?? 0, '保安', '城关支行'],
    ];
    const input = page.locator('input[type=file]');
    await input.setInputFiles({
      name: '员工名单.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await workbook(people),
    });
    // The sheet lands in the box, where it can be edited: four rows with their numbers as text.
    const paste = page.getByLabel(/从 Excel 复制粘贴/);
    await expect.poll(() => paste.inputValue()).toContain(String(good[0]));
    await page.getByRole('button', { name: /提交全部（4 人）/ }).click();
    const roster = page.getByTestId('roster');
    await expect.poll(() => roster.getByTestId('row-error').count()).toBe(2);
    expect(await roster.getByRole('row').filter({ hasText: '第 2 行' }).textContent()).toContain(
      '手机号：应为大陆手机号',
    );
    expect(await roster.getByRole('row').filter({ hasText: '第 4 行' }).textContent()).toContain(
      '姓名：',
    );
    await page.getByText('2 行有误，本次未提交任何报名').waitFor();
    await expectAccessible(page, 'liaison xlsx upload with errors');
    await screenshot(page, 'liaison-upload-xlsx-errors');
    const none = await stack.outreach?.as('coordinator')(
      'GET',
      `/sessions/${drill.id}/registrations`,
    );
    expect(none?.json<{ items: unknown[] }>().items).toHaveLength(0);

    // The liaison fixes the sheet and uploads it again.
    const fixed = people.map((row, i) =>
      i === 1 ? ['曹敏', good[1] ?? 0, '柜员', '城关支行'] : row,
    );
    fixed[3] = ['郑伟', good[3] ?? 0, '保安', '城关支行'];
    await input.setInputFiles({
      name: '员工名单.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await workbook(fixed),
    });
    await expect.poll(() => paste.inputValue()).toContain('郑伟');
    await page.getByRole('button', { name: /提交全部（4 人）/ }).click();
    await page.getByText('已提交，请查看每行结果').waitFor();
    expect(await roster.getByTestId('registration-status').allTextContents()).toEqual([
      '已确认',
      '已确认',
      '已确认',
      '已确认',
    ]);
    const all = await stack.outreach?.as('coordinator')(
      'GET',
      `/sessions/${drill.id}/registrations`,
    );
    expect(
      all
        ?.json<{ items: { attendee: { name: string } }[] }>()
        .items.map((r) => r.attendee.name)
        .sort(),
    ).toEqual(['严峰', '孔明', '曹敏', '郑伟'].sort());
    await context.close();
  }, 180_000);
});

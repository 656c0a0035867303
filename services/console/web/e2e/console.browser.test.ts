// The console in a real browser (Debian's chromium via playwright-core) against the real banks service, database and broker.
import { bankBody, liaisonBody } from '@lianxin/banks/src/test-support/fixtures.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { activationTokenFor, ARTIFACTS, PASSWORD, seedStaff, startStack } from './stack.ts';
import { join } from 'node:path';

/** The budget for the dashboard's first load on this machine. */
const FIRST_LOAD_BUDGET_MS = 2000;

// Outreach is not started here: the dashboard shows its sessions as unavailable.
const stack = await startStack(import.meta.url);
const { banks, browser, url: consoleUrl } = stack;
const h = stack.console;
const artifacts = ARTIFACTS;
const coordinatorOnBanks = banks.as('coordinator');

async function bankWithLiaison() {
  const body = bankBody();
  const bank = (await coordinatorOnBanks('POST', '/banks', body)).json<{ id: string }>();
  const liaison = liaisonBody();
  const added = await coordinatorOnBanks('POST', `/banks/${bank.id}/liaisons`, liaison);
  return {
    bankId: bank.id,
    code: body.code,
    liaisonId: added.json<{ id: string }>().id,
    email: liaison.email,
  };
}

const a = await bankWithLiaison();
const b = await bankWithLiaison();
await banks.flush();

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** The dashboard's count of partner banks, from the banks service: this file made exactly two. */
const bankCount = (page: Page) => page.getByTestId('stat-banks').getByText('2', { exact: true });

describe('console in the browser', () => {
  it('when a coordinator signs in on the Chinese login page, then the dashboard counts the partner banks, the cookie is out of reach of scripts, and English is one click away', async () => {
    const { email } = await seedStaff(h.deps, 'coordinator');
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await expect.poll(() => page.getByRole('heading', { name: /登\s*录/ }).count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'login.png') });
    await signIn(page, email);
    await bankCount(page).waitFor();
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
    expect(await page.evaluate<string>('document.cookie')).not.toContain('lx_session');
    const cookie = (await context.cookies()).find((c) => c.name === 'lx_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // First load of the dashboard by a signed-in coordinator: a fresh page, nothing cached.
    const fresh = await context.newPage();
    const started = performance.now();
    await fresh.goto(consoleUrl);
    await bankCount(fresh).waitFor();
    const firstLoadMs = Math.round(performance.now() - started);
    console.log(`[console] dashboard first load: ${firstLoadMs} ms`);
    expect(firstLoadMs).toBeLessThan(FIRST_LOAD_BUDGET_MS);

    await fresh.getByRole('button', { name: 'language' }).click();
    await fresh.getByRole('heading', { name: /Dashboard/ }).waitFor();
    await context.close();
  });

  it('when the password is wrong, then the page says so in Chinese and stays on sign-in', async () => {
    const { email } = await seedStaff(h.deps, 'officer');
    const page = await browser.newPage({ locale: 'zh-CN' });
    await signIn(page, email, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('邮箱或密码错误');
    await page.close();
  });

  it('when a liaison opens the emailed link, sets a password and signs in, then they see only their own bank and cannot reach another bank or post without the CSRF token', async () => {
    await h.flush();
    const token = await activationTokenFor(h.env, a.email);
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${consoleUrl}/activate/${token}`);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /激活账号/ }).click();
    await page.getByText('账号已激活，请登录').waitFor();
    await signIn(page, a.email);
    await page.getByTestId('my-bank').getByText(a.code, { exact: true }).waitFor();
    await page.screenshot({ path: join(artifacts, 'liaison-home-375.png'), fullPage: true });

    const statuses = await page.evaluate(
      async ({ other, own }) => {
        const get = await fetch(`/api/banks/banks/${other}`);
        const post = await fetch(`/api/banks/banks/${own}/branches`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: '伪造支行', address: '某地' }),
        });
        return [get.status, post.status];
      },
      { other: b.bankId, own: a.bankId },
    );
    expect(statuses).toEqual([404, 403]);
    await context.close();
  });
});

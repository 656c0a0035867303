// The console's security promises checked in a real browser: another bank's pages and API objects are 404, CSRF, the login lock, the cookie.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  activateAndSignIn,
  bankWithLiaison,
  registerAtOutreach,
  scheduleForum,
} from './liaison-setup.ts';
import { newContext, PASSWORD, seedStaff, startStack } from './stack.ts';

const stack = await startStack(import.meta.url, { outreach: true });
const mine = await bankWithLiaison(stack);
const theirs = await bankWithLiaison(stack);
const shared = await scheduleForum(stack, [mine, theirs], {
  title: '两行共同受邀的恳谈会',
  capacity: 10,
});
const theirsOnly = await scheduleForum(stack, [theirs], {
  title: '仅邀请他行的恳谈会',
  capacity: 10,
});
const ownRegistration = await registerAtOutreach(stack, mine, shared.id, {
  name: '本行员工',
  mobile: '13911110001',
});
const theirRegistration = await registerAtOutreach(stack, theirs, shared.id, {
  name: '他行员工',
  mobile: '13911110002',
});

const context = await newContext(stack);
const page = await context.newPage();
await activateAndSignIn(page, stack, mine.email);

/** The page a person sees after typing `path` into the address bar. */
async function typed(p: Page, path: string): Promise<void> {
  await p.goto(`${stack.url}${path}`);
  await p.getByTestId('account-menu').waitFor();
}

/** Requests from the signed-in page itself, as its scripts (or a curious person's console) would send them. */
function fromPage(
  requests: { method: string; path: string; body?: unknown; csrf: boolean }[],
): Promise<{ status: number; code: string | null }[]> {
  return page.evaluate(async (list) => {
    const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
    const out: { status: number; code: string | null }[] = [];
    for (const r of list) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (r.body !== undefined) headers['content-type'] = 'application/json';
      if (r.csrf) headers['x-csrf-token'] = session.csrfToken;
      const res = await fetch(r.path, {
        method: r.method,
        headers,
        ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
      });
      const json = (await res.json().catch(() => null)) as { error?: { code: string } } | null;
      out.push({ status: res.status, code: json?.error?.code ?? null });
    }
    return out;
  }, requests);
}

describe('console security in the browser', () => {
  it('when a liaison types another bank’s registration or a session their bank is not invited to into the address bar, then the console’s 404 page; their own opens', async () => {
    await typed(page, `/registrations/${ownRegistration}`);
    await page.getByTestId('registration').getByText('13911110001').waitFor();

    for (const path of [
      `/registrations/${theirRegistration}`,
      `/sessions/${theirsOnly.id}/register`,
      `/registrations/not-an-id`,
    ]) {
      await typed(page, path);
      await page.getByText('页面不存在').waitFor();
      expect(await page.getByRole('heading', { name: '他行员工' }).count()).toBe(0);
      expect(await page.content()).not.toContain('13911110002');
    }
  });

  it('when the page calls /api for another bank’s objects, then 404 NOT_FOUND as for none at all; lists hold only their own', async () => {
    const none = 'f'.repeat(24);
    const answers = await fromPage([
      { method: 'GET', path: `/api/outreach/registrations/${theirRegistration}`, csrf: true },
      { method: 'GET', path: `/api/outreach/registrations/${none}`, csrf: true },
      { method: 'GET', path: `/api/outreach/sessions/${theirsOnly.id}`, csrf: true },
      { method: 'GET', path: `/api/banks/banks/${theirs.bankId}`, csrf: true },
      {
        method: 'DELETE',
        path: `/api/outreach/sessions/${shared.id}/registrations/${theirRegistration}`,
        csrf: true,
      },
      {
        method: 'POST',
        path: `/api/outreach/sessions/${theirsOnly.id}/registrations`,
        body: { name: '冒名', mobile: '13911110003' },
        csrf: true,
      },
    ]);
    expect(answers).toEqual([
      { status: 404, code: 'NOT_FOUND' },
      { status: 404, code: 'NOT_FOUND' },
      { status: 404, code: 'NOT_FOUND' },
      { status: 404, code: 'NOT_FOUND' },
      { status: 404, code: 'NOT_FOUND' },
      { status: 404, code: 'NOT_FOUND' },
    ]);
    const lists = await page.evaluate(async (sessionId) => {
      const ids = async (path: string) =>
        ((await (await fetch(path)).json()) as { items: { id: string }[] }).items.map((i) => i.id);
      return {
        registrations: await ids('/api/outreach/registrations'),
        ofSession: await ids(`/api/outreach/sessions/${sessionId}/registrations`),
      };
    }, shared.id);
    expect(lists).toEqual({ registrations: [ownRegistration], ofSession: [ownRegistration] });
    // Their registration is untouched.
    const still = await stack.outreach?.as('coordinator')(
      'GET',
      `/sessions/${shared.id}/registrations`,
    );
    const statuses = still?.json<{ items: { id: string; status: string }[] }>().items;
    expect(statuses?.find((r) => r.id === theirRegistration)?.status).toBe('confirmed');
  });

  it('when a state-changing request comes without the CSRF token, then 403 CSRF_FAILED and nothing changes', async () => {
    const answers = await fromPage([
      {
        method: 'DELETE',
        path: `/api/outreach/sessions/${shared.id}/registrations/${ownRegistration}`,
        csrf: false,
      },
      {
        method: 'POST',
        path: `/api/outreach/sessions/${shared.id}/registrations`,
        body: { name: '无令牌', mobile: '13911110004' },
        csrf: false,
      },
      { method: 'POST', path: '/auth/logout-all', csrf: false },
    ]);
    expect(answers).toEqual([
      { status: 403, code: 'CSRF_FAILED' },
      { status: 403, code: 'CSRF_FAILED' },
      { status: 403, code: 'CSRF_FAILED' },
    ]);
    const own = await stack.outreach?.as('coordinator')(
      'GET',
      `/sessions/${shared.id}/registrations`,
    );
    const items = own?.json<{
      items: { id: string; status: string; attendee: { name: string } }[];
    }>().items;
    expect(items?.find((r) => r.id === ownRegistration)?.status).toBe('confirmed');
    expect(items?.map((r) => r.attendee.name)).not.toContain('无令牌');
    // Still signed in: the refused sign-out-everywhere did nothing.
    await typed(page, '/');
  });

  it('when the session cookie is set, then scripts cannot read it and it is SameSite=Lax', async () => {
    const cookie = (await context.cookies()).find((c) => c.name === 'lx_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate<string>('document.cookie')).not.toContain('lx_session');
  });

  it('when a wrong password is typed 6 times, then the 6th answer says the account is locked, in Chinese, and the right password is refused too', async () => {
    const { email } = await seedStaff(stack.console.deps, 'officer');
    const other = await newContext(stack);
    const login = await other.newPage();
    await login.goto(stack.url);
    const alert = login.getByRole('alert');
    const attempt = async (password: string, expected: string): Promise<void> => {
      await login.getByLabel('邮箱').fill(email);
      await login.getByLabel('密码').fill(password);
      const answered = login.waitForResponse((r) => r.url().endsWith('/auth/login'));
      await login.getByRole('button', { name: /登\s*录/ }).click();
      expect((await answered).status()).toBe(expected === 'locked' ? 429 : 401);
      await expect
        .poll(() => alert.textContent())
        .toContain(expected === 'locked' ? '账号已锁定' : '邮箱或密码错误');
    };
    for (let n = 1; n <= 5; n += 1) await attempt(`wrong-password-${n}`, 'wrong');
    await attempt('wrong-password-6', 'locked');
    expect(await alert.textContent()).toMatch(/密码错误次数过多，账号已锁定，请 1[45] 分钟后再试/);
    await attempt(PASSWORD, 'locked');
    await other.close();
  });
});

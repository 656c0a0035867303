// The gateway and liaison accounts end to end: the real banks app listening, the console consuming its topic and proxying to it.
import { banksService } from '@lianxin/banks/src/service.ts';
import { bankBody, liaisonBody } from '@lianxin/banks/src/test-support/fixtures.ts';
import { serviceHarness, testAuth } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { consoleService } from '../service.ts';
import { activationTokenFor, Browser, PASSWORD, seedStaff } from '../test-support/browser.ts';

const auth = await testAuth();
const banks = await serviceHarness(import.meta.url, banksService);
const banksUrl = await banks.app.listen({ port: 0, host: '127.0.0.1' });
const h = await serviceHarness(import.meta.url, consoleService, {
  env: {
    JWT_PRIVATE_KEY: auth.privateKey,
    BANKS_URL: banksUrl,
    // Nothing listens there: the gateway's answer to a service that is down.
    NOTIFIER_URL: 'http://127.0.0.1:9',
  },
});
const coordinatorOnBanks = banks.as('coordinator');

async function until<T>(read: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A bank with one liaison, added on the banks service; the console learns it from the topic. */
async function bankWithLiaison() {
  const bank = (await coordinatorOnBanks('POST', '/banks', bankBody())).json<{ id: string }>();
  const body = liaisonBody();
  const added = await coordinatorOnBanks('POST', `/banks/${bank.id}/liaisons`, body);
  expect(added.statusCode).toBe(201);
  await banks.flush();
  const liaisonId = added.json<{ id: string }>().id;
  return { bankId: bank.id, liaisonId, email: body.email };
}

/** The liaison activates the emailed link and signs in to the console. */
async function liaisonBrowser(email: string): Promise<Browser> {
  await h.flush();
  const token = await activationTokenFor(h.env, email);
  const browser = new Browser(h.app);
  await browser.open();
  const activated = await browser.request('POST', '/auth/activate', { token, password: PASSWORD });
  expect(activated.statusCode).toBe(200);
  expect((await browser.login(email)).statusCode).toBe(200);
  return browser;
}

const a = await bankWithLiaison();
const b = await bankWithLiaison();

describe('liaison accounts from the banks topic', () => {
  it('when a liaison is added at the banks service, then a pending liaison account of that bank appears', async () => {
    const account = await until(() => h.deps.accounts.findById(a.liaisonId));
    expect(account).toMatchObject({ role: 'liaison', bankId: a.bankId, status: 'pending' });
  });

  it('when the liaison is removed at the banks service, then their session ends and sign-in is refused', async () => {
    const c = await bankWithLiaison();
    await until(() => h.deps.accounts.findById(c.liaisonId));
    const browser = await liaisonBrowser(c.email);
    expect((await browser.open()).account).toMatchObject({ id: c.liaisonId });
    const removed = await coordinatorOnBanks(
      'DELETE',
      `/banks/${c.bankId}/liaisons/${c.liaisonId}`,
    );
    expect(removed.statusCode).toBe(204);
    await banks.flush();
    await until(async () => {
      const account = await h.deps.accounts.findById(c.liaisonId);
      return account?.status === 'deactivated' ? account : null;
    });
    expect((await browser.open()).account).toBeNull();
    expect((await new Browser(h.app).login(c.email)).statusCode).toBe(401);
  });
});

describe('gateway', () => {
  it('when a liaison reads their bank through /api, then 200; another bank’s object is 404 and the list holds only theirs', async () => {
    await until(() => h.deps.accounts.findById(a.liaisonId));
    const browser = await liaisonBrowser(a.email);
    const own = await browser.request('GET', `/api/banks/banks/${a.bankId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: a.bankId });
    const other = await browser.request('GET', `/api/banks/banks/${b.bankId}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const list = await browser.request('GET', '/api/banks/banks?pageSize=100');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toEqual([a.bankId]);
    // The browser never holds a service token: nothing in the response carries one.
    expect(JSON.stringify(own.headers)).not.toMatch(/eyJ/);
  });

  it('when a state-changing /api call has no CSRF token, then 403 and the service is not reached', async () => {
    const { email } = await seedStaff(h.deps, 'coordinator');
    const browser = new Browser(h.app);
    await browser.login(email);
    const body = bankBody();
    const refused = await browser.request('POST', '/api/banks/banks', body, { csrf: false });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    const search = await coordinatorOnBanks('GET', `/banks?q=${body.code}`);
    expect(search.json<{ items: unknown[] }>().items).toHaveLength(0);

    const created = await browser.request('POST', '/api/banks/banks', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: body.code });
  });

  it('when the service rejects the body, then its 400 with the field reaches the browser unchanged', async () => {
    const { email } = await seedStaff(h.deps, 'coordinator');
    const browser = new Browser(h.app);
    await browser.login(email);
    const response = await browser.request('POST', '/api/banks/banks', { ...bankBody(), extra: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'extra' }] },
    });
  });

  it('when nobody is signed in, then /api answers 401 without calling the service', async () => {
    const response = await new Browser(h.app).request('GET', '/api/banks/banks');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('when the service is unknown, then 404; when it is down, then 503 UNAVAILABLE', async () => {
    const { email } = await seedStaff(h.deps, 'coordinator');
    const browser = new Browser(h.app);
    await browser.login(email);
    expect((await browser.request('GET', '/api/nosuch/things')).statusCode).toBe(404);
    const down = await browser.request('GET', '/api/notifier/deliveries');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  });
});

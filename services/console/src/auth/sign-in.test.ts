// Component tests of sign-in against the real database and broker: activation, cookies, CSRF, lockout (raced), sign-out.
import { describe, expect, it } from 'vitest';
import { serviceHarness, testAuth } from '@lianxin/testing';
import { consoleService } from '../service.ts';
import {
  activationTokenFor,
  Browser,
  PASSWORD,
  seedStaff,
  uniqueEmail,
} from '../test-support/browser.ts';

const auth = await testAuth();
const h = await serviceHarness(import.meta.url, consoleService, {
  env: { JWT_PRIVATE_KEY: auth.privateKey },
  components: false,
});

async function signedIn(role: 'coordinator' | 'officer' | 'reviewer' = 'coordinator') {
  const seeded = await seedStaff(h.deps, role);
  const browser = new Browser(h.app);
  expect((await browser.login(seeded.email)).statusCode).toBe(200);
  return { ...seeded, browser };
}

describe('activation and sign-in', () => {
  it('when a coordinator creates an officer, then the emailed link activates it once and the officer signs in with an httpOnly Lax cookie', async () => {
    const { browser: coordinator } = await signedIn('coordinator');
    const email = uniqueEmail('officer');
    const created = await coordinator.request('POST', '/accounts', {
      role: 'officer',
      name: '李民警',
      email,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'officer', status: 'pending', email });

    await h.flush();
    const token = await activationTokenFor(h.env, email);
    const visitor = new Browser(h.app);
    await visitor.open();
    const activated = await visitor.request('POST', '/auth/activate', {
      token,
      password: PASSWORD,
    });
    expect(activated.statusCode).toBe(200);
    expect(activated.json()).toMatchObject({ account: { email, status: 'active' } });
    const again = await visitor.request('POST', '/auth/activate', { token, password: PASSWORD });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: { code: 'INVALID_ACTIVATION_TOKEN' } });

    const login = await visitor.login(email);
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/lx_session=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; Secure when PUBLIC_URL is https
    expect((await visitor.open()).account).toMatchObject({ role: 'officer' });
  });

  it('when the password is shorter than 10 characters at activation, then 400 names the field', async () => {
    const visitor = new Browser(h.app);
    await visitor.open();
    const response = await visitor.request('POST', '/auth/activate', {
      token: 'x'.repeat(43),
      password: 'short',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'password' }] },
    });
  });

  it('when the login has no CSRF token, then 403 CSRF_FAILED and no cookie is set', async () => {
    const { email } = await seedStaff(h.deps, 'officer');
    const browser = new Browser(h.app);
    await browser.open();
    const response = await browser.request(
      'POST',
      '/auth/login',
      { email, password: PASSWORD },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    expect(browser.cookies.has('lx_session')).toBe(false);
  });

  it('when the password is wrong or the email unknown, then the same 401 INVALID_CREDENTIALS', async () => {
    const { email } = await seedStaff(h.deps, 'officer');
    const wrong = await new Browser(h.app).login(email, 'not-the-password');
    const unknown = await new Browser(h.app).login(uniqueEmail(), PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        error: { code: 'INVALID_CREDENTIALS', message: { zh: '邮箱或密码错误' } },
      });
    }
  });

  it('when a signed-in request changes state without the CSRF token or with another session’s, then 403', async () => {
    const { browser } = await signedIn('coordinator');
    const { browser: other } = await signedIn('coordinator');
    const body = { role: 'reviewer', name: '审核员', email: uniqueEmail() };
    const none = await browser.request('POST', '/accounts', body, { csrf: false });
    const foreign = await browser.request('POST', '/accounts', body, {
      csrf: false,
      headers: { 'x-csrf-token': other.csrf ?? '' },
    });
    for (const response of [none, foreign]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    }
    const list = await browser.request('GET', '/accounts?role=reviewer', undefined, {
      csrf: false,
    });
    expect(list.json<{ items: { email: string }[] }>().items.map((a) => a.email)).not.toContain(
      body.email,
    );
  });

  it('when an officer lists accounts, then 403', async () => {
    const { browser } = await signedIn('officer');
    expect((await browser.request('GET', '/accounts')).statusCode).toBe(403);
  });
});

describe('login lock', () => {
  it('when 5 wrong passwords are sent, then the 6th attempt is locked even with the right password, for 15 minutes', async () => {
    const { id, email } = await seedStaff(h.deps, 'officer');
    const browser = new Browser(h.app);
    for (let i = 0; i < 5; i += 1) {
      expect((await browser.login(email, `wrong-${i}`)).statusCode).toBe(401);
    }
    const locked = await browser.login(email);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const realNow = h.deps.now;
    h.deps.now = () => new Date(Date.now() + 15 * 60_000 + 1000);
    try {
      expect((await browser.login(email)).statusCode).toBe(200);
    } finally {
      h.deps.now = realNow;
    }
    const doc = await h.models.accounts.findById(id).lean();
    expect(doc?.attempts).toBe(0);
  });

  it('when 300 wrong passwords race, then exactly 5 are checked and the other 295 are refused as locked', async () => {
    const { id, email } = await seedStaff(h.deps, 'officer');
    const browser = new Browser(h.app);
    await browser.open();
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        browser.request('POST', '/auth/login', { email, password: `wrong-${i}` }),
      ),
    );
    const codes = responses.map((r) => r.json<{ error: { code: string } }>().error.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(295);
    const doc = await h.models.accounts.findById(id).lean();
    expect(doc?.lockedUntil.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await browser.login(email)).statusCode).toBe(429);
  });
});

describe('sign-out', () => {
  it('when a browser signs out, then its cookie no longer opens the session', async () => {
    const { browser } = await signedIn('officer');
    const stolen = new Map(browser.cookies);
    expect((await browser.request('POST', '/auth/logout')).statusCode).toBe(204);
    expect((await browser.open()).account).toBeNull();
    const replay = new Browser(h.app);
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expect((await replay.open()).account).toBeNull();
  });

  it('when one browser signs out everywhere, then the other browser’s session ends too', async () => {
    const { email, browser: laptop } = await signedIn('reviewer');
    const phone = new Browser(h.app);
    expect((await phone.login(email)).statusCode).toBe(200);
    const ended = await laptop.request('POST', '/auth/logout-all');
    expect(ended.json()).toEqual({ ended: 2 });
    expect((await phone.open()).account).toBeNull();
    expect((await laptop.open()).account).toBeNull();
  });

  it('when a coordinator deactivates an account, then its open session ends and it cannot sign in', async () => {
    const { browser: coordinator } = await signedIn('coordinator');
    const { id, email, browser: officer } = await signedIn('officer');
    const done = await coordinator.request('POST', `/accounts/${id}/deactivate`);
    expect(done.statusCode).toBe(204);
    expect((await officer.open()).account).toBeNull();
    const again = await new Browser(h.app).login(email);
    expect(again.statusCode).toBe(401);
  });
});

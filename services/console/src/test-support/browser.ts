// A browser for the console's tests: a cookie jar over app.inject, the CSRF token it was handed, and account set-up.
import type { App } from '@lianxin/platform/http';
import { readTopic, type TestEnv } from '@lianxin/testing';
import type { LightMyRequestResponse } from 'fastify';
import { Topics } from '@lianxin/contracts';
import { randomBytes } from 'node:crypto';
import { activationRequested } from '../accounts/account.events.ts';
import { hashPassword } from '../auth/hash-password.ts';
import type { Deps } from '../shared/deps.ts';

export const PASSWORD = 'correct-horse-battery';
export const uniqueEmail = (prefix = 'u'): string =>
  `${prefix}${randomBytes(5).toString('hex')}@test.lianxin.cn`;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class Browser {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(private readonly app: App) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if ((options.csrf ?? true) && this.csrf !== undefined) headers['x-csrf-token'] = this.csrf;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      const cleared =
        cookie.value === '' ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (cleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** Loads the session as the web app does on start: the account (or null) and a CSRF token. */
  async open(): Promise<{ account: { id: string; role: string } | null }> {
    const response = await this.request('GET', '/auth/session');
    const body = response.json<{
      account: { id: string; role: string } | null;
      csrfToken: string;
    }>();
    this.csrf = body.csrfToken;
    return body;
  }

  async login(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    if (this.csrf === undefined) await this.open();
    const response = await this.request('POST', '/auth/login', { email, password });
    if (response.statusCode === 200) this.csrf = response.json<{ csrfToken: string }>().csrfToken;
    return response;
  }
}

/** An active staff account with PASSWORD, made directly (the first coordinator has nobody to invite them). */
export async function seedStaff(
  deps: Deps,
  role: 'coordinator' | 'officer' | 'reviewer',
): Promise<{ id: string; email: string }> {
  const id = `t-${randomBytes(6).toString('hex')}`;
  const email = uniqueEmail(role);
  const now = new Date();
  const account = {
    id,
    role,
    bankId: null,
    name: '测试民警',
    email,
    language: 'zh' as const,
    status: 'pending' as const,
    createdAt: now,
    updatedAt: now,
  };
  await deps.accounts.create(
    { ...account, activationTokenHash: randomBytes(16).toString('hex'), activationExpiresAt: now },
    activationRequested(account, { url: 'http://127.0.0.1:4100/activate/seeded', expiresAt: now }),
  );
  await deps.accounts.setPassword(id, await hashPassword(PASSWORD), now);
  return { id, email };
}

/** The activation token emailed to `email`: read from the accounts topic as the notifier would. */
export async function activationTokenFor(env: TestEnv, email: string): Promise<string> {
  const find = (values: (string | null)[]) =>
    values
      .map((v) =>
        v === null
          ? null
          : (JSON.parse(v) as { type: string; data: { email: string; link: { url: string } } }),
      )
      .find((e) => e?.type === 'account.activation_requested' && e.data.email === email);
  const messages = await readTopic(env.kafkaBrokers, env.topic(Topics.accounts), {
    until: (msgs) => find(msgs.map((m) => m.value)) !== undefined,
  });
  const event = find(messages.map((m) => m.value));
  if (event == null) throw new Error(`no activation event for ${email}`);
  return event.data.link.url.split('/activate/')[1] ?? '';
}

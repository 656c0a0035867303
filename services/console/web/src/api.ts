// The web app's API client: same-origin fetch with the session's CSRF token; types come from the services' zod schemas.
import type { z } from 'zod';
import type { SessionView as SessionViewSchema } from '../../src/accounts/account.schemas.ts';
import type { BankPage as BankPageSchema } from '../../../banks/src/banks/bank.schemas.ts';
import type { SessionView as OutreachSessionSchema } from '../../../outreach/src/sessions/session.schemas.ts';

export type SessionInfo = z.infer<typeof SessionViewSchema>;
export type Account = NonNullable<SessionInfo['account']>;
export type BankPage = z.infer<typeof BankPageSchema>;
export type OutreachSession = z.infer<typeof OutreachSessionSchema>;
export interface Page<T> {
  items: T[];
  total: number;
}

export interface ErrorText {
  zh: string;
  en: string;
}

/** One thing wrong, as the services' error bodies list them: the field (`path`), the rule, extras by code. */
export interface ErrorDetail {
  path: string;
  rule: string;
  message: ErrorText;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: ErrorText,
    readonly details: ErrorDetail[] = [],
  ) {
    super(text.en);
  }
}

let csrfToken: string | undefined;

/** One request to the console (`/auth/…`, `/accounts…`) or through its gateway (`/api/<service>/…`). */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (
      json as { error?: { code?: string; message?: ErrorText; details?: ErrorDetail[] } } | null
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'UNKNOWN',
      error?.message ?? {
        zh: `请求失败（${response.status}）`,
        en: `Request failed (${response.status})`,
      },
      error?.details ?? [],
    );
  }
  return json as T;
}

export const api = {
  async session(): Promise<SessionInfo> {
    const info = await call<SessionInfo>('GET', '/auth/session');
    csrfToken = info.csrfToken;
    return info;
  },
  async login(email: string, password: string): Promise<SessionInfo> {
    const info = await call<SessionInfo>('POST', '/auth/login', { email, password });
    csrfToken = info.csrfToken;
    return info;
  },
  activate: (token: string, password: string) =>
    call<{ account: Account }>('POST', '/auth/activate', { token, password }),
  logout: () => call<undefined>('POST', '/auth/logout'),
  logoutEverywhere: () => call<{ ended: number }>('POST', '/auth/logout-all'),
  banks: () => call<BankPage>('GET', '/api/banks/banks?pageSize=100'),
  sessions: () =>
    call<Page<OutreachSession>>('GET', '/api/outreach/sessions?status=scheduled&pageSize=50'),
};

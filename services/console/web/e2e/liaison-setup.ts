// Set-up the liaison's browser tests share: a bank with a liaison known to every service, a forum inviting banks, activation in the browser.
import { bankBody, liaisonBody } from '@lianxin/banks/src/test-support/fixtures.ts';
import { sessionBody } from '@lianxin/outreach/src/test-support/fixtures.ts';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { activationTokenFor, PASSWORD, signIn, type Stack } from './stack.ts';

export interface TestBank {
  bankId: string;
  code: string;
  liaisonId: string;
  email: string;
}

function outreachOf(stack: Stack) {
  if (stack.outreach === undefined) throw new Error('start the stack with { outreach: true }');
  return stack.outreach;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A bank and its liaison, added at the banks service; returns once outreach knows the liaison. */
export async function bankWithLiaison(stack: Stack): Promise<TestBank> {
  const coordinator = stack.banks.as('coordinator');
  const body = bankBody();
  const bank = (await coordinator('POST', '/banks', body)).json<{ id: string }>();
  const liaison = liaisonBody();
  const added = await coordinator('POST', `/banks/${bank.id}/liaisons`, liaison);
  expect(added.statusCode).toBe(201);
  const liaisonId = added.json<{ id: string }>().id;
  await stack.banks.flush();
  const outreach = outreachOf(stack);
  await until(
    () => outreach.deps.banks.isActiveLiaison(liaisonId, bank.id),
    `outreach to learn liaison ${liaisonId}`,
  );
  return { bankId: bank.id, code: body.code, liaisonId, email: liaison.email };
}

/** A bank forum inviting `banks`, scheduled by a coordinator at outreach. */
export async function scheduleForum(
  stack: Stack,
  banks: readonly TestBank[],
  opts: { title: string; capacity: number; perBankQuota?: number | null; startsInDays?: number },
): Promise<{ id: string; startsAt: string; endsAt: string }> {
  const body = sessionBody(
    {
      title: opts.title,
      kind: 'bank_forum',
      format: 'open_forum',
      capacity: opts.capacity,
      perBankQuota: opts.perBankQuota ?? null,
      invitedBankIds: banks.map((b) => b.bankId),
      audiences: ['bank_staff'],
      fraudTopics: ['fake_investment', 'impersonate_authority'],
    },
    (opts.startsInDays ?? 3) * 24 * 3_600_000,
  );
  const created = await outreachOf(stack).as('coordinator')('POST', '/sessions', body);
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string; startsAt: string; endsAt: string }>();
}

/** Registers an attendee as the bank's liaison straight at outreach (another bank's data for a test). */
export async function registerAtOutreach(
  stack: Stack,
  bank: TestBank,
  sessionId: string,
  attendee: { name: string; mobile: string },
): Promise<string> {
  const liaison = outreachOf(stack).as({ liaison: bank.bankId, id: bank.liaisonId });
  const res = await liaison('POST', `/sessions/${sessionId}/registrations`, attendee);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** The liaison opens the emailed activation link, sets a password and signs in, as a person does. */
export async function activateAndSignIn(page: Page, stack: Stack, email: string): Promise<void> {
  await stack.console.flush();
  const token = await activationTokenFor(stack.console.env, email);
  await page.goto(`${stack.url}/activate/${token}`);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /激活账号/ }).click();
  await page.getByText('账号已激活，请登录').waitFor();
  await signIn(page, stack, email);
}

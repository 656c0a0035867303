// Component tests of the bank routes through inject(), on the real database: every role, rules and errors.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { banksService } from '../service.ts';
import { bankBody, uniqueCode } from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, banksService);
const coordinator = h.as('coordinator');
const officer = h.as('officer');
const reviewer = h.as('reviewer');

async function createBank(body = bankBody()) {
  const res = await coordinator('POST', '/banks', body);
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; code: string }>();
}

describe('banks', () => {
  it('when a coordinator registers a bank, then it is active and readable by every staff role', async () => {
    const body = bankBody();
    const bank = await createBank(body);
    expect(bank).toMatchObject({
      code: body.code,
      status: 'active',
      suspension: null,
      branchCount: 0,
      activeLiaisonCount: 0,
    });
    for (const caller of [coordinator, officer, reviewer]) {
      const res = await caller('GET', `/banks/${bank.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: bank.id, name: body.name, district: '淑阳镇' });
    }
  });

  it('when the code is lower case with spaces, then it is stored trimmed and upper case', async () => {
    const code = uniqueCode();
    const bank = await createBank({ ...bankBody(), code: `  ${code.toLowerCase()} ` });
    expect(bank.code).toBe(code);
  });

  it('when a second bank repeats a code, then 409 DUPLICATE_BANK_CODE and the first is unchanged', async () => {
    const body = bankBody();
    const first = await createBank(body);
    const res = await coordinator('POST', '/banks', { ...bankBody(), code: body.code });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'DUPLICATE_BANK_CODE', details: [{ path: 'code', rule: 'unique' }] },
    });
    expect((await coordinator('GET', `/banks/${first.id}`)).json()).toMatchObject({
      name: body.name,
    });
  });

  it('when an officer or reviewer tries to register, edit or suspend, then 403', async () => {
    const bank = await createBank();
    for (const caller of [officer, reviewer]) {
      expect((await caller('POST', '/banks', bankBody())).statusCode).toBe(403);
      expect((await caller('PATCH', `/banks/${bank.id}`, { notes: '备注' })).statusCode).toBe(403);
      expect(
        (await caller('POST', `/banks/${bank.id}/suspend`, { reason: '暂停' })).statusCode,
      ).toBe(403);
    }
  });

  it('when a body has an unknown field, an invalid type or a $-operator, then 400 naming the field and nothing is stored', async () => {
    const unknown = await coordinator('POST', '/banks', { ...bankBody(), ceo: '某人' });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('ceo');
    const badType = await coordinator('POST', '/banks', { ...bankBody(), type: 'casino' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'type' })] },
    });
    const injected = await coordinator('POST', '/banks', { ...bankBody(), code: { $ne: null } });
    expect(injected.statusCode).toBe(400);
    const list = await coordinator('GET', '/banks?q=casino');
    expect(list.json()).toMatchObject({ total: 0 });
  });

  it('when a bank or branch field holds the NUL character (PostgreSQL cannot store it), then 400 naming the field and nothing is stored', async () => {
    const body = bankBody();
    const res = await coordinator('POST', '/banks', { ...body, district: '香河\u0000县' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'district', rule: 'nul_character' }] },
    });
    expect((await coordinator('GET', `/banks?q=${body.code}`)).json()).toMatchObject({ total: 0 });
    const bank = await createBank();
    const branch = await coordinator('POST', `/banks/${bank.id}/branches`, {
      name: '城关\u0000支行',
      address: '香河县新华大街 1 号',
    });
    expect(branch.statusCode).toBe(400);
    expect((await coordinator('GET', `/banks/${bank.id}/branches`)).json()).toEqual({ items: [] });
  });

  it('when a bank is edited, then the change shows and an empty patch is refused', async () => {
    const bank = await createBank();
    const res = await coordinator('PATCH', `/banks/${bank.id}`, {
      notes: '每月第一个周二例会',
      district: '渠口镇',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ notes: '每月第一个周二例会', district: '渠口镇' });
    expect((await coordinator('PATCH', `/banks/${bank.id}`, {})).statusCode).toBe(400);
  });

  it('when a bank is suspended with a reason and reactivated, then its status follows and repeats are 409', async () => {
    const bank = await createBank();
    const suspended = await coordinator('POST', `/banks/${bank.id}/suspend`, {
      reason: '联络机制调整',
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({
      status: 'suspended',
      suspension: { reason: '联络机制调整' },
    });
    expect(
      (await coordinator('POST', `/banks/${bank.id}/suspend`, { reason: '再次' })).statusCode,
    ).toBe(409);
    expect((await coordinator('POST', `/banks/${bank.id}/suspend`, {})).statusCode).toBe(400);
    const active = await coordinator('POST', `/banks/${bank.id}/reactivate`);
    expect(active.json()).toMatchObject({ status: 'active', suspension: null });
    expect((await coordinator('POST', `/banks/${bank.id}/reactivate`)).json()).toMatchObject({
      error: { code: 'INVALID_TRANSITION' },
    });
  });

  it('when banks are listed with filters and pages, then the order is stable by code and totals count all matches', async () => {
    const district = `测试镇${uniqueCode('')}`;
    const codes = [uniqueCode('A'), uniqueCode('B'), uniqueCode('C')].sort();
    for (const code of codes) await createBank({ ...bankBody(code), district });
    const page1 = (
      await officer('GET', `/banks?district=${encodeURIComponent(district)}&pageSize=2`)
    ).json<{ items: { code: string }[]; total: number; page: number; pageSize: number }>();
    const page2 = (
      await officer('GET', `/banks?district=${encodeURIComponent(district)}&pageSize=2&page=2`)
    ).json<{ items: { code: string }[] }>();
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect([...page1.items, ...page2.items].map((b) => b.code)).toEqual(codes);
    const byText = (await officer('GET', `/banks?q=${codes[1]?.toLowerCase() ?? ''}`)).json<{
      items: { code: string }[];
    }>();
    expect(byText.items.map((b) => b.code)).toEqual([codes[1]]);
    expect((await officer('GET', '/banks?pageSize=500')).statusCode).toBe(400);
    expect((await officer('GET', '/banks?status=paused')).statusCode).toBe(400);
  });

  it('when a bank id is malformed or unknown, then 400 or 404', async () => {
    expect((await coordinator('GET', '/banks/not-an-id')).statusCode).toBe(400);
    expect((await coordinator('GET', '/banks/0123456789abcdef01234567')).statusCode).toBe(404);
  });

  it('when there is no token or a bad one, then 401', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/banks' })).statusCode).toBe(401);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/banks',
          headers: { authorization: 'Bearer a.b.c' },
        })
      ).statusCode,
    ).toBe(401);
  });
});

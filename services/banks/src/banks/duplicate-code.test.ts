// Issue 10, defect 2: an edit that gives a bank another bank's code answers 409, as a registration does, never 500.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { banksService } from '../service.ts';
import { bankBody } from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, banksService);
const coordinator = h.as('coordinator');

async function createBank(body = bankBody()) {
  const res = await coordinator('POST', '/banks', body);
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; code: string; name: string }>();
}

describe('bank codes stay unique on edit', () => {
  it('when PATCH gives a bank the code another bank has, then 409 DUPLICATE_BANK_CODE and neither bank changes', async () => {
    const first = await createBank();
    const second = await createBank();
    const res = await coordinator('PATCH', `/banks/${second.id}`, { code: first.code });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'DUPLICATE_BANK_CODE', details: [{ path: 'code', rule: 'unique' }] },
    });
    expect((await coordinator('GET', `/banks/${second.id}`)).json()).toMatchObject({
      code: second.code,
      name: second.name,
    });
    expect((await coordinator('GET', `/banks/${first.id}`)).json()).toMatchObject({
      code: first.code,
    });
  });

  it('when 10 edits race to take the same free code, then one succeeds and nine answer 409', async () => {
    const banks = await Promise.all(Array.from({ length: 10 }, () => createBank()));
    const wanted = bankBody().code;
    const results = await Promise.all(
      banks.map((b) => coordinator('PATCH', `/banks/${b.id}`, { code: wanted })),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json()).toMatchObject({ error: { code: 'DUPLICATE_BANK_CODE' } });
    }
  });
});

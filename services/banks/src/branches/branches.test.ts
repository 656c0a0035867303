// Component tests of branches: coordinators manage them, every signed-in role reads them (a liaison, their own bank's).
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { banksService } from '../service.ts';
import { bankBody } from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, banksService);
const coordinator = h.as('coordinator');
const officer = h.as('officer');
const reviewer = h.as('reviewer');

describe('branches', () => {
  it('when a coordinator adds, edits and removes a branch, then every role reads the current list', async () => {
    const bank = (await coordinator('POST', '/banks', bankBody())).json<{ id: string }>();
    const added = await coordinator('POST', `/banks/${bank.id}/branches`, {
      name: '新华大街网点',
      address: '香河县新华大街88号',
      phone: '0316-8312345',
    });
    expect(added.statusCode).toBe(201);
    const branch = added.json<{ id: string }>();
    const edited = await coordinator('PATCH', `/banks/${bank.id}/branches/${branch.id}`, {
      phone: null,
    });
    expect(edited.json()).toMatchObject({ id: branch.id, name: '新华大街网点', phone: null });
    for (const caller of [officer, reviewer]) {
      expect((await caller('GET', `/banks/${bank.id}/branches`)).json()).toMatchObject({
        items: [{ id: branch.id, phone: null }],
      });
      expect(
        (await caller('POST', `/banks/${bank.id}/branches`, { name: 'x', address: 'y' }))
          .statusCode,
      ).toBe(403);
    }
    const liaison = h.as({ liaison: bank.id, id: '0123456789abcdef01234567' });
    expect((await liaison('GET', `/banks/${bank.id}/branches`)).statusCode).toBe(200);
    expect((await coordinator('GET', `/banks/${bank.id}`)).json()).toMatchObject({
      branchCount: 1,
    });
    expect(
      (await coordinator('DELETE', `/banks/${bank.id}/branches/${branch.id}`)).statusCode,
    ).toBe(204);
    expect(
      (await coordinator('DELETE', `/banks/${bank.id}/branches/${branch.id}`)).statusCode,
    ).toBe(404);
    expect((await coordinator('GET', `/banks/${bank.id}/branches`)).json()).toEqual({ items: [] });
  });

  it('when a branch body is invalid, then 400 naming the field', async () => {
    const bank = (await coordinator('POST', '/banks', bankBody())).json<{ id: string }>();
    const res = await coordinator('POST', `/banks/${bank.id}/branches`, {
      name: '网点',
      address: '地址',
      phone: 'call me',
    });
    expect(res.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'phone' })] },
    });
  });
});
